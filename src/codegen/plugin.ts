// The plugin's stages wired together: config → collect → (ts-morph probe) → plan → render.
// `validate` and `plugin` run the same pipeline; the result is cached per schema and config so
// core's validate-then-plugin sequence does the work once.
import type { Types } from '@graphql-codegen/plugin-helpers';
import type { GraphQLSchema } from 'graphql';
import { type RenderedModule, renderModule } from '../../templates/module.js';
import { collect } from './collect.js';
import { type BatchPluginConfig, parseConfig } from './config.js';
import { planImports } from './imports.js';
import { type MapperProbe, probeMappers } from './mapper-types.js';
import { batchesInDocuments } from './misplaced.js';
import { externalMappers, modelLookup } from './models.js';
import { loadHelpers } from './peers.js';
import { plan } from './plan.js';
import { BatchCodegenError, type Problem } from './problems.js';
import { scalarLookup, scalarTexts } from './scalars.js';

type PluginContext = Record<string, unknown> | undefined;

const cache = new WeakMap<GraphQLSchema, { key: string; module: RenderedModule }>();

/**
 * Runs every stage; throws BatchCodegenError with all problems, so nothing is written. Loads the
 * codegen helper packages first (and ts-morph when mapper checks run): peers.ts.
 */
export async function generate(
  schema: GraphQLSchema,
  rawConfig: BatchPluginConfig,
  outputFile: string | undefined,
  pluginContext: PluginContext,
  allPlugins?: Types.ConfiguredPlugin[],
  documents: readonly Types.DocumentFile[] = [],
): Promise<RenderedModule> {
  await loadHelpers();
  const documentProblems = batchesInDocuments(documents);
  const cacheKey = JSON.stringify([rawConfig, outputFile ?? '']);
  const hit = cache.get(schema);
  if (hit && hit.key === cacheKey && documentProblems.length === 0) return hit.module;

  const problems: Problem[] = [...documentProblems];
  const { config, problems: configProblems } = parseConfig(rawConfig);
  for (const message of configProblems) problems.push({ location: undefined, message });
  if (outputFile !== undefined && !/\.(c|m)?tsx?$/.test(outputFile)) {
    problems.push({
      location: undefined,
      message: `The output file must be TypeScript (.ts, .tsx, .mts or .cts), but got: "${outputFile}".`,
    });
  }
  if (
    allPlugins &&
    !config.typesImport &&
    !allPlugins.some((p) => Object.keys(p).some(isResolversPlugin))
  ) {
    problems.push({
      location: undefined,
      message:
        'The output has no typescript-resolvers plugin, whose types the batch code uses. Remedy: list "typescript" and "typescript-resolvers" before this plugin in the same output, or set "typesImportPath" to the module that holds their output.',
    });
  }

  const collected = collect(schema);
  problems.push(...collected.problems);

  let probe: MapperProbe | undefined;
  const mappers = externalMappers(schema, config);
  const context = config.contextType.isExternal ? config.contextType : undefined;
  const anyBatch = collected.batches.length > 0 || collected.entities.length > 0;
  if (config.validateMappers && (mappers.size > 0 || context) && anyBatch) {
    probe = await probeMappers({
      mappers,
      contextType: context,
      typeTexts: scalarTexts(schema, scalarLookup(schema, config)),
      outputFile: outputFile ?? `${process.cwd()}/graphql.ts`,
      pluginContext,
    });
    for (const [typeName, mapper] of mappers) {
      const failure = probe.failure(typeName);
      if (failure) {
        problems.push({
          location: undefined,
          message: `Cannot read the mapper of ${typeName} (${mapper.source}#${mapper.type}): ${failure} Remedy: fix config "mappers" (paths are relative to the output file), or set validateMappers: false.`,
        });
      }
    }
    if (context) {
      const failure = probe.failure('__Context');
      const missing = failure ? undefined : probe.missingContextProperty(config.dataloaderField);
      if (failure || missing) {
        problems.push({
          location: undefined,
          message: failure
            ? `Cannot read contextType ${context.source}#${context.type}: ${failure}`
            : `contextType ${context.source}#${context.type} (${missing}) has no property "${config.dataloaderField}", where the generated resolvers read the Dataloader. Remedy: add "${config.dataloaderField}: Dataloader" to it, or set config "dataloaderField".`,
        });
      }
    }
  }

  const planned = plan({
    schema,
    batches: collected.batches,
    entities: collected.entities,
    config,
    models: modelLookup(schema, config, probe),
  });
  problems.push(...planned.problems);
  if (problems.length > 0) throw new BatchCodegenError(problems);
  const module = renderModule({
    ...planned.plan,
    imports: planImports(schema, config, planned.needs),
  });
  cache.set(schema, { key: cacheKey, module });
  return module;
}

function isResolversPlugin(name: string): boolean {
  return (
    /(^|[/@-])typescript-resolvers$/.test(name) || name === '@graphql-codegen/typescript-resolvers'
  );
}
