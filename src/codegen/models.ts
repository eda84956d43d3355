// How typescript-resolvers types each GraphQL type's values (its "model"): a specific mapper,
// the default mapper, or `ResolversParentTypes['X']`. The plan asks this, never the config.

import type { ExternalParsedMapper } from '@graphql-codegen/visitor-plugin-common';
import type { GraphQLSchema } from 'graphql';
import type { ParsedBatchConfig } from './config.js';
import type { ModelLookup } from './keys.js';
import type { MapperProbe } from './mapper-types.js';
import { scalarLookup } from './scalars.js';

export function externalMappers(
  schema: GraphQLSchema,
  config: ParsedBatchConfig,
): Map<string, ExternalParsedMapper> {
  const result = new Map<string, ExternalParsedMapper>();
  for (const [typeName, mapper] of Object.entries(config.mappers).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (mapper.isExternal && schema.getType(typeName)) result.set(typeName, mapper);
  }
  return result;
}

export function modelLookup(
  schema: GraphQLSchema,
  config: ParsedBatchConfig,
  probe: MapperProbe | undefined,
): ModelLookup {
  const ref = (name: string) => (config.typesImport ? `Types.${name}` : name);
  const parentTypes = ref(config.convertName('ResolversParentTypes'));
  const external = externalMappers(schema, config);
  return {
    probe,
    scalar: scalarLookup(schema, config),
    kind(typeName) {
      if (external.has(typeName)) return 'mapper';
      if (config.mappers[typeName] || config.defaultMapper) return 'opaque';
      return 'graphql';
    },
    expr(typeName) {
      // External mappers are in scope by their own name: typescript-resolvers imports them in
      // the same file, and imports.ts imports them in separate-file mode.
      const mapper = external.get(typeName);
      return mapper ? mapper.type : `${parentTypes}['${typeName}']`;
    },
    describe(typeName) {
      const mapper = external.get(typeName);
      return mapper ? `${mapper.source}#${mapper.type}` : typeName;
    },
    argsType(parent, field) {
      const fieldPart = config.convertName(field, false);
      const underscore = config.addUnderscoreToArgsType ? '_' : '';
      return ref(config.convertName(`${parent}${underscore}${fieldPart}Args`));
    },
  };
}
