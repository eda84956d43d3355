// Names the generated module declares or imports must not be schema type names in the same
// output file, where the typescript plugins declare a type per schema type.
import type { GraphQLSchema } from 'graphql';
import type { CollectedBatch } from './collect.js';
import type { ParsedBatchConfig } from './config.js';
import { type ImportNeeds, runtimeImports } from './imports.js';
import type { SourcePlan } from './plan-types.js';
import type { Problem } from './problems.js';

/** Generated names must not shadow the names the typescript plugins emit in the same file. */
export function checkNames(
  input: { readonly schema: GraphQLSchema; readonly config: ParsedBatchConfig },
  sources: readonly SourcePlan[],
  uses: ReadonlyMap<
    string,
    readonly { readonly batch: Pick<CollectedBatch, 'at'>; readonly id: string }[]
  >,
  needs: ImportNeeds,
  problems: Problem[],
): void {
  if (input.config.typesImport) return;
  const taken = new Map<string, string>();
  for (const typeName of Object.keys(input.schema.getTypeMap())) {
    if (!typeName.startsWith('__')) taken.set(input.config.convertName(typeName), typeName);
  }
  for (const source of sources) {
    const clash = taken.get(source.className);
    const use = uses.get(source.name)?.[0];
    if (clash && use) {
      problems.push({
        location: use.batch.at('source'),
        message: `@batch on ${use.id}: source "${source.name}" would generate the class ${source.className}, which is already the name of the schema type ${clash}. Remedy: choose another source name.`,
      });
    }
  }
  // What the module declares and imports, as the templates and planImports write it.
  const emitted =
    sources.length === 0
      ? []
      : [
          'BatchSources',
          'createBatchResolvers',
          ...(needs.batchField ? ['batchFields'] : []),
          'batchPlan',
          'batchPrefetchers',
          ...(needs.entities ? ['batchEntityInfo'] : []),
          'withPrefetch',
        ];
  const { values, types } = runtimeImports(needs);
  for (const name of [...emitted, ...values, ...types]) {
    const clash = taken.get(name);
    if (clash) {
      problems.push({
        location: undefined,
        message: `The schema type ${clash} has the name ${name}, which graphql-codegen-batch ${emitted.includes(name) ? 'emits' : 'imports from its runtime'}. Remedy: generate the batch code into its own file (config "typesImportPath"), or rename the type.`,
      });
    }
  }
}
