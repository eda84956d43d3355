// Argument values and @skip/@include, computed the way graphql-js does (getArgumentValues,
// valueFromAST), from the schema objects in `info`, so a prefetched load uses exactly the key
// and batch parameters that the field's own resolver will use.
import type {
  ArgDefLike,
  DirectiveNode,
  FieldDefLike,
  SelectionNode,
  TypeLike,
  ValueNode,
} from './shapes.js';
import { fieldsOf, ofType, tagOf } from './shapes.js';

type Variables = Readonly<Record<string, unknown>>;

/** Thrown for a literal graphql-js would reject: that field is left to its own resolver. */
export class Uncoercible extends Error {}

export function argumentValues(
  def: FieldDefLike,
  node: SelectionNode,
  variables: Variables,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of def.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    if (given === undefined) {
      setDefault(out, arg);
      continue;
    }
    const value = given.value;
    if (value.kind === 'Variable') {
      const name = (value.name as { value: string }).value;
      if (Object.hasOwn(variables, name)) out[arg.name] = variables[name];
      else setDefault(out, arg);
      continue;
    }
    out[arg.name] = valueFromAst(value, arg.type, variables);
  }
  return out;
}

function valueFromAst(node: ValueNode, type: TypeLike, variables: Variables): unknown {
  const tag = tagOf(type);
  if (tag === 'GraphQLNonNull') {
    if (node.kind === 'NullValue') throw new Uncoercible();
    return valueFromAst(node, ofType(type), variables);
  }
  if (node.kind === 'Variable') return variables[(node.name as { value: string }).value];
  if (node.kind === 'NullValue') return null;
  if (tag === 'GraphQLList') {
    const item = ofType(type);
    if (node.kind === 'ListValue')
      return (node.values ?? []).map((v) => valueFromAst(v, item, variables));
    return [valueFromAst(node, item, variables)];
  }
  if (tag === 'GraphQLInputObjectType') {
    const fields = fieldsOf(type);
    if (node.kind !== 'ObjectValue' || fields === undefined) throw new Uncoercible();
    const out: Record<string, unknown> = {};
    for (const field of Object.values(fields)) {
      const given = node.fields?.find((f) => f.name.value === field.name);
      if (given !== undefined) out[field.name] = valueFromAst(given.value, field.type, variables);
      else setDefault(out, field);
    }
    return out;
  }
  if (typeof type.parseLiteral !== 'function') throw new Uncoercible();
  const value: unknown = type.parseLiteral(node, variables);
  if (value === undefined) throw new Uncoercible();
  return value;
}

/** An argument's (or input field's) default, from graphql 16's or graphql 17's definition. */
function setDefault(out: Record<string, unknown>, def: ArgDefLike): void {
  if (def.defaultValue !== undefined) {
    out[def.name] = def.defaultValue;
    return;
  }
  const given = def.default as { value?: unknown; literal?: ValueNode } | undefined | null;
  if (given === undefined || given === null) return;
  if (given.literal !== undefined) out[def.name] = valueFromAst(given.literal, def.type, {});
  else if ('value' in given) out[def.name] = given.value;
}

/** graphql-js's shouldIncludeNode: @skip(if: true) and @include(if: false) leave it out. */
export function isIncluded(node: SelectionNode, variables: Variables): boolean {
  const directives = node.directives;
  if (directives === undefined || directives.length === 0) return true;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = conditionOf(directive, variables);
    if (name === 'skip' && condition === true) return false;
    if (name === 'include' && condition === false) return false;
  }
  return true;
}

function conditionOf(directive: DirectiveNode, variables: Variables): unknown {
  const arg = directive.arguments?.find((a) => a.name.value === 'if');
  if (arg === undefined) return undefined;
  const value = arg.value;
  if (value.kind === 'Variable') return variables[(value.name as { value: string }).value];
  return value.kind === 'BooleanValue' ? value.value : undefined;
}
