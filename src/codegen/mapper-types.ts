// Reads the user's mapper types with ts-morph, to check key paths against the parent's model at
// generation time. The Project is expensive to build (lib files, the user's modules), so it is
// kept in codegen's `pluginContext`, which survives `--watch` re-runs; on each run only files
// whose mtime changed are re-read from disk.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExternalParsedMapper } from '@graphql-codegen/visitor-plugin-common';
import type * as TsMorph from 'ts-morph';
import type { Project, SourceFile, Type, ts } from 'ts-morph';
import { loadedHelpers, loadTsMorph } from './peers.js';

/** A resolved TypeScript type, opaque to the other stages except for its text. */
export interface TsType {
  readonly text: string;
  readonly type: Type;
}

export type PathWalk =
  | {
      readonly ok: true;
      /** Per path segment: can that step be null or undefined (nullable or optional)? */
      readonly stepNullable: readonly boolean[];
      readonly list: boolean;
      readonly itemsNullable: boolean;
      /** The key's type without null/undefined; for a list, the element type. */
      readonly keyType: TsType;
    }
  | {
      readonly ok: false;
      readonly segment: number;
      readonly available: readonly string[];
      readonly onType: string;
    };

export interface MapperProbe {
  /** Why a mapper could not be read (bad module or export), by GraphQL type; else undefined. */
  failure(graphqlType: string): string | undefined;
  walk(graphqlType: string, path: readonly string[]): PathWalk;
  /** Context type check: undefined when the property exists, else the type's text. */
  missingContextProperty(property: string): string | undefined;
  sameType(a: TsType, b: TsType): boolean;
  /** One of the `typeTexts` it was built with (a scalar's type), if it type-checks. */
  typeOfText(text: string): TsType | undefined;
}

interface CachedState {
  readonly project: Project;
  readonly mtimes: Map<string, number>;
}

const CACHE_KEY = 'graphql-codegen-batch:mapper-project';
const PROBE = '__graphql_codegen_batch_probe__.ts';
const TEXT_ALIAS = '__Text_';

/** Counters for tests and the benchmark: how often a Project was built vs reused. */
export const mapperProjectStats = { created: 0, reused: 0, refreshed: 0 };

