// jobResolver at run time, and the typescript-resolvers output its typing test is checked against.
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { jobResolver, jobResolverOn } from 'graphql-codegen-batch/server';
import { describe, expect, it } from 'vitest';
import { config, outputFile } from './resolvers/codegen.js';

class Users extends Source<string, string> {
  fetch(ids: string[]) {
    return ids.map((id) => `user${id}`);
  }
}

describe('jobResolver', () => {
  const resolve = jobResolver(function* (
    parent: { id: string },
    _args: unknown,
    ctx: { dataloader: Dataloader },
  ) {
    return yield* ctx.dataloader.with(Users).load(parent.id);
  });

  it('returns the value itself when nothing waits, a Promise otherwise', async () => {
    const dataloader = new Dataloader();
    dataloader.with(Users).prime('1', 'cached');
    expect(resolve({ id: '1' }, {}, { dataloader }, null)).toBe('cached');
    const pending = resolve({ id: '2' }, {}, { dataloader }, null);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe('user2');
  });

  it('names the missing context field', () => {
    const at = jobResolverOn('loader')(function* () {
      yield;
      return 1;
    });
    expect(() => resolve({ id: '1' }, {}, { dataloader: undefined as never }, null)).toThrow(
      "jobResolver needs a Dataloader at context.dataloader (put one on each request's context, e.g. with the useDataloader plugin), but got: undefined.",
    );
    expect(() => at({}, {}, { loader: {} as never }, null)).toThrow(
      "jobResolver needs a Dataloader at context.loader (put one on each request's context, e.g. with the useDataloader plugin), but got: Object.",
    );
  });
});

describe('resolvers/generated/types.ts', () => {
  it('is what typescript + typescript-resolvers generate today', async () => {
    const [output] = await generate(config, false);
    expect(output?.filename).toBe(outputFile);
    expect(output?.content).toBe(readFileSync(outputFile, 'utf8'));
  });
});
