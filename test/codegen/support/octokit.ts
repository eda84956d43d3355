// GitHub's public schema (@octokit/graphql-schema, 1.2 MB of SDL) with @batch added to many
// fields, for the scale test: every object type's field that returns one object becomes a
// `key: "id"` source of its own, every field returning a list of objects a `many: true` one.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  print,
  type TypeNode,
  visit,
} from 'graphql';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function octokitSdl(): string {
  // The package's `exports` list only its JS entry, so read the SDL file from the install.
  return readFileSync(join(root, 'node_modules/@octokit/graphql-schema/schema.graphql'), 'utf8');
}

const named = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type);
const isList = (type: TypeNode): boolean =>
  type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isList(type.type));

const argument = (name: string, value: ConstValueNode): ConstArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value,
});

/** Adds @batch to up to `limit` fields; returns the SDL and the number of fields annotated. */
export function withBatchDirectives(sdl: string, limit: number): { sdl: string; count: number } {
  const document = parse(sdl, { noLocation: true });
  const objects = new Set<string>();
  const typeNames = new Set<string>();
  for (const def of document.definitions) {
    if ('name' in def && def.name) typeNames.add(def.name.value);
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION) objects.add(def.name.value);
  }
  let count = 0;
  const edited = visit(document, {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      const hasId = node.fields?.some((f) => f.name.value === 'id' && named(f.type) === 'ID');
      if (!hasId || node.name.value === 'Query' || node.name.value === 'Mutation') return undefined;
      const seen = new Set<string>();
      const fields = node.fields?.map((field: FieldDefinitionNode) => {
        // The schema defines a few fields twice: annotate the first definition only.
        if (seen.has(field.name.value) || count >= limit || !objects.has(named(field.type))) {
          seen.add(field.name.value);
          return field;
        }
        seen.add(field.name.value);
        let source = `${node.name.value}${field.name.value[0]?.toUpperCase()}${field.name.value.slice(1)}`;
        while (typeNames.has(`${source}Source`)) source += 'X';
        count++;
        const args = [
          argument('source', { kind: Kind.STRING, value: source }),
          argument('key', { kind: Kind.STRING, value: 'id' }),
          ...(isList(field.type) ? [argument('many', { kind: Kind.BOOLEAN, value: true })] : []),
        ];
        const directive: ConstDirectiveNode = {
          kind: Kind.DIRECTIVE,
          name: { kind: Kind.NAME, value: 'batch' },
          arguments: args,
        };
        return { ...field, directives: [...(field.directives ?? []), directive] };
      });
      return { ...node, fields };
    },
  });
  return { sdl: print(edited), count };
}
