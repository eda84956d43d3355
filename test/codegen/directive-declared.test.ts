// A schema may declare @batch itself (so that servers and editors can read it as it is): with the
// plugin's own signature, in any argument order, codegen accepts it and generates what it
// generates for the same schema without the declaration.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir, problemLines, root } from './support/fixtures.js';

const scratch = join(root, '.tmp/directive-declared');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the journey fixture's codegen with `header` put above its schema. */
async function journeyWith(name: string, header: string): Promise<string> {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['models.ts', 'context.ts'])
    cpSync(join(fixturesDir, 'journey', file), join(dir, file));
  const sdl = readFileSync(join(fixturesDir, 'journey/schema.graphql'), 'utf8');
  writeFileSync(join(dir, 'schema.graphql'), `${header}${sdl}`);
  const config = JSON.parse(readFileSync(join(fixturesDir, 'journey/codegen.json'), 'utf8')) as {
    generates: Record<string, Types.ConfiguredOutput>;
  };
  try {
    const [output] = (await generate(
      {
        cwd: dir,
        schema: join(dir, 'schema.graphql'),
        generates: {
          [join(dir, 'generated/graphql.ts')]: config.generates[
            'generated/graphql.ts'
          ] as Types.ConfiguredOutput,
        },
        silent: true,
      } as Types.Config & { cwd: string },
      false,
    )) as Types.FileOutput[];
    return output?.content ?? '<no output>';
  } catch (error) {
    return problemLines(error);
  }
}

/**
 * typescript-resolvers lists the directive's arguments in the merged schema's order (sorted when
 * the schema declares it), so its `BatchDirectiveArgs` members are compared as a set.
 */
function sortDirectiveArgs(code: string): string {
  return code.replace(
    /(export type BatchDirectiveArgs = \{\n)([\s\S]*?)(\n\};)/,
    (_, open: string, members: string, close: string) =>
      `${open}${members.split('\n').sort().join('\n')}${close}`,
  );
}

describe('a @batch declared in the schema itself', () => {
  it('generates the same code as the plugin’s own declaration, in any argument order', async () => {
    const undeclared = await journeyWith('undeclared', '');
    expect(undeclared).toContain('export abstract class UserSource');
    expect(sortDirectiveArgs(undeclared)).not.toBe(undeclared);
    const declared = await journeyWith(
      'declared',
      'directive @batch(source: String!, key: [String!], many: Boolean = false) on FIELD_DEFINITION\n\n',
    );
    expect(sortDirectiveArgs(declared)).toBe(sortDirectiveArgs(undeclared));
    const reordered = await journeyWith(
      'reordered',
      'directive @batch(many: Boolean = false, key: [String!], source: String!) on FIELD_DEFINITION\n\n',
    );
    expect(sortDirectiveArgs(reordered)).toBe(sortDirectiveArgs(undeclared));
  });

  it('accepts the signature from before composite keys (key: String): single keys only', async () => {
    const legacy = await journeyWith(
      'legacy',
      'directive @batch(source: String!, key: String, many: Boolean = false) on FIELD_DEFINITION\n\n',
    );
    // The schema's own declaration types the directive's arguments; the batch code is the same.
    const batchCode = (code: string) => code.slice(code.indexOf('// ---- graphql-codegen-batch'));
    const undeclared = await journeyWith('undeclared', '');
    expect(legacy).toContain("key?: Maybe<Scalars['String']['input']>;");
    expect(batchCode(legacy)).toBe(batchCode(undeclared));
    // The same, with the OBJECT location that entity types need.
    const onTypes = await journeyWith(
      'legacy-on-types',
      'directive @batch(source: String!, key: String, many: Boolean = false) on FIELD_DEFINITION | OBJECT\n\n',
    );
    expect(batchCode(onTypes)).toBe(batchCode(undeclared));
  });
});
