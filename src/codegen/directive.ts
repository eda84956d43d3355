/** The directive definition the plugin adds to the schema (`addToSchema`). */
export const BATCH_DIRECTIVE_SDL =
  'directive @batch(source: String!, key: [String!], many: Boolean = false) on FIELD_DEFINITION | OBJECT\n';
