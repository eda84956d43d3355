// The dependency direction (the README's Layout), as a checkable rule:
// - src/runtime imports nothing outside src/runtime (no packages, no node: builtins);
// - src/codegen and templates/ never import src/runtime.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportViolation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (/\.(c|m)?tsx?$/.test(name)) out.push(path);
  }
  return out.sort();
}

/** Every module specifier of a file: static imports/exports, `import()`, `require()`. */
export function importsOf(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** Checks a repository root; returns every violation (empty when the layout is respected). */
export function checkImportDirection(root: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  const runtimeDir = resolve(root, 'src/runtime');
  const check = (dir: string, rule: (file: string, spec: string) => string | undefined) => {
    let files: string[];
    try {
      files = listTs(resolve(root, dir));
    } catch {
      return;
    }
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const broken = rule(file, spec);
        if (broken) violations.push({ file: relative(root, file), specifier: spec, rule: broken });
      }
    }
  };
  check('src/runtime', (file, spec) => {
    if (!spec.startsWith('.')) return 'src/runtime imports nothing outside itself (no packages)';
    const target = resolve(dirname(file), spec);
    return isInside(target, runtimeDir) ? undefined : 'src/runtime imports nothing outside itself';
  });
  const noRuntime = (file: string, spec: string) => {
    if (
      spec === 'graphql-codegen-batch/runtime' ||
      spec.startsWith('graphql-codegen-batch/runtime/')
    )
      return 'the codegen never imports the runtime';
    if (!spec.startsWith('.')) return undefined;
    return isInside(resolve(dirname(file), spec), runtimeDir)
      ? 'the codegen never imports the runtime'
      : undefined;
  };
  check('src/codegen', noRuntime);
  check('templates', noRuntime);
  return violations;
}
