// The Envelop plugin's public types under this repository's strict settings
// (exactOptionalPropertyTypes): an interface context, and options built from optional values.
import type { Plugin } from '@envelop/core';
import { type UseDataloaderOptions, useDataloader } from 'graphql-codegen-batch/envelop';
import {
  AsyncDataloader,
  type AsyncDataloaderOptions,
  Dataloader,
  type DataloaderOptions,
} from 'graphql-codegen-batch/runtime';
import { describe, expectTypeOf, it } from 'vitest';

interface Context {
  readonly tenant: string;
  readonly dataloader: Dataloader;
}

describe('useDataloader types', () => {
  it('takes an interface as its context type (no index signature needed)', () => {
    expectTypeOf(useDataloader<Context>()).toEqualTypeOf<Plugin<Context>>();
    useDataloader<Context>({
      options: (context) => {
        expectTypeOf(context).toEqualTypeOf<Context>();
        return { context: { tenant: context.tenant } };
      },
    });
    const options: UseDataloaderOptions<Context> = { mode: 'async' };
    expectTypeOf(useDataloader(options)).toEqualTypeOf<Plugin<Context>>();
  });

  it('accepts options whose values may be undefined (exactOptionalPropertyTypes)', () => {
    const settings = {} as {
      maxConcurrency?: number;
      mode?: 'sequential' | 'async';
      stats?: boolean;
      signal?: AbortSignal;
    };
    useDataloader({
      mode: settings.mode,
      stats: settings.stats,
      field: undefined,
      clearCacheBetweenMutationFields: undefined,
      options: { maxConcurrency: settings.maxConcurrency, signal: settings.signal },
    });
    const asyncOptions: AsyncDataloaderOptions = {
      maxConcurrency: settings.maxConcurrency,
      signal: settings.signal,
      hooks: undefined,
      schedule: undefined,
      context: undefined,
    };
    const options: DataloaderOptions = { signal: settings.signal, hooks: undefined };
    new AsyncDataloader(asyncOptions);
    new Dataloader(options);
  });
});
