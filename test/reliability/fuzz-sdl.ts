// Random SDL for the codegen fuzz test: object types with key fields of every list/nullability
// shape, and fields carrying @batch with arguments drawn from valid, wrong-type and odd values,
// then optionally mutated line by line. Only syntax is kept valid (so graphql-js can build a
// schema and the plugin, not the parser, is what is exercised); the semantics are fair game.
import fc from 'fast-check';

/** Names that are legal GraphQL but awkward in TypeScript or for the plugin's own names. */
const TYPE_NAMES = [
  'User',
  'Post',
  'Comment',
  'Tag',
  'A',
  '_Under',
  'Source',
  'Dataloader',
  'UserSource',
  'BatchSources',
  'Object',
  'Array',
  'constructor',
  'toString',
  '__proto__',
  'class',
  'lower',
  'Very'.repeat(40),
] as const;
const FIELD_NAMES = [
  'author',
  'owner',
  'items',
  'tags',
  'x',
  'constructor',
  '__proto__',
  'toString',
  'then',
  'default',
  'class',
  'id2',
  'author_id',
  'f'.repeat(120),
] as const;
const ARG_NAMES = ['id', 'first', 'after', 'ids', 'where', '__proto__', 'constructor', 'input'];
const SCALARS = ['ID', 'Int', 'String', 'Boolean', 'Float', 'Genre'] as const;
const SOURCE_VALUES = [
  '"User"',
  '"Post"',
  '"Thing"',
  '"Users"',
  '"A1"',
  '"user"',
  '""',
  '"1A"',
  '"Foo-Bar"',
  '"Source"',
  '"Dataloader"',
  '"Batch"',
  '"Promise"',
  '"__proto__"',
  '"constructor"',
  `"${'S'.repeat(300)}"`,
  '"Ü"',
  '42',
  'true',
  'null',
  '["User"]',
  'USER',
  '{ name: "User" }',
] as const;
const MANY_VALUES = ['true', 'false', '"true"', '1', 'null', '[true]', 'TRUE'] as const;
const OTHER_ARGS = ['sorce: "User"', 'keys: "id"', 'many: true', 'source: "Post"', 'x: 1'];

export interface FuzzSchema {
  readonly sdl: string;
  /** Object type names with their key fields, for readable failure reports. */
  readonly types: readonly string[];
}

/** A type reference with a random list/nullability wrapping of `inner`. */
const wrapped = (inner: string) =>
  fc.constantFrom(
    inner,
    `${inner}!`,
    `[${inner}]`,
    `[${inner}!]`,
    `[${inner}!]!`,
    `[${inner}]!`,
    `[[${inner}!]!]`,
  );

const argDefinition = fc
  .tuple(
    fc.constantFrom(...ARG_NAMES),
    fc.constantFrom(...SCALARS).chain(wrapped),
    fc.constantFrom('', ' = 10', ' = "x"', ' = null'),
  )
  .map(([name, type, def]) => ({ name, text: `${name}: ${type}${def}` }));

/** A key argument value: mostly plausible paths of the parent, then odd and wrong-typed ones. */
function keyValue(parentFields: readonly string[], args: readonly string[]) {
  const plausible = ['id', ...parentFields, ...args.map((a) => `$args.${a}`)];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plausible).map((k) => JSON.stringify(k)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '"ref.id"',
        '"ref.userId"',
        '"ref..id"',
        '"$args.missing"',
        '"$args."',
        '"$args.id.x"',
        '""',
        '" "',
        '"a b"',
        '"__proto__"',
        '"constructor"',
        '"toString"',
        '"id.length"',
        '"ids.0"',
        `"${'k'.repeat(200)}"`,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('1', 'true', 'null', '["id"]', 'ID', '{ a: 1 }') },
  );
}

function batchDirective(parentFields: readonly string[], args: readonly string[]) {
  const arg = (name: string, value: fc.Arbitrary<string>) =>
    fc.option(
      value.map((v) => `${name}: ${v}`),
      { freq: 4 },
    );
  return fc
    .tuple(
      fc.option(fc.constantFrom(...SOURCE_VALUES), { freq: 8 }),
      arg('key', keyValue(parentFields, args)),
      arg('many', fc.constantFrom(...MANY_VALUES)),
      fc.option(fc.constantFrom(...OTHER_ARGS), { freq: 2 }),
      fc.boolean(),
    )
    .map(([source, key, many, other, shuffled]) => {
      const parts = [source === null ? null : `source: ${source}`, key, many, other].filter(
        (p): p is string => p !== null,
      );
      if (shuffled) parts.reverse();
      return parts.length === 0 ? '@batch' : `@batch(${parts.join(', ')})`;
    });
}

