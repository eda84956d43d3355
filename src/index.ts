// graphql-codegen-batch: the graphql-codegen plugin entry (`plugins: [graphql-codegen-batch]`).
import type {
  AddToSchemaResult,
  PluginFunction,
  PluginValidateFn,
  Types,
} from '@graphql-codegen/plugin-helpers';
import type { BatchPluginConfig } from './codegen/config.js';
import { BATCH_DIRECTIVE_SDL } from './codegen/directive.js';
import { generate } from './codegen/plugin.js';

export type { BatchPluginConfig } from './codegen/config.js';
export type { Problem, SdlLocation } from './codegen/problems.js';
export { BatchCodegenError } from './codegen/problems.js';

/** Declares `@batch` for every plugin of the output (directive definitions only). */
export const addToSchema: string = BATCH_DIRECTIVE_SDL satisfies AddToSchemaResult;

/** Checks every @batch declaration (and the mappers, with ts-morph); throws all problems at once. */
export const validate: PluginValidateFn<BatchPluginConfig> = async (
  schema,
  documents,
  config,
  outputFile,
  allPlugins,
  pluginContext,
) => {
  await generate(schema, config, outputFile, pluginContext, allPlugins, documents);
};

/** Emits the Source classes, `BatchSources` and `createBatchResolvers`. */
export const plugin: PluginFunction<BatchPluginConfig, Types.ComplexPluginOutput> = async (
  schema,
  documents,
  config,
  info,
) => {
  const pluginContext = info?.pluginContext as Record<string, unknown> | undefined;
  const module = await generate(
    schema,
    config,
    info?.outputFile,
    pluginContext,
    info?.allPlugins,
    documents,
  );
  return { prepend: [...module.prepend], content: module.content };
};
