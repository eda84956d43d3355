import { defineConfig } from 'tsup';

// The public entries, each built as ESM (import) and CommonJS (require) with declarations.
// The runtime entry must stay dependency-free: `external` keeps peer and plugin dependencies out
// of the plugin bundle, and the runtime imports none of them (test/architecture.test.ts).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    runtime: 'src/runtime/index.ts',
    // Integrations (src/integrations): each imports the runtime by its public name, kept external
    // below, so a user's Dataloader and the integration's are one class, not two bundled copies.
    server: 'src/integrations/server.ts',
    envelop: 'src/integrations/envelop.ts',
    opentelemetry: 'src/integrations/opentelemetry.ts',
    node: 'src/integrations/node.ts',
    apollo: 'src/integrations/apollo.ts',
  },
  external: ['graphql-codegen-batch/runtime'],
  format: ['esm', 'cjs'],
  // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates. `paths` lets the declaration build type the integrations' imports of the runtime from source
  // (dist/ may not exist yet); `external` keeps them as imports in the emitted .d.ts files.
  // `stripInternal`: members marked `@internal` (the scheduler's state on Dataloader, Source and
  // Load) stay out of the published types, so type errors name the public classes and members.
  dts: {
    compilerOptions: {
      ignoreDeprecations: '6.0',
      stripInternal: true,
      paths: {
        'graphql-codegen-batch/runtime': ['./src/runtime/index.ts'],
      },
    },
  },
  // No clean: several builds may run at once in one work tree; CI starts from a fresh clone.
  clean: false,
  sourcemap: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
});