/** The plain (non-@batch) fields of a type: an id, scalar and list keys, a nested object. */
const plainFields = (others: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom('ID!', 'Int!', 'String!', 'ID', 'Int'),
      fc.uniqueArray(
        fc.tuple(
          fc.constantFrom('userId', 'postId', 'authorId', 'ownerId', 'tagIds', 'itemIds', 'xId'),
          fc.constantFrom('ID', 'Int', 'String').chain(wrapped),
        ),
        { maxLength: 4, selector: ([name]) => name },
      ),
      fc.option(fc.constantFrom(...others)),
    )
    .map(([idType, keys, ref]) => [
      `id: ${idType}`,
      ...keys.map(([name, type]) => `${name}: ${type}`),
      ...(ref === null ? [] : [`ref: ${ref}`]),
    ]);

function batchField(parent: string, parentFields: readonly string[], targets: readonly string[]) {
  return fc
    .tuple(
      fc.constantFrom(...FIELD_NAMES),
      fc.constantFrom(...targets, 'String', 'Genre').chain(wrapped),
      fc.uniqueArray(argDefinition, { maxLength: 3, selector: (a) => a.name }),
    )
    .chain(([name, type, args]) =>
      fc
        .array(
          batchDirective(
            parentFields.map((f) => f.split(':')[0] ?? f),
            args.map((a) => a.name),
          ),
          { minLength: 1, maxLength: 2 },
        )
        .map((directives) => {
          const argText = args.length > 0 ? `(${args.map((a) => a.text).join(', ')})` : '';
          return `${name}${argText}: ${type} ${directives.join(' ')}`;
        }),
    )
    .map((text) => ({ parent, text }));
}

/**
 * A @batch field that the codegen should accept: a source of its own (`__SRC__`, numbered later),
 * a key of the right cardinality (the parent's refId / refIds / id, or an argument on Query),
 * and a random nullability of the field and of its batch parameters.
 */
function tameBatchField(parent: string, targets: readonly string[]) {
  const onQuery = parent === 'Query';
  return fc
    .tuple(
      fc.constantFrom(...FIELD_NAMES),
      fc.constantFrom(...targets),
      fc.constantFrom('one', 'list', 'many'),
      fc.uniqueArray(
        fc.constantFrom('first: Int', 'after: String', 'order: Genre = NOVEL', 'n: Int! = 10'),
        { maxLength: 2 },
      ),
    )
    .chain(([name, target, shape, params]) => {
      const types = {
        one: [target, `${target}!`],
        list: [`[${target}!]!`, `[${target}]`, `[${target}!]`, `[${target}]!`],
        many: [`[${target}!]!`, `[${target}]`, `[${target}!]`],
      }[shape];
      const key = onQuery
        ? { one: '$args.id', list: '$args.ids', many: '$args.id' }[shape]
        : { one: 'refId', list: 'refIds', many: 'id' }[shape];
      const keyArg = onQuery ? [shape === 'list' ? 'ids: [ID!]!' : 'id: ID!'] : [];
      const args = [...keyArg, ...params];
      const argText = args.length > 0 ? `(${args.join(', ')})` : '';
      const many = shape === 'many' ? ', many: true' : '';
      return fc
        .constantFrom(...types)
        .map(
          (type) => `${name}${argText}: ${type} @batch(source: "__SRC__", key: "${key}"${many})`,
        );
    })
    .map((text) => ({ parent, text }));
}

/** A schema the codegen should accept: every type has id, refId and refIds; no mutation. */
/** Type names the codegen accepts in a single output file (not the runtime's import names). */
const TAME_TYPE_NAMES = TYPE_NAMES.filter((n) => n !== 'Source' && n !== 'Dataloader');

export function tameSchemaArb(maxTypes: number, maxBatchFields: number): fc.Arbitrary<FuzzSchema> {
  return fc
    .uniqueArray(fc.constantFrom(...TAME_TYPE_NAMES), { minLength: 1, maxLength: maxTypes })
    .chain((names) =>
      fc
        .uniqueArray(
          fc.constantFrom(...names, 'Query').chain((p) => tameBatchField(p, names)),
          {
            minLength: 1,
            maxLength: maxBatchFields,
            selector: (f) => `${f.parent}.${f.text.split(/[(:]/)[0]}`,
          },
        )
        .map((fields) => {
          let n = 0;
          const body = (parent: string) =>
            fields
              .filter((f) => f.parent === parent)
              .map((f) => f.text.replace('__SRC__', () => `S${n++}`));
          const blocks = names.map((name) =>
            [
              `type ${name} {`,
              '  id: ID!',
              '  refId: ID!',
              '  refIds: [ID!]!',
              ...body(name).map((l) => `  ${l}`),
              '}',
            ].join('\n'),
          );
          const query = [
            'type Query {',
            '  hello: String',
            ...body('Query').map((l) => `  ${l}`),
            '}',
          ];
          const sdl = [...blocks, query.join('\n'), 'enum Genre {\n  NOVEL\n  POETRY\n}'].join(
            '\n\n',
          );
          return { sdl: `${sdl}\n`, types: names };
        }),
    );
}

