// Entry of `npm run bench`. graphql-js picks its `instanceOf` at load time: outside production
// it adds a cross-realm check to every type test, which is slow (it showed up as a top entry of
// every profile) and not what servers run. So the environment is set first, and the bench
// itself (main.ts, which imports graphql) is loaded only after.
process.env.NODE_ENV ??= 'production';
await import('./main.js');
