/**
 * The `@batch` directive, for servers that build their schema from the same SDL the plugin
 * reads (`buildSchema(batchDirectiveSDL + sdl)`): graphql-js rejects an undeclared directive.
 * The plugin declares the same text through `addToSchema` (a test keeps the two identical).
 */
export const batchDirectiveSDL =
  'directive @batch(source: String!, key: [String!], many: Boolean = false) on FIELD_DEFINITION | OBJECT\n';
