// graphql-codegen-batch: the graphql-codegen plugin entry (`plugins: [graphql-codegen-batch]`).
import { BATCH_DIRECTIVE_SDL } from './codegen/directive.js';

/** Declares `@batch` for every plugin of the output (directive definitions only). */
export const addToSchema: string = BATCH_DIRECTIVE_SDL;
