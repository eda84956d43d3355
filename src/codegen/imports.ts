// The import declarations of the generated module: the runtime entry, and in separate-file mode
// the typescript/typescript-resolvers module and the user's mapper modules.
import type { GraphQLSchema } from 'graphql';
import type { ParsedBatchConfig } from './config.js';
import { externalMappers } from './models.js';
import { loadedHelpers } from './peers.js';
import type { ResolveHelper } from './plan-types.js';

export interface ImportNeeds {
  readonly helpers: ReadonlySet<ResolveHelper>;
  readonly batchField: boolean;
  /** Some wrapper passes batch parameters (through the runtime's `batchParams`). */
  readonly batchParams: boolean;
  /** GraphQL types whose model type the output names. */
  readonly modelTypes: ReadonlySet<string>;
  /** Some entity type has a reference resolver (the module emits `batchEntityInfo`). */
  readonly entities?: boolean;
}

/**
 * The names the generated module imports from the runtime, values and types; `planImports`
 * renders exactly these, and plan.ts refuses schema types of the same names.
 */
export function runtimeImports(needs: ImportNeeds): { values: string[]; types: string[] } {
  if (needs.helpers.size === 0) return { values: [], types: [] };
  // createPrefetch and its types: every output with a @batch field emits the lookahead prefetch;
  // missingDataloader: every wrapper names the context field when it has no Dataloader;
  // createProjection: every wrapper passes the fields below it to a Source that projects.
  const values = [
    ...(needs.batchParams ? ['batchParams'] : []),
    'createPrefetch',
    'createProjection',
    'missingDataloader',
    ...needs.helpers,
    'Source',
  ].sort(caseless);
  const types = [
    ...(needs.batchField ? ['BatchField'] : []),
    'Dataloader',
    'Prefetch',
    'PrefetchOptions',
    'PrefetchPlan',
    'SourceClass',
  ];
  return { values, types };
}

export function planImports(
  schema: GraphQLSchema,
  config: ParsedBatchConfig,
  needs: ImportNeeds,
): string[] {
  const { values, types } = runtimeImports(needs);
  if (values.length === 0) return [];
  const from = `'${config.runtimeImport}'`;
  const lines = config.useTypeImports
    ? [
        `import { ${values.join(', ')} } from ${from};`,
        `import type { ${types.join(', ')} } from ${from};`,
      ]
    : [`import { ${[...values, ...types].sort(caseless).join(', ')} } from ${from};`];
  if (!config.typesImport) return lines;

  lines.push(`import type * as Types from '${config.typesImport}';`);
  const bySource = new Map<string, { identifier: string; asDefault: boolean }[]>();
  const imported = [...externalMappers(schema, config)].filter(([typeName]) =>
    needs.modelTypes.has(typeName),
  );
  // The Source classes name the context type (`this.context`), as typescript-resolvers does.
  const context = config.contextType;
  if (context.isExternal && config.sourceContextType) imported.push(['', context]);
  for (const [, mapper] of imported) {
    const list = bySource.get(mapper.source) ?? [];
    if (!list.some((i) => i.identifier === mapper.import))
      list.push({ identifier: mapper.import, asDefault: mapper.default });
    bySource.set(mapper.source, list);
  }
  for (const source of [...bySource.keys()].sort()) {
    const line = loadedHelpers().visitorPluginCommon.buildMapperImport(
      source,
      bySource.get(source) ?? [],
      true,
    );
    if (line) lines.push(line);
  }
  return lines;
}

function caseless(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
