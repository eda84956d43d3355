// A real, strict type-check (a TypeScript Program, not a syntax check) of fixture files together:
// the golden output, the typescript + typescript-resolvers output in it, the runtime's types
// (`graphql-codegen-batch/runtime` resolves through the package exports to dist/) and the
// fixture's models and usage modules.
import ts from 'typescript';

export const strictOptions: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: false,
  isolatedModules: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  skipLibCheck: true,
  noEmit: true,
};

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

export function typeCheck(
  files: readonly string[],
  options = strictOptions,
  host?: ts.CompilerHost,
): Diagnostic[] {
  const program = ts.createProgram({ rootNames: files, options, ...(host ? { host } : {}) });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const pos =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return {
      file: d.file?.fileName ?? '',
      line: (pos?.line ?? -1) + 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    };
  });
}

/**
 * A host that serves `usage.ts` files with their `@ts-expect-error` directives removed, so a test
 * can check that each expected error is really there (and on the line the comment names).
 */
export function withoutExpectErrors(): ts.CompilerHost {
  const host = ts.createCompilerHost(strictOptions);
  const read = host.readFile.bind(host);
  host.readFile = (name) => {
    const text = read(name);
    return text && name.endsWith('usage.ts')
      ? text.replace(/\/\/ @ts-expect-error/g, '// expect-error')
      : text;
  };
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    name.endsWith('usage.ts')
      ? ts.createSourceFile(name, host.readFile(name) ?? '', lang)
      : getSourceFile(name, lang, onError, create);
  return host;
}
