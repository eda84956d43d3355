// Stage 1: a typed walk of the GraphQLSchema that finds every @batch and reads its arguments
// from the field's AST (the only place applied directives survive), checking only their form.
// Meaning (keys, types, sources) is decided in plan.ts.
import {
  type ConstDirectiveNode,
  type ConstValueNode,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
} from 'graphql';
import { BATCH_DIRECTIVE_SDL } from './directive.js';
import { type CollectedEntity, collectEntities } from './entities.js';
import { buildLocationIndex, type FieldLocations } from './locations.js';
import { misplacedBatches } from './misplaced.js';
import type { Problem, SdlLocation } from './problems.js';

/** One well-formed `@batch` on an object or interface type's field. */
export interface CollectedBatch {
  /** An interface's @batch applies to each implementing object type (plan.ts expands it). */
  readonly parent: GraphQLObjectType | GraphQLInterfaceType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly source: string;
  /**
   * As written, one entry per part: `"authorId"` is `["authorId"]`, `["orgId", "userId"]` a
   * composite key; undefined when omitted (plan.ts applies the default).
   */
  readonly key: readonly string[] | undefined;
  readonly many: boolean;
  /** Where to point: the argument if it exists, else the directive, else the field. */
  readonly at: (argument?: 'source' | 'key' | 'many') => SdlLocation | undefined;
}

export interface Collected {
  readonly batches: readonly CollectedBatch[];
  /** Entity types with a type-level @batch: entities.ts. */
  readonly entities: readonly CollectedEntity[];
  readonly problems: readonly Problem[];
}

const EXPECTED_SIGNATURE = BATCH_DIRECTIVE_SDL.trim().replace(/^directive /, '');
const SORTED_SIGNATURE =
  '@batch(key: [String!], many: Boolean = false, source: String!) on FIELD_DEFINITION | OBJECT';
/**
 * Older declarations a schema may still carry. `key: String` is the signature before composite
 * keys: valid with single keys (graphql itself rejects a list value for a String argument when
 * building the schema). Fields only (no `| OBJECT`) is the declaration before entity types could
 * carry @batch: valid while @batch is on fields only (a type-level @batch then needs `| OBJECT`).
 */
const ACCEPTED_SIGNATURES = [
  SORTED_SIGNATURE,
  SORTED_SIGNATURE.replace('key: [String!]', 'key: String'),
];
const FIELDS_ONLY_SIGNATURES = ACCEPTED_SIGNATURES.map((s) => s.replace(/ \| OBJECT$/, ''));
const SOURCE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const ARGUMENTS = ['source', 'key', 'many'] as const;

/** `@batch(source: String!, key: [String!], many: Boolean = false) on FIELD_DEFINITION | OBJECT` */
function signatureOf(directive: GraphQLDirective, order: 'declared' | 'sorted'): string {
  const args = directive.args.map((a) => {
    const def = a.astNode?.defaultValue;
    return `${a.name}: ${String(a.type)}${def ? ` = ${print(def)}` : ''}`;
  });
  // Arguments are named, so their order does not matter; graphql-codegen's schema merge sorts
  // them anyway, so a declaration copied from the README reaches the plugin reordered.
  if (order === 'sorted') args.sort();
  const repeatable = directive.isRepeatable ? ' repeatable' : '';
  const locations = [...directive.locations];
  // FIELD_DEFINITION first, then the rest by name: the order a declaration is usually written in.
  const rank = (l: string) => (l === 'FIELD_DEFINITION' ? '' : l);
  if (order === 'sorted') locations.sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
  return `@${directive.name}(${args.join(', ')})${repeatable} on ${locations.join(' | ')}`;
}

