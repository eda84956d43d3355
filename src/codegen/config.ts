// The plugin's configuration: what the user writes (`BatchPluginConfig`, the documentation) and
// what the stages read (`ParsedBatchConfig`, defaults applied, shared keys parsed exactly as
// typescript-resolvers parses them, through visitor-plugin-common).
import type {
  NamingConvention,
  ParsedMapper,
  ScalarsMap,
} from '@graphql-codegen/visitor-plugin-common';
import { loadedHelpers } from './peers.js';

/**
 * Options of `graphql-codegen-batch`. Shared options (`contextType`, `mappers`, `defaultMapper`,
 * `mapperTypeSuffix`, `scalars`, `defaultScalarType`, `namingConvention`, `typesPrefix`,
 * `typesSuffix`, `useTypeImports`, `addUnderscoreToArgsType`, `importExtension`,
 * `emitLegacyCommonJSImports`, `federation`) are read from the output-level `config`, as
 * typescript-resolvers reads them: put them there, not under one plugin.
 *
 * @example
 * ```yaml
 * generates:
 *   src/generated/graphql.ts:
 *     plugins: [typescript, typescript-resolvers, graphql-codegen-batch]
 *     config:
 *       contextType: ../context#Context
 *       mappers: { Post: ../models#PostRow, User: ../models#UserRow }
 * ```
 */
export interface BatchPluginConfig {
  /**
   * The property of the GraphQL context that holds the request's `Dataloader`; generated
   * resolvers call `ctx[dataloaderField].with(...)`. Must be an identifier.
   * @default 'dataloader'
   */
  dataloaderField?: string;
  /**
   * The module the generated code imports `Source` and the resolver helpers from.
   * @default 'graphql-codegen-batch/runtime'
   */
  runtimeImport?: string;
  /**
   * Check at generation time, with ts-morph, that every key path exists on the parent's mapper
   * type, whether it can be null, and that all uses of a source agree on the key type.
   * Turn off to skip reading TypeScript (tsc still checks the generated code).
   * @default true
   */
  validateMappers?: boolean;
  /**
   * Separate-file mode: the module (relative to this output, without extension; the
   * `importExtension` is appended) that holds the `typescript` and `typescript-resolvers` output.
   * The generated code then imports it as `import type * as Types from '<typesImportPath>'`.
   * Leave unset when this plugin runs in the same output as those plugins.
   * @default undefined (same file)
   */
  typesImportPath?: string;

  // Shared with typescript-resolvers (see its documentation); listed for type-checking only.
  contextType?: string;
  /** typescript-resolvers' Apollo Federation mode; a `@batch` on an entity type needs it. */
  federation?: boolean;
  mappers?: Record<string, string>;
  defaultMapper?: string;
  mapperTypeSuffix?: string;
  scalars?: ScalarsMap;
  defaultScalarType?: string;
  namingConvention?: NamingConvention;
  typesPrefix?: string;
  typesSuffix?: string;
  useTypeImports?: boolean;
  addUnderscoreToArgsType?: boolean;
  importExtension?: '' | `.${string}`;
  emitLegacyCommonJSImports?: boolean;
}

/** Converts a GraphQL name the way the `typescript` plugins do (naming convention + affixes). */
export type ConvertName = (name: string, affixes?: boolean) => string;

export interface ParsedBatchConfig {
  readonly dataloaderField: string;
  readonly runtimeImport: string;
  readonly validateMappers: boolean;
  /** The types module to import in separate-file mode, extension applied. */
  readonly typesImport: string | undefined;
  readonly importExtension: string;
  readonly useTypeImports: boolean;
  readonly addUnderscoreToArgsType: boolean;
  /** Per GraphQL type, as typescript-resolvers parses `mappers` (with `mapperTypeSuffix`). */
  readonly mappers: Readonly<Record<string, ParsedMapper>>;
  readonly defaultMapper: ParsedMapper | undefined;
  readonly contextType: ParsedMapper;
  /**
   * The context type argument of the generated Source classes (`this.context`): the
   * `contextType` as typescript-resolvers names it, or undefined when it is not set.
   */
  readonly sourceContextType: string | undefined;
  /** The scalar options as written; scalars.ts reads them as the `typescript` plugin does. */
  readonly scalars: Pick<BatchPluginConfig, 'scalars' | 'defaultScalarType'>;
  readonly convertName: ConvertName;
  /** typescript-resolvers' `federation` as written (it types `__resolveReference`). */
  readonly federation: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Applies defaults and rejects malformed own options. Returns the problems as messages
 * (the caller reports them all at once) rather than throwing the first one.
 */
export function parseConfig(raw: BatchPluginConfig): {
  config: ParsedBatchConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const str = (key: keyof BatchPluginConfig, fallback: string): string => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || value === '') {
      problems.push(
        `config "${key}" must be a non-empty string, but got: ${JSON.stringify(value)}.`,
      );
      return fallback;
    }
    return value;
  };
  const bool = (key: keyof BatchPluginConfig, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      problems.push(`config "${key}" must be true or false, but got: ${JSON.stringify(value)}.`);
      return fallback;
    }
    return value;
  };

  const dataloaderField = str('dataloaderField', 'dataloader');
  if (!IDENTIFIER.test(dataloaderField)) {
    problems.push(
      `config "dataloaderField" must be an identifier (the context property holding the Dataloader), but got: ${JSON.stringify(dataloaderField)}.`,
    );
  }
  const { pluginHelpers, visitorPluginCommon } = loadedHelpers();
  const { convertFactory, parseMapper, transformMappers } = visitorPluginCommon;
  const importExtension = pluginHelpers.normalizeImportExtension({
    importExtension: raw.importExtension,
    emitLegacyCommonJSImports: raw.emitLegacyCommonJSImports,
  });
  const typesImportPath =
    raw.typesImportPath === undefined ? undefined : str('typesImportPath', '');
  const typesPrefix = raw.typesPrefix ?? '';
  const typesSuffix = raw.typesSuffix ?? '';
  const contextType = parseMapper(raw.contextType || 'any', 'ContextType');
  const convert = convertFactory(
    raw.namingConvention === undefined ? {} : { namingConvention: raw.namingConvention },
  );
  return {
    config: {
      dataloaderField,
      runtimeImport: str('runtimeImport', 'graphql-codegen-batch/runtime'),
      validateMappers: bool('validateMappers', true),
      typesImport: typesImportPath ? typesImportPath + importExtension : undefined,
      importExtension,
      useTypeImports: raw.useTypeImports === true,
      addUnderscoreToArgsType: raw.addUnderscoreToArgsType === true,
      mappers: transformMappers(raw.mappers ?? {}, raw.mapperTypeSuffix),
      defaultMapper: raw.defaultMapper
        ? parseMapper(raw.defaultMapper, 'DefaultMapperType')
        : undefined,
      contextType,
      sourceContextType: raw.contextType ? contextType.type : undefined,
      scalars: {
        ...(raw.scalars === undefined ? {} : { scalars: raw.scalars }),
        ...(raw.defaultScalarType === undefined
          ? {}
          : { defaultScalarType: raw.defaultScalarType }),
      },
      convertName: (name, affixes = true) =>
        affixes ? typesPrefix + convert(name) + typesSuffix : convert(name),
      federation: raw.federation,
    },
    problems,
  };
}
