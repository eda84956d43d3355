// The codegen side's packages (optional peer dependencies): loaded on the first codegen run, not
// when the plugin module is imported, so an app's production install (runtime only) needs none of
// them and importing the plugin does not pay for ts-morph (its bundled TypeScript) up front.
// A missing one fails the run with one message that names the install command.
import type * as PluginHelpers from '@graphql-codegen/plugin-helpers';
import type * as VisitorPluginCommon from '@graphql-codegen/visitor-plugin-common';
import type * as TsMorph from 'ts-morph';

/** The README's Install command for the codegen side (test/install checks they agree). */
export const CODEGEN_INSTALL_COMMAND =
  'npm install -D @graphql-codegen/cli@^7 @graphql-codegen/typescript@^6 @graphql-codegen/typescript-resolvers@^6 @graphql-codegen/plugin-helpers@^7 @graphql-codegen/visitor-plugin-common@^7 ts-morph@^28 typescript @parcel/watcher@^2';

export interface Helpers {
  readonly pluginHelpers: typeof PluginHelpers;
  readonly visitorPluginCommon: typeof VisitorPluginCommon;
}

let helpers: Helpers | undefined;
let tsMorph: typeof TsMorph | undefined;

/** Loads the codegen helper packages once; the plugin's entry points await this first. */
export async function loadHelpers(): Promise<Helpers> {
  if (helpers) return helpers;
  const [pluginHelpers, visitorPluginCommon] = await loadAll([
    ['@graphql-codegen/plugin-helpers', () => import('@graphql-codegen/plugin-helpers')],
    [
      '@graphql-codegen/visitor-plugin-common',
      () => import('@graphql-codegen/visitor-plugin-common'),
    ],
  ] as const);
  helpers = { pluginHelpers, visitorPluginCommon };
  return helpers;
}

/** Loads ts-morph once, when mapper checks first run. */
export async function loadTsMorph(): Promise<typeof TsMorph> {
  if (!tsMorph) [tsMorph] = await loadAll([['ts-morph', () => import('ts-morph')]] as const);
  return tsMorph;
}

/** The helpers loaded by `loadHelpers` (the sync stages run only after it resolved). */
export function loadedHelpers(): Helpers {
  if (!helpers) throw new Error('graphql-codegen-batch: loadHelpers() must resolve first.');
  return helpers;
}

type Loaders = readonly (readonly [string, () => Promise<unknown>])[];
type Loaded<L extends Loaders> = { -readonly [I in keyof L]: Awaited<ReturnType<L[I][1]>> };

async function loadAll<L extends Loaders>(loaders: L): Promise<Loaded<L>> {
  const missing: string[] = [];
  const modules = await Promise.all(
    loaders.map(async ([name, load]) => {
      try {
        return await load();
      } catch (error) {
        if (!isNotFound(error, name)) throw error;
        missing.push(name);
        return undefined;
      }
    }),
  );
  if (missing.length > 0) throw new MissingPeerError(missing);
  return modules as Loaded<L>;
}

/** The module itself is absent (not one of its own imports). */
function isNotFound(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    (error.message.includes(`'${name}'`) || error.message.includes(`"${name}"`))
  );
}

export class MissingPeerError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `graphql-codegen-batch: the codegen plugin needs ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. These are optional peer dependencies (a production install of the runtime needs none of them). Install the codegen side as dev dependencies: ${CODEGEN_INSTALL_COMMAND}`,
    );
    this.name = 'MissingPeerError';
  }
}
