import { defineConfig } from 'tsup';

// Two public entries, each built as ESM (import) and CommonJS (require) with declarations.
// The runtime entry must stay dependency-free: `external` keeps peer and plugin dependencies out
// of the plugin bundle, and the runtime imports none of them (test/architecture.test.ts).
export default defineConfig({
  entry: { index: 'src/index.ts', runtime: 'src/runtime/index.ts' },
  format: ['esm', 'cjs'],
  // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  // No clean: several builds may run at once in one work tree; CI starts from a fresh clone.
  clean: false,
  sourcemap: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
});
