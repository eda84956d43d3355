// `npm run fixtures:update`: regenerates every fixture's goldens (generated/ or
// expected-errors.txt) from the built plugin. Review the diff before committing.
import { listFixtures, updateFixture } from './support/fixtures.js';

const only = process.argv.slice(2);
for (const name of listFixtures()) {
  if (only.length > 0 && !only.includes(name)) continue;
  const kind = await updateFixture(name);
  console.log(`${name}: ${kind}`);
}
