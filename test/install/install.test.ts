// Installs the packed package into empty projects outside the repository: a production install
// (the runtime only) and an app set up with the README's Install commands, which then runs
// codegen, strict tsc, its build and its check. Slow (npm installs the codegen side): CI's
// second leg sets SKIP_INSTALL_TEST=1 and runs it once, on the first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODEGEN_INSTALL_COMMAND } from '../../src/codegen/peers.js';
import {
  installApp,
  packCleanTree,
  productionInstall,
  readmeInstallCommands,
  sh,
  withTarball,
} from './harness.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const commands = readmeInstallCommands(readme);
/** The app directories set up from the README: this test's own, and the consumer app. */
const apps = ['test/install/app', 'test/consumer'].filter((app) =>
  existsSync(join(root, app, 'package.json')),
);
/** The apps whose check's last line is pinned exactly (its case count included). */
const summaries: Record<string, string> = {
  'test/consumer': 'consumer check: 18 passed, 0 failed',
};
const graphqlVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/graphql/package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe("the README's Install section", () => {
  it('installs the package with graphql, then the codegen side the missing-package error names', () => {
    expect(commands).toEqual([
      'npm install graphql-codegen-batch graphql',
      CODEGEN_INSTALL_COMMAND,
    ]);
    expect(CODEGEN_INSTALL_COMMAND).toContain(' @parcel/watcher@^2');
  });

  it('puts the tarball in place of the package name only', () => {
    expect(withTarball(commands[0] ?? '', '/tmp/x/graphql-codegen-batch-0.1.0.tgz')).toBe(
      "npm install '/tmp/x/graphql-codegen-batch-0.1.0.tgz' graphql",
    );
    expect(withTarball(CODEGEN_INSTALL_COMMAND, '/x.tgz')).toBe(CODEGEN_INSTALL_COMMAND);
  });
});

describe.skipIf(process.env.SKIP_INSTALL_TEST === '1')('the packed package, installed', () => {
  const work = mkdtempSync(join(tmpdir(), 'gcb-install-'));
  let tarball = '';
  let files: string[] = [];
  beforeAll(async () => {
    ({ tarball, files } = await packCleanTree(root, work));
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is built by `prepare` from a tree without dist/, and ships dist, README, package.json', () => {
    for (const entry of [
      'index',
      'runtime',
      'server',
      'envelop',
      'apollo',
      'opentelemetry',
      'node',
    ]) {
      for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) {
        expect(files).toContain(`package/dist/${entry}.${ext}`);
      }
    }
    expect(files.filter((f) => !/^package\/(dist\/|README\.md$|package\.json$)/.test(f))).toEqual(
      [],
    );
  });

  it('a production install adds the package and nothing else (graphql is the app’s own)', async () => {
    const dir = join(work, 'production');
    expect(await productionInstall(tarball, dir, graphqlVersion)).toEqual([
      'graphql',
      'graphql-codegen-batch',
    ]);
    // The runtime runs there; the plugin imports, and a codegen run names the install command.
    const out = await sh(
      `node --input-type=module -e "const r = await import('graphql-codegen-batch/runtime'); const p = await import('graphql-codegen-batch'); console.log(typeof r.Dataloader, typeof p.plugin); await p.plugin(null, [], {}, {}).catch((e) => console.log(e.message))"`,
      dir,
    );
    expect(out).toBe(
      `function function\ngraphql-codegen-batch: the codegen plugin needs @graphql-codegen/plugin-helpers and @graphql-codegen/visitor-plugin-common, which are not installed. These are optional peer dependencies (a production install of the runtime needs none of them). Install the codegen side as dev dependencies: ${CODEGEN_INSTALL_COMMAND}\n`,
    );
  }, 240_000);

  for (const app of apps) {
    it(`${app}: the README's Install commands, then codegen, strict tsc, build and check`, async () => {
      const dir = join(work, app.replaceAll('/', '-'));
      const outputs = await installApp(join(root, app), dir, commands, tarball);
      expect(existsSync(join(dir, 'node_modules/ts-morph/package.json'))).toBe(true);
      expect(existsSync(join(dir, 'node_modules/@parcel/watcher/package.json'))).toBe(true);
      expect(outputs.get('check')).toMatch(/^[^\n]*check: [1-9]\d* passed, 0 failed\n$/m);
      const summary = summaries[app];
      if (summary !== undefined)
        expect(outputs.get('check')?.trimEnd().split('\n').at(-1)).toBe(summary);
    }, 600_000);
  }
});
