// Scenario 6: the plugin's own time and the whole CLI on GitHub's public schema annotated with
// @batch (bench/fixtures/github-schema.ts), a `--watch` regeneration after one SDL edit, and
// what ts-morph (the mapper/context probe) costs on the first and on a repeated run.
// `--quick` runs the same steps on the bench's own small schema, to keep CI short.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { annotatedGithubSchema } from '../fixtures/github-schema.js';
import { schemaSDL } from '../fixtures/schema.js';
import { codegenCliBin, runCodegen } from '../lib/codegen-cli.js';
import type { ContenderResult } from '../lib/harness.js';
import type { BenchOptions, ScenarioOutput } from '../lib/scenario.js';
import { checkAtMost, summarize, type TargetCheck } from '../lib/stats.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const workDir = join(root, '.tmp', 'bench-codegen');
/** The CLI config; `mappers` (YAML lines) when the schema's keys live on model types. */
const config = (mappers: string) => `schema: schema.graphql
generates:
  generated.ts:
    plugins: [typescript, typescript-resolvers, graphql-codegen-batch]
    config:
      useTypeImports: true
      contextType: ./context.js#Context
${mappers}`;
// The bench schema keys on model fields (authorId): map its types to the dataset's rows.
const BENCH_MAPPERS = `      mappers:
        Post: ../../bench/fixtures/dataset.js#PostRow
        User: ../../bench/fixtures/dataset.js#UserRow
        Comment: ../../bench/fixtures/dataset.js#CommentRow
`;
const benchMappers = {
  Post: '../../bench/fixtures/dataset.js#PostRow',
  User: '../../bench/fixtures/dataset.js#UserRow',
  Comment: '../../bench/fixtures/dataset.js#CommentRow',
};

const CONTEXT = `import type { Dataloader } from 'graphql-codegen-batch/runtime';
export interface Context {
  dataloader: Dataloader;
}
`;
const outputFile = join(workDir, 'generated.ts');
const schemaFile = join(workDir, 'schema.graphql');

function prepare(sdl: string, mappers: string): void {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(schemaFile, sdl);
  writeFileSync(join(workDir, 'context.ts'), CONTEXT);
  writeFileSync(join(workDir, 'codegen.yml'), config(mappers));
}

const ms = (start: number) => performance.now() - start;
const row = (
  name: string,
  samples: number[],
  extra: Record<string, number> = {},
): ContenderResult => ({
  name,
  ...summarize(samples),
  samples,
  extra,
});

/** Our plugin alone, in this process: what graphql-codegen calls, timed without the CLI. */
async function pluginTimes(
  sdl: string,
  mappers: Record<string, string> | undefined,
  repeats: number,
) {
  const started = performance.now();
  const { addToSchema, plugin } = await import('graphql-codegen-batch');
  const importMs = ms(started);
  const allPlugins = [
    { typescript: {} },
    { 'typescript-resolvers': {} },
    { 'graphql-codegen-batch': {} },
  ];
  const pluginConfig = {
    useTypeImports: true,
    contextType: './context.js#Context',
    ...(mappers ? { mappers } : {}),
  };
  // A fresh schema object per call: the plugin caches its output per schema instance.
  const once = async (pluginContext: Record<string, unknown>, validateMappers: boolean) => {
    const schema = buildSchema(addToSchema + sdl);
    const start = performance.now();
    await plugin(
      schema,
      [],
      { ...pluginConfig, validateMappers },
      { outputFile, pluginContext, allPlugins },
    );
    return ms(start);
  };
  const context: Record<string, unknown> = {};
  const first = await once(context, true);
  const repeated: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < repeats; i++) {
    repeated.push(await once(context, true));
    bare.push(await once({}, false));
  }
  return { importMs, first, repeated, bare };
}

function cliRun(): number {
  rmSync(outputFile, { force: true });
  const start = performance.now();
  runCodegen(workDir, 'codegen.yml');
  const elapsed = ms(start);
  statSync(outputFile); // throws if the CLI wrote nothing
  return elapsed;
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

async function waitFor(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`Scenario 6: timed out waiting for ${what}`);
    await sleep(5);
  }
}

