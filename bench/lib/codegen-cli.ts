// graphql-codegen's CLI, run as a child process with this Node (no npx: its start-up and
// warnings are not part of anything measured).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifest = require('@graphql-codegen/cli/package.json') as { bin: Record<string, string> };

/** The CLI's entry file (the package exports no bin path, so it is read from package.json). */
export const codegenCliBin = join(
  dirname(require.resolve('@graphql-codegen/cli/package.json')),
  manifest.bin['graphql-codegen'] as string,
);

/** Runs `graphql-codegen --config <config>` in `cwd`; throws with the CLI's output on failure. */
export function runCodegen(cwd: string, config: string): void {
  try {
    execFileSync(process.execPath, [codegenCliBin, '--config', config], { cwd, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `graphql-codegen --config ${config} failed in ${cwd}:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`,
    );
  }
}