/** An optional user declaration of @batch: the plugin's own, or another signature. */
const declaration = fc.option(
  fc.constantFrom(
    'directive @batch(source: String!, key: String, many: Boolean = false) on FIELD_DEFINITION',
    'directive @batch(key: String, source: String!, many: Boolean = false) on FIELD_DEFINITION',
    'directive @batch(source: String!, key: String, many: Boolean = false) repeatable on FIELD_DEFINITION',
    'directive @batch(source: String!, key: String) on FIELD_DEFINITION | OBJECT',
    'directive @batch(source: String, key: [String!], many: Boolean) on FIELD_DEFINITION',
    'directive @batch on FIELD_DEFINITION',
  ),
  { freq: 5 },
);

/** A whole schema of 1 to `maxTypes` object types (plus Query, Genre and an interface). */
export function schemaArb(maxTypes: number, maxBatchFields: number): fc.Arbitrary<FuzzSchema> {
  return fc
    .uniqueArray(fc.constantFrom(...TYPE_NAMES), { minLength: 1, maxLength: maxTypes })
    .chain((names) => {
      const all = [...names];
      return fc
        .tuple(
          fc.tuple(...all.map(() => plainFields(all))),
          fc.tuple(fc.constantFrom('', ...all), plainFields(all)),
        )
        .chain(([fieldsPerType, [iface, queryFields]]) => {
          const parents = [...all, 'Query', 'Node'];
          const fieldsOf = (parent: string) =>
            parent === 'Query' ? queryFields : (fieldsPerType[all.indexOf(parent)] ?? []);
          return fc
            .tuple(
              fc.array(
                fc.constantFrom(...parents).chain((p) => batchField(p, fieldsOf(p), all)),
                { minLength: 1, maxLength: maxBatchFields },
              ),
              declaration,
              fc.boolean(),
            )
            .map(([batchFields, decl, useExtend]) => {
              const bodyOf = (parent: string) => [
                ...fieldsOf(parent),
                ...batchFields.filter((f) => f.parent === parent).map((f) => f.text),
              ];
              const blocks = all.map((name) => {
                const implementsNode = name === iface ? ' implements Node' : '';
                const body = bodyOf(name);
                // `extend type` puts some @batch fields in a second definition of the type.
                if (useExtend && body.length > 3) {
                  const half = Math.ceil(body.length / 2);
                  return `type ${name}${implementsNode} {\n  ${body.slice(0, half).join('\n  ')}\n}\n\nextend type ${name} {\n  ${body.slice(half).join('\n  ')}\n}`;
                }
                return `type ${name}${implementsNode} {\n  ${body.join('\n  ')}\n}`;
              });
              const nodeBody = [
                'id: ID!',
                ...batchFields.filter((f) => f.parent === 'Node').map((f) => f.text),
              ];
              const sdl = [
                ...(decl === null ? [] : [decl]),
                ...blocks,
                `interface Node {\n  ${nodeBody.join('\n  ')}\n}`,
                `type Query {\n  ${bodyOf('Query').join('\n  ')}\n}`,
                'enum Genre {\n  NOVEL\n  POETRY\n}',
              ].join('\n\n');
              return { sdl: `${sdl}\n`, types: all };
            });
        });
    });
}

/** A line-level mutation: drop, duplicate or swap lines (the result may not parse). */
export const mutationArb = fc.option(
  fc.tuple(fc.constantFrom('drop', 'duplicate', 'swap'), fc.nat(), fc.nat()),
  { freq: 3 },
);

export type Mutation = readonly ['drop' | 'duplicate' | 'swap', number, number] | null;

export function mutate(sdl: string, mutation: Mutation): string {
  if (mutation === null) return sdl;
  const lines = sdl.split('\n');
  const [kind, a, b] = mutation;
  const i = a % lines.length;
  const j = b % lines.length;
  if (kind === 'drop') lines.splice(i, 1);
  else if (kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
  else [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
  return lines.join('\n');
}
