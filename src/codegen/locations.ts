// Where each field and @batch directive is in the user's files. graphql-codegen hands plugins a
// schema whose AST has no locations once any plugin contributes `addToSchema` (the schema is
// rebuilt by mergeSchemas), and `schema.extensions.sources` holds the file names with re-printed
// text. So the files are re-read from disk and parsed again, which gives the user's own lines.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import {
  type DirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  type Location,
  parse,
  Source,
} from 'graphql';
import type { SdlLocation } from './problems.js';

export interface FieldLocations {
  readonly field: SdlLocation;
  /** Each `@batch` on the field, in source order. */
  readonly directives: readonly SdlLocation[];
  /** The first `@batch`'s arguments, by name, at the argument. */
  readonly args: ReadonlyMap<string, SdlLocation>;
}

export interface LocationIndex {
  field(typeName: string, fieldName: string): FieldLocations | undefined;
  /**
   * The first `@batch` at a place other than a field of an object or interface type, by schema
   * coordinate: `schema`, `Film`, `Color.RED`, `FilmFilter.title`, `Query.film(id:)`, `@tag(name:)`.
   */
  misplaced(coordinate: string): SdlLocation | undefined;
  /** The user's own `directive @batch` definition, if they declared one. */
  readonly directiveDefinition: SdlLocation | undefined;
  /**
   * The locations that definition lists, as written (the schema the plugin gets has them merged
   * with the plugin's own declaration).
   */
  readonly directiveLocations: readonly string[] | undefined;
  /** True when the schema came from SDL text at all (introspection JSON has none). */
  readonly hasSdl: boolean;
}

export function displayName(name: string): string {
  if (!isAbsolute(name)) return name;
  const rel = relative(process.cwd(), name);
  return rel.startsWith('..') ? name : rel;
}

function sourcesOf(schema: GraphQLSchema): Source[] {
  const listed = schema.extensions?.sources;
  if (Array.isArray(listed) && listed.length > 0) {
    return listed.flatMap((s: unknown) => {
      if (!(s instanceof Object) || typeof (s as Source).body !== 'string') return [];
      const { name, body } = s as Source;
      // Prefer the file on disk: the listed body is re-printed, so its lines differ.
      const text = existsSync(name) ? readFileSync(name, 'utf8') : body;
      return [new Source(text, name)];
    });
  }
  // A schema built directly (buildSchema/buildASTSchema) keeps locations on its AST nodes.
  const seen = new Set<Source>();
  for (const type of Object.values(schema.getTypeMap())) {
    for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
      const source = node?.loc?.source;
      if (source) seen.add(source);
    }
  }
  return [...seen];
}

/**
 * Offset → line/column through a table of line starts (binary search): graphql's getLocation
 * rescans the text from the start on every call, quadratic on a large schema.
 */
function locator(source: Source): (loc: Location | undefined) => SdlLocation {
  const starts = [0];
  const body = source.body;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10 || (c === 13 && body.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const file = displayName(source.name);
  return (loc) => {
    const offset = loc?.start ?? 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

const hasBatch = (node: { readonly directives?: readonly DirectiveNode[] | undefined }) =>
  node.directives?.find((d) => d.name.value === 'batch');

export function buildLocationIndex(schema: GraphQLSchema): LocationIndex {
  const fields = new Map<string, FieldLocations>();
  const misplaced = new Map<string, SdlLocation>();
  let directiveDefinition: SdlLocation | undefined;
  let directiveLocations: string[] | undefined;
  const sources = sourcesOf(schema);
  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source);
    } catch {
      continue; // not SDL on its own (e.g. a code file); its fields simply have no location
    }
    const at = locator(source);
    for (const def of document.definitions) {
      if (def.kind === Kind.DIRECTIVE_DEFINITION && def.name.value === 'batch') {
        directiveDefinition ??= at(def.loc);
        directiveLocations ??= def.locations.map((l) => l.value);
      }
      const note = (coordinate: string, node: Parameters<typeof hasBatch>[0]) => {
        const found = hasBatch(node);
        if (found && !misplaced.has(coordinate)) misplaced.set(coordinate, at(found.loc));
      };
      if (def.kind === Kind.DIRECTIVE_DEFINITION) {
        for (const arg of def.arguments ?? []) note(`@${def.name.value}(${arg.name.value}:)`, arg);
        continue;
      }
      if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
        note('schema', def);
        continue;
      }
      if (
        !('name' in def) ||
        !def.name ||
        def.kind === Kind.OPERATION_DEFINITION ||
        def.kind === Kind.FRAGMENT_DEFINITION
      )
        continue;
      const typeName = def.name.value;
      note(typeName, def);
      if ('values' in def) for (const v of def.values ?? []) note(`${typeName}.${v.name.value}`, v);
      if (
        def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
        def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION
      ) {
        for (const f of def.fields ?? []) note(`${typeName}.${f.name.value}`, f);
      }
      if (
        def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        def.kind !== Kind.INTERFACE_TYPE_EXTENSION
      )
        continue;
      for (const field of def.fields ?? []) {
        for (const arg of field.arguments ?? []) {
          note(`${typeName}.${field.name.value}(${arg.name.value}:)`, arg);
        }
        const batches = (field.directives ?? []).filter((d) => d.name.value === 'batch');
        // Only @batch fields are ever pointed at; skipping the rest keeps 1 MB schemas fast.
        if (batches.length === 0) continue;
        const key = `${def.name.value}.${field.name.value}`;
        fields.set(key, {
          field: at(field.name.loc),
          directives: batches.map((d) => at(d.loc)),
          args: new Map((batches[0]?.arguments ?? []).map((a) => [a.name.value, at(a.loc)])),
        });
      }
    }
  }
  return {
    field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`),
    misplaced: (coordinate) => misplaced.get(coordinate),
    directiveDefinition,
    directiveLocations,
    hasSdl: sources.length > 0,
  };
}
