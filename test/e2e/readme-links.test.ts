// Every `](#anchor)` link of the README (its contents list included) leads to a heading, by the
// anchors GitHub derives from heading text; headings inside fenced code blocks do not count.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { root } from './support/blog.js';

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

it('README: every in-page link names a heading', () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const prose = readme.replace(/^```[\s\S]*?^```/gm, '');
  const anchors = new Set<string>();
  for (const [, text] of prose.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchorOf(text as string);
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  const links = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
  expect(links.length).toBeGreaterThan(25);
  expect(links.filter((link) => !anchors.has(link))).toEqual([]);
});