function projectFor(
  tsMorph: typeof TsMorph,
  pluginContext: Record<string, unknown> | undefined,
): Project {
  const cached = pluginContext?.[CACHE_KEY] as CachedState | undefined;
  if (cached) {
    mapperProjectStats.reused++;
    refreshChanged(cached);
    return cached.project;
  }
  mapperProjectStats.created++;
  const { ScriptTarget, ModuleKind, ModuleResolutionKind } = tsMorph.ts;
  const project = new tsMorph.Project({
    // A small program: ES2022 lib only (no DOM) and no ambient @types packages.
    compilerOptions: {
      strict: true,
      target: ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
      module: ModuleKind.ESNext,
      moduleResolution: ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
    },
    skipAddingFilesFromTsConfig: true,
  });
  const state: CachedState = { project, mtimes: new Map() };
  if (pluginContext) pluginContext[CACHE_KEY] = state;
  return project;
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function refreshChanged(state: CachedState): void {
  for (const file of state.project.getSourceFiles()) {
    const path = file.getFilePath();
    if (path.endsWith(PROBE)) continue;
    const known = state.mtimes.get(path);
    const now = mtimeOf(path);
    if (known !== undefined && known !== now) {
      mapperProjectStats.refreshed++;
      file.refreshFromFileSystemSync();
    }
  }
}

function rememberMtimes(pluginContext: Record<string, unknown> | undefined, project: Project) {
  const state = pluginContext?.[CACHE_KEY] as CachedState | undefined;
  if (!state) return;
  for (const file of project.getSourceFiles()) {
    const path = file.getFilePath();
    if (!path.endsWith(PROBE) && !state.mtimes.has(path)) state.mtimes.set(path, mtimeOf(path));
  }
}

function safeAlias(graphqlType: string): string {
  return `__Mapper_${graphqlType}`;
}

/**
 * Builds one probe module next to the output file (so relative mapper paths resolve as they
 * will in the generated code) that aliases every mapper type, and answers questions about them.
 * ts-morph is loaded here, the first time mapper checks run.
 */
export async function probeMappers(options: {
  readonly mappers: ReadonlyMap<string, ExternalParsedMapper>;
  readonly contextType: ExternalParsedMapper | undefined;
  /** Type texts to compare mapper types with (the scalars' types from config "scalars"). */
  readonly typeTexts: readonly string[];
  readonly outputFile: string;
  readonly pluginContext: Record<string, unknown> | undefined;
}): Promise<MapperProbe> {
  const tsMorph = await loadTsMorph();
  const { flattenDiagnosticMessageText, TypeFormatFlags } = tsMorph.ts;
  const { buildMapperImport } = loadedHelpers().visitorPluginCommon;
  const project = projectFor(tsMorph, options.pluginContext);
  const bySource = new Map<string, { identifier: string; asDefault: boolean }[]>();
  const lines: string[] = [];
  const entries = [...options.mappers];
  if (options.contextType) entries.push(['__Context', options.contextType]);
  for (const [graphqlType, mapper] of entries) {
    const list = bySource.get(mapper.source) ?? [];
    if (!list.some((i) => i.identifier === mapper.import)) {
      list.push({ identifier: mapper.import, asDefault: mapper.default });
    }
    bySource.set(mapper.source, list);
    lines.push(`export type ${safeAlias(graphqlType)} = ${mapper.type};`);
  }
  const imports = [...bySource].map(([source, types]) => buildMapperImport(source, types, true));
  const texts = [...new Set(options.typeTexts)];
  const textLines = texts.map((t, i) => `export type ${TEXT_ALIAS}${i} = ${t};`);
  const text = `${imports.join('\n')}\n${[...lines, ...textLines].join('\n')}\n`;
  const probe: SourceFile = project.createSourceFile(
    join(dirname(options.outputFile), PROBE),
    text,
    {
      overwrite: true,
    },
  );
  project.resolveSourceFileDependencies();
  rememberMtimes(options.pluginContext, project);
  const checker = project.getTypeChecker();
  const aliasType = (name: string): Type => probe.getTypeAliasOrThrow(name).getType();

  // Diagnostics of the probe file only: an unresolved module or missing export. Each is matched
  // to what it is about by the declaration it sits in: an import (every mapper from that
  // module), a mapper's alias, or a scalar's type text.
  const failures = new Map<string, string>();
  const badTexts = new Set<number>();
  const { SyntaxKind } = tsMorph;
  for (const diagnostic of probe.getPreEmitDiagnostics()) {
    const start = diagnostic.getStart();
    if (start === undefined) continue;
    const node = probe.getDescendantAtPos(start);
    const message = flattenDiagnosticMessageText(
      diagnostic.getMessageText() as string | ts.DiagnosticMessageChain,
      ' ',
    );
    const module = node
      ?.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)
      ?.getModuleSpecifierValue();
    const alias = node?.getFirstAncestorByKind(SyntaxKind.TypeAliasDeclaration)?.getName();
    // A missing export is at its import specifier: only the mappers importing that name.
    const named = node?.getFirstAncestorByKind(SyntaxKind.ImportSpecifier)?.getName();
    for (const [graphqlType, mapper] of entries) {
      const imported =
        module === mapper.source && (named === undefined || mapper.import.split(' ')[0] === named);
      if (imported || alias === safeAlias(graphqlType)) failures.set(graphqlType, message);
    }
    const text = alias?.startsWith(TEXT_ALIAS) ? Number(alias.slice(TEXT_ALIAS.length)) : -1;
    if (text >= 0) badTexts.add(text);
  }
  const typeText = (type: Type) => type.getText(probe, TypeFormatFlags.NoTruncation);

  return {
    failure: (graphqlType) => failures.get(graphqlType),
    walk(graphqlType, path) {
      let current = aliasType(safeAlias(graphqlType));
      const stepNullable: boolean[] = [];
      for (const [i, segment] of path.entries()) {
        const holder = current.getNonNullableType();
        const property = holder.getProperty(segment);
        if (!property) {
          return {
            ok: false,
            segment: i,
            available: holder
              .getProperties()
              .map((p) => p.getName())
              .sort(),
            onType: typeText(holder),
          };
        }
        current = property.getTypeAtLocation(probe);
        stepNullable.push(property.isOptional() || current.isNullable());
      }
      const value = current.getNonNullableType();
      const list = value.isArray() || value.isReadonlyArray();
      const element = list ? (value.getNumberIndexType() ?? value) : value;
      const keyType = element.getNonNullableType();
      return {
        ok: true,
        stepNullable,
        list,
        itemsNullable: list && element.isNullable(),
        keyType: { text: typeText(keyType), type: keyType },
      };
    },
    missingContextProperty(property) {
      const type = aliasType(safeAlias('__Context'));
      if (type.isAny() || type.getNonNullableType().getProperty(property)) return undefined;
      return typeText(type);
    },
    sameType: (a, b) =>
      checker.isTypeAssignableTo(a.type, b.type) && checker.isTypeAssignableTo(b.type, a.type),
    typeOfText(text) {
      const i = texts.indexOf(text);
      if (i < 0 || badTexts.has(i)) return undefined;
      const type = aliasType(`${TEXT_ALIAS}${i}`);
      return { text: typeText(type), type };
    },
  };
}
