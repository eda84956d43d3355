// A TypeRef of the plan as TypeScript text.
import type { TypeRef } from '../src/codegen/plan-types.js';

export function renderType(type: TypeRef): string {
  switch (type.kind) {
    case 'name':
      return type.name;
    case 'index':
      return `${renderType(type.of)}['${type.key}']`;
    case 'element':
      return `${renderType(type.of)}[number]`;
    case 'nonNull':
      return `NonNullable<${renderType(type.of)}>`;
    case 'orNull':
      return `${renderType(type.of)} | null`;
    case 'array':
      return type.of.kind === 'orNull'
        ? `Array<${renderType(type.of)}>`
        : `${renderType(type.of)}[]`;
    case 'pick':
      return `Pick<${renderType(type.of)}, ${type.keys.map((k) => `'${k}'`).join(' | ')}>`;
    case 'object':
      return `{ ${type.members.map((m) => `${m.name}: ${renderType(m.type)}`).join('; ')} }`;
    case 'union':
      return type.members.map(renderType).join(' | ');
  }
}
