// Runs the plugin on one fuzzed SDL the way core does (validate, then plugin, on a schema built
// with assumeValidSDL and the plugin's addToSchema), and judges the outcome: an output that is
// syntactically whole TypeScript, or a BatchCodegenError whose every problem is located in the
// SDL (or is one of the documented schema-level problems). Anything else is a violation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { buildASTSchema, Kind, parse, Source } from 'graphql';
import { addToSchema, BatchCodegenError, plugin, validate } from 'graphql-codegen-batch';
import ts from 'typescript';
import { problemLines } from '../codegen/support/fixtures.js';

export const SDL_FILE = 'fuzz.graphql';
const OUTPUT_FILE = '/virtual/generated/graphql.ts';

export type Outcome =
  | { readonly kind: 'unbuildable' }
  | { readonly kind: 'output'; readonly text: string }
  | { readonly kind: 'error'; readonly error: unknown };

/** Problems without a place in the SDL that the codegen documents (plan.ts). */
const SCHEMA_LEVEL = [
  /^The schema type \S+ has the name \S+, which graphql-codegen-batch (emits|imports from its runtime)\. Remedy: /,
];

/** The schema core would hand the plugin, or undefined when graphql-js cannot build one. */
function buildSchema(sdl: string) {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(new Source(sdl, SDL_FILE));
  } catch {
    return undefined;
  }
  const declares = document.definitions.some(
    (d) => d.kind === Kind.DIRECTIVE_DEFINITION && d.name.value === 'batch',
  );
  // Core merges addToSchema into the loaded schema; a user's own declaration wins (the plugin
  // then reports it if its signature differs).
  const added = declares ? [] : parse(new Source(addToSchema, 'addToSchema.graphql')).definitions;
  try {
    return buildASTSchema(
      { ...document, definitions: [...added, ...document.definitions] },
      { assumeValidSDL: true },
    );
  } catch {
    // Unknown types, duplicate definitions: graphql-js (core's loader) rejects these first.
    return undefined;
  }
}

export async function runPlugin(sdl: string): Promise<Outcome> {
  const schema = buildSchema(sdl);
  if (!schema) return { kind: 'unbuildable' };
  const allPlugins = [{ typescript: {} }, { 'typescript-resolvers': {} }, { batch: {} }];
  try {
    await validate(schema, [], {}, OUTPUT_FILE, allPlugins);
    const output = await plugin(schema, [], {}, { outputFile: OUTPUT_FILE, allPlugins });
    const text =
      typeof output === 'string' ? output : [...(output.prepend ?? []), output.content].join('\n');
    return { kind: 'output', text };
  } catch (error) {
    return { kind: 'error', error };
  }
}

/** A stable text of an outcome, to compare two runs of the same input. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'error') {
    const e = outcome.error;
    return e instanceof Error ? `${e.name}: ${e.message}` : `non-Error thrown: ${String(e)}`;
  }
  return outcome.kind === 'output' ? `output:\n${outcome.text}` : 'unbuildable';
}

/** Everything wrong with an outcome (empty when it is an acceptable one). */
export function judge(sdl: string, outcome: Outcome): string[] {
  if (outcome.kind === 'unbuildable') return [];
  if (outcome.kind === 'output') {
    const { diagnostics = [] } = ts.transpileModule(outcome.text, {
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    return diagnostics.map(
      (d) =>
        `output is not whole TypeScript: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
  }
  const error = outcome.error;
  if (!(error instanceof BatchCodegenError)) {
    const name = error instanceof Error ? error.name : typeof error;
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return [`threw ${name}, not a BatchCodegenError: ${text.split('\n').slice(0, 4).join(' | ')}`];
  }
  const lines = sdl.split('\n');
  const found: string[] = [];
  if (error.problems.length === 0) found.push('BatchCodegenError with no problems');
  for (const problem of error.problems) {
    const at = problem.location;
    if (!at) {
      if (!SCHEMA_LEVEL.some((re) => re.test(problem.message)))
        found.push(`unlocated problem: ${problem.message}`);
      continue;
    }
    const line = lines[at.line - 1];
    if (at.file !== SDL_FILE || line === undefined || at.column < 1 || at.column > line.length + 1)
      found.push(
        `location ${at.file}:${at.line}:${at.column} is not in the SDL: ${problem.message}`,
      );
    if (!error.message.includes(`  ${at.file}:${at.line}:${at.column} - ${problem.message}`))
      found.push(`message does not show the located problem: ${problem.message}`);
  }
  return found;
}

export type CliResult =
  | { readonly kind: 'output'; readonly file: string }
  | { readonly kind: 'errors'; readonly text: string };

/**
 * The real CLI on one schema file with typescript + typescript-resolvers + the plugin (as the
 * fixture harness runs it); a successful output is written next to the schema for tsc.
 */
export async function runCli(dir: string, sdl: string): Promise<CliResult> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'schema.graphql'), sdl);
  const out = join(dir, 'graphql.ts');
  try {
    const [file] = (await generate(
      {
        cwd: dir,
        schema: join(dir, 'schema.graphql'),
        generates: {
          [out]: { plugins: ['typescript', 'typescript-resolvers', 'graphql-codegen-batch'] },
        },
        silent: true,
      } as Types.Config & { cwd: string },
      false,
    )) as Types.FileOutput[];
    writeFileSync(out, file?.content ?? '');
    return { kind: 'output', file: out };
  } catch (error) {
    return { kind: 'errors', text: problemLines(error) };
  }
}