export function collect(schema: GraphQLSchema): Collected {
  const index = buildLocationIndex(schema);
  const problems: Problem[] = [];
  if (!index.hasSdl) {
    problems.push({
      location: undefined,
      message:
        'The schema has no SDL source (it was loaded from introspection JSON, a URL or code), so applied directives such as @batch are lost. Remedy: point `schema` at the .graphql files.',
    });
    return { batches: [], entities: [], problems };
  }
  const definition = schema.getDirective('batch');
  if (definition) {
    const actual = signatureOf(definition, 'declared');
    const sorted = signatureOf(definition, 'sorted');
    const onTypes = Object.values(schema.getTypeMap()).filter(
      (t) =>
        isObjectType(t) &&
        [t.astNode, ...t.extensionASTNodes].some((n) =>
          n?.directives?.some((d) => d.name.value === 'batch'),
        ),
    );
    const declaredFieldsOnly =
      FIELDS_ONLY_SIGNATURES.includes(sorted) ||
      index.directiveLocations?.includes('OBJECT') === false;
    if (declaredFieldsOnly && onTypes.length > 0) {
      problems.push({
        location: index.directiveDefinition,
        message: `The schema declares @batch "on ${(index.directiveLocations ?? definition.locations).join(' | ')}", which allows it on fields only, but it is on the type${onTypes.length > 1 ? 's' : ''} ${onTypes.map((t) => t.name).join(', ')}. Remedy: declare "directive ${EXPECTED_SIGNATURE}" (a server that builds its schema from this SDL rejects @batch on a type otherwise).`,
      });
    } else if (!ACCEPTED_SIGNATURES.includes(sorted) && !FIELDS_ONLY_SIGNATURES.includes(sorted)) {
      problems.push({
        location: index.directiveDefinition,
        message: `The schema declares "directive ${actual}", but graphql-codegen-batch needs "directive ${EXPECTED_SIGNATURE}". Remedy: make your declaration identical (servers that build their schema from this SDL need it), or remove it.`,
      });
    }
  }

  problems.push(...misplacedBatches(schema, index));

  const batches: CollectedBatch[] = [];
  const typeNames = Object.keys(schema.getTypeMap()).sort();
  for (const typeName of typeNames) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const fields = type.getFields();
    for (const fieldName of Object.keys(fields).sort()) {
      const field = fields[fieldName];
      if (!field) continue;
      const nodes = (field.astNode?.directives ?? []).filter((d) => d.name.value === 'batch');
      const first = nodes[0];
      if (!first) continue;
      const where = index.field(typeName, fieldName);
      const found = readDirective(type, field, first, nodes.length, where, problems);
      if (found) batches.push(found);
    }
  }
  const entities = collectEntities(schema, index);
  problems.push(...entities.problems);
  return { batches, entities: entities.entities, problems };
}

function readDirective(
  parent: GraphQLObjectType | GraphQLInterfaceType,
  field: GraphQLField<unknown, unknown>,
  node: ConstDirectiveNode,
  count: number,
  where: FieldLocations | undefined,
  problems: Problem[],
): CollectedBatch | undefined {
  const name = `${parent.name}.${field.name}`;
  const at = (argument?: string): SdlLocation | undefined =>
    (argument ? where?.args.get(argument) : undefined) ?? where?.directives[0] ?? where?.field;
  const report = (message: string, argument?: string) =>
    problems.push({ location: at(argument), message: `@batch on ${name}: ${message}` });
  const before = problems.length;

  if (count > 1) {
    report(`appears ${count} times; a field is loaded from one source. Remedy: keep one @batch.`);
  }
  let source: string | undefined;
  let key: readonly string[] | undefined;
  let many = false;
  for (const arg of node.arguments ?? []) {
    const argName = arg.name.value;
    const value = arg.value;
    if (!(ARGUMENTS as readonly string[]).includes(argName)) {
      report(
        `unknown argument "${argName}". Remedy: use only source, key and many ("directive ${EXPECTED_SIGNATURE}").`,
        argName,
      );
    } else if (argName === 'many') {
      if (value.kind === Kind.BOOLEAN) many = value.value;
      else report(`argument "many" must be true or false, but got: ${print(value)}.`, argName);
    } else if (argName === 'key') {
      key = readKey(value, (message) => report(message, argName));
    } else if (value.kind !== Kind.STRING) {
      report(`argument "${argName}" must be a string, but got: ${print(value)}.`, argName);
    } else {
      source = value.value;
      if (!SOURCE_NAME.test(source)) {
        report(
          `source must be a PascalCase identifier (it names the generated class "<source>Source"), but got: "${source}".`,
          argName,
        );
      }
    }
  }
  if (source === undefined && !problems.slice(before).some((p) => p.message.includes('"source"'))) {
    report(`argument "source" is required. Remedy: add source: "<SourceName>".`);
  }
  if (problems.length > before || source === undefined) return undefined;
  return { parent, field, source, key, many, at };
}

const KEY_PART = /^(\$args\.)?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `key`: a string (a list of one under input coercion) or a list of distinct parts. */
function readKey(value: ConstValueNode, report: (message: string) => void): string[] | undefined {
  const items = value.kind === Kind.LIST ? value.values : [value];
  if (items.length === 0) {
    report('key is an empty list. Remedy: name at least one key part, or omit key.');
    return undefined;
  }
  const parts: string[] = [];
  for (const item of items) {
    if (item.kind !== Kind.STRING) {
      report(`argument "key" must be a string or a list of strings, but got: ${print(value)}.`);
      return undefined;
    }
    parts.push(item.value);
  }
  if (parts.length === 1 && parts[0] === '$parent') return parts;
  for (const part of parts) {
    if (part === '$parent') {
      report(
        `"$parent" is the whole parent object, so it is a key on its own, not a part of a composite key (got: ${print(value)}). Remedy: key: "$parent", or list the parent's properties.`,
      );
      return undefined;
    }
    if (!KEY_PART.test(part)) {
      report(
        `key must be a property path ("authorId", "author.id"), "$args.<argument>", "$parent" or a list of paths and "$args.<argument>" (a composite key), but got: "${part}".`,
      );
      return undefined;
    }
  }
  const repeated = parts.find((p, i) => parts.indexOf(p) !== i);
  if (repeated !== undefined) {
    report(`key part "${repeated}" appears twice in ${print(value)}. Remedy: list each part once.`);
    return undefined;
  }
  return parts;
}
