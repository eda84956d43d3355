// The package as a user installs it: packed from a clean tree (the `prepare` script builds dist,
// as it does for a git install), then installed into empty projects outside the repository.
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** npm without prompts, audit, funding notes or update checks; the cache first (a partial mirror). */
const npmEnv = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_prefer_offline: 'true',
  npm_config_yes: 'false',
};

/**
 * Runs a command (asynchronously: a long install must not block the test worker); on failure the
 * error names the command, the directory and its output.
 */
export async function sh(command: string, cwd: string): Promise<string> {
  try {
    const { stdout } = await run('sh', ['-c', command], {
      cwd,
      env: npmEnv,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    throw new Error(
      `\`${command}\` in ${cwd} exited with ${e.code}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`,
    );
  }
}

/**
 * Copies the tree as it would be committed (tracked and new files, not ignored ones: no dist/),
 * links the repository's node_modules (the build's tools) and runs `npm pack`, whose `prepare`
 * builds dist. Returns the tarball's path and the files it holds.
 */
export async function packCleanTree(
  root: string,
  work: string,
): Promise<{ tarball: string; files: string[] }> {
  const tree = join(work, 'tree');
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: root, encoding: 'utf8' },
  );
  for (const path of listed.split('\0')) {
    if (path === '' || !existsSync(join(root, path))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    copyFileSync(join(root, path), join(tree, path));
  }
  if (existsSync(join(tree, 'dist'))) throw new Error(`packCleanTree: ${tree} has a dist/ already`);
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
  // `prepare` prints the build's log first; npm prints the tarball's name last.
  const packed = (await sh(`npm pack --pack-destination ${quote(work)}`, tree)).trim().split('\n');
  const tarball = join(work, packed[packed.length - 1] ?? '');
  const files = (await sh(`tar -tzf ${quote(tarball)}`, work)).trim().split('\n').sort();
  return { tarball, files };
}

/**
 * The commands of the README's Install section: the lines of its first `sh` block, comments
 * dropped. test/install runs exactly these, so the README cannot drift from what works.
 */
export function readmeInstallCommands(readme: string): string[] {
  const section = /^## Install\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Install" section');
  const block = /^```sh\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (block === undefined) throw new Error("README.md's Install section has no ```sh block");
  const commands = block
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
  if (commands.length === 0) throw new Error("README.md's Install ```sh block is empty");
  return commands;
}

/** The command with the package's name (a whole word) replaced by the tarball's path. */
export function withTarball(command: string, tarball: string): string {
  return command.replace(/(?<=\s)graphql-codegen-batch(?=\s|$)/g, quote(tarball));
}

/** Every package under a node_modules directory (scoped and nested), sorted. */
export function installedPackages(modules: string): string[] {
  const names: string[] = [];
  if (!existsSync(modules)) return names;
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    const scoped = entry.startsWith('@')
      ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of scoped) {
      names.push(name);
      names.push(...installedPackages(join(modules, name, 'node_modules')));
    }
  }
  return names.sort();
}

/** An app that depends on the tarball and on graphql, installed as production installs are. */
export async function productionInstall(
  tarball: string,
  dir: string,
  graphqlVersion: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'gcb-production-install',
    private: true,
    type: 'module',
    dependencies: { 'graphql-codegen-batch': `file:${tarball}`, graphql: graphqlVersion },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await sh('npm install --omit=dev', dir);
  return installedPackages(join(dir, 'node_modules'));
}

/** The scripts an app directory runs after the install, in order (those its package.json has). */
export const APP_STEPS = ['codegen', 'typecheck', 'build', 'check'] as const;

/**
 * Copies `appDir` (without node_modules, dist or generated code) into `dir`, runs the README's
 * Install commands there with the tarball in place of the package name, `npm install`, then the
 * app's scripts. Returns each step's output.
 */
export async function installApp(
  appDir: string,
  dir: string,
  commands: readonly string[],
  tarball: string,
): Promise<Map<string, string>> {
  cpSync(appDir, dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|generated)([/\\]|$)/.test(src.slice(appDir.length)),
  });
  const outputs = new Map<string, string>();
  for (const command of commands)
    outputs.set(command, await sh(withTarball(command, tarball), dir));
  outputs.set('npm install', await sh('npm install', dir));
  const scripts = (
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  for (const step of APP_STEPS) {
    if (scripts?.[step] !== undefined) outputs.set(step, await sh(`npm run --silent ${step}`, dir));
  }
  return outputs;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
