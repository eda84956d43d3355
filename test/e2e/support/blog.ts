// Shared by the end-to-end tests of examples/blog: the answer computed in memory from the seed's
// rows (independently of SQL and of the loaders), HTTP helpers, and the example's processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoData, DemoVariables } from '../../../examples/blog/src/demo.js';
import type { CommentRow } from '../../../examples/blog/src/models.js';
import type { SeedData } from '../../../examples/blog/src/seed.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The seed scale of every end-to-end test: 100 users, 1,000 posts, 5,000 comments, 10 tags. */
export const TEST_SCALE = 0.1;

function byId<R extends { id: number }>(rows: readonly R[]): Map<number, R> {
  return new Map(rows.map((row) => [row.id, row]));
}

function get<V>(map: Map<number, V>, id: number): V {
  const value = map.get(id);
  if (value === undefined) throw new Error(`the seed has no row ${id}`);
  return value;
}

/** The demo query's `data`, joined in memory from the seed's rows. */
export function expectedDemoData(seed: SeedData, vars: DemoVariables): DemoData {
  const users = byId(seed.users);
  const tags = byId(seed.tags);
  const commentsByPost = new Map<number, CommentRow[]>();
  for (const comment of [...seed.comments].sort((a, b) => a.id - b.id)) {
    const list = commentsByPost.get(comment.postId) ?? [];
    list.push(comment);
    commentsByPost.set(comment.postId, list);
  }
  const named = (row: { id: number; name: string }) => ({ id: String(row.id), name: row.name });
  const posts = [...seed.posts].sort((a, b) => a.id - b.id).slice(0, vars.posts);
  return {
    posts: posts.map((post) => ({
      id: String(post.id),
      title: post.title,
      author: named(get(users, post.authorId)),
      editor: post.editorId === null ? null : named(get(users, post.editorId)),
      tags: post.tagIds.map((id) => named(get(tags, id))),
      comments: (commentsByPost.get(post.id) ?? []).slice(0, vars.comments).map((comment) => ({
        id: String(comment.id),
        body: comment.body,
        author: named(get(users, comment.authorId)),
      })),
    })),
  };
}

/**
 * What the batched resolvers must issue for the demo query, one statement per round and source:
 * Query.posts; then the posts' users (authors and editors in one batch), their tags and their
 * comments; then the comments' authors that the first batch of users did not already cache.
 */
export function batchedStatementCount(data: DemoData): number {
  const posts = data.posts;
  const roundOneUsers = new Set(posts.flatMap((p) => [p.author.id, p.editor?.id ?? []].flat()));
  const newCommentAuthors = posts.some((p) =>
    p.comments.some((c) => !roundOneUsers.has(c.author.id)),
  );
  return (
    1 +
    (posts.length > 0 ? 2 : 0) +
    (posts.some((p) => p.tags.length > 0) ? 1 : 0) +
    (newCommentAuthors ? 1 : 0)
  );
}

/**
 * What the naive resolvers must issue for the demo query: Query.posts, then per post one for
 * the author, one for the editor when there is one, one for the tags, one for the comments, and
 * one per comment for its author.
 */
export function naiveStatementCount(data: DemoData): number {
  let count = 1;
  for (const post of data.posts) {
    count += 3 + (post.editor === null ? 0 : 1) + post.comments.length;
  }
  return count;
}

export interface GraphQLResponse<D = unknown> {
  readonly data?: D | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Record<string, unknown>;
  }[];
  readonly extensions?: {
    readonly sql?: { readonly statements: number; readonly rows: number };
    readonly dataloader?: {
      readonly batches: number;
      readonly keys: number;
      readonly rounds: number;
    };
  };
}

/** POSTs a query to a GraphQL endpoint on 127.0.0.1 and returns the parsed JSON body. */
export async function post<D = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<D>;
}

export interface ExampleProcess {
  readonly child: ChildProcess;
  /** Resolves with the whole stdout once the process exits with status 0. */
  readonly exited: Promise<string>;
  /** Resolves with the first match of `pattern` in stdout. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  stop(): void;
}

/**
 * Runs one of the example's entry points (`serve.ts`, `main.ts`) with tsx, as its npm script
 * does after the build and the codegen (which the test run has already done).
 */
export function runExample(entry: string, env: Record<string, string>): ExampleProcess {
  const child = spawn(
    process.execPath,
    [resolve(root, 'node_modules/tsx/dist/cli.mjs'), `examples/blog/src/${entry}`],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const watcher of [...watchers]) {
      const match = stdout.match(watcher.pattern);
      if (match) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(match);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<string>((resolveExit, reject) => {
    child.on('exit', (code, signal) => {
      if (code === 0) resolveExit(stdout);
      else reject(new Error(`${entry} exited with ${code ?? signal}:\n${stdout}\n${stderr}`));
    });
  });
  // A watcher still waiting when the process exits fails with the process's output.
  exited.catch(() => {});
  return {
    child,
    exited,
    waitFor: (pattern) =>
      new Promise((resolveMatch, reject) => {
        const match = stdout.match(pattern);
        if (match) return resolveMatch(match);
        watchers.push({ pattern, resolve: resolveMatch });
        exited.then(
          () => reject(new Error(`${entry} exited before printing ${pattern}:\n${stdout}`)),
          reject,
        );
      }),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