const outputHas = (marker: string) => {
  try {
    return readFileSync(outputFile, 'utf8').includes(marker);
  } catch {
    return false;
  }
};

/**
 * `graphql-codegen --watch`: after the first generation, each edit adds one @batch field to
 * the SDL; the time is from the edit to the output containing its generated Source (this
 * includes the CLI's own 100 ms debounce, as a user experiences it).
 */
async function watchTimes(
  sdl: string,
  edits: number,
  parent: string,
): Promise<{ initial: number; edits: number[] }> {
  rmSync(outputFile, { force: true });
  const spawned = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [codegenCliBin, '--config', 'codegen.yml', '--watch'],
    {
      cwd: workDir,
      stdio: 'ignore',
    },
  );
  const times: number[] = [];
  try {
    await waitFor(() => outputHas('createBatchResolvers'), 600_000, 'the first --watch generation');
    const initial = ms(spawned);
    // Let the watcher subscribe before the first edit (it starts after the first run).
    await sleep(1000);
    let text = sdl;
    for (let i = 1; i <= edits; i++) {
      const field = `benchEdit${i}`;
      text = text.replace(
        new RegExp(`(type ${parent}\\b[^{]*\\{)`),
        `$1\n  ${field}: ${parent} @batch(source: "BenchEdit${i}", key: "id")`,
      );
      const start = performance.now();
      writeFileSync(schemaFile, text);
      await waitFor(
        () => outputHas(`BenchEdit${i}Source`),
        600_000,
        `regeneration after edit ${i}`,
      );
      times.push(ms(start));
      await sleep(300);
    }
    return { initial, edits: times };
  } finally {
    child.kill('SIGTERM');
  }
}

export async function codegenScenario(options: BenchOptions): Promise<ScenarioOutput> {
  const notes: string[] = [];
  let sdl: string;
  let label: string;
  let parent: string;
  if (options.quick) {
    sdl = schemaSDL;
    label = 'bench schema (--quick), 3 @batch fields';
    parent = 'Post';
    notes.push(
      '#6 ran on the small bench schema (--quick); the GitHub-schema figures need a full run.',
    );
  } else {
    const github = annotatedGithubSchema();
    sdl = github.sdl;
    label = `GitHub schema, ${github.batchFields} @batch fields`;
    parent = 'Repository';
    notes.push(
      `#6 input: @octokit/graphql-schema with @batch on ${github.batchFields} fields; dropped the duplicate definitions ${github.duplicatesDropped.join(', ')}.`,
    );
  }
  prepare(sdl, options.quick ? BENCH_MAPPERS : '');
  const repeats = options.quick ? 1 : 3;
  const plugin = await pluginTimes(sdl, options.quick ? benchMappers : undefined, repeats);
  // --quick times the CLI only through the first generation of the --watch process.
  const cli = options.quick ? [] : [cliRun(), cliRun()];
  const watched = await watchTimes(sdl, options.quick ? 1 : 3, parent);
  const watch = watched.edits;

  const repeatedMedian = summarize(plugin.repeated).median;
  const bareMedian = summarize(plugin.bare).median;
  const contenders: ContenderResult[] = [
    row('import graphql-codegen-batch (loads ts-morph)', [plugin.importMs]),
    row('plugin, first call (ts-morph cold)', [plugin.first]),
    row('plugin, repeated (same pluginContext)', plugin.repeated),
    row('plugin, validateMappers: false (no ts-morph)', plugin.bare),
    row('ts-morph share, first call', [plugin.first - bareMedian]),
    row('ts-morph share, repeated', [repeatedMedian - bareMedian]),
    ...(cli.length > 0 ? [row('CLI run (typescript + typescript-resolvers + ours)', cli)] : []),
    row('CLI --watch: start to first output', [watched.initial]),
    row('--watch regeneration after one SDL edit', watch),
  ];
  const checks: TargetCheck[] = [
    checkAtMost('6', `plugin, first call (${label})`, plugin.first, 1000, ' ms'),
    checkAtMost('6', `--watch regeneration (${label})`, summarize(watch).median, 500, ' ms'),
  ];
  return {
    cases: [{ scenario: '6', name: label, unit: 'ms', contenders, pairs: [] }],
    checks,
    notes,
  };
}
