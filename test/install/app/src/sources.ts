// One Source per @batch source, extending the generated abstract class: a wrong key or value
// type is a tsc error here.
import { orderByKeys } from 'graphql-codegen-batch/runtime';
import { AuthorSource, type BatchSources } from './generated/graphql.js';
import type { AuthorRow } from './models.js';

export const authors: readonly AuthorRow[] = [
  { id: 1, name: 'Ada' },
  { id: 2, name: 'Grace' },
];

/** Every batch's keys, in order: the check compares them exactly. */
export const fetchLog: number[][] = [];

export class Authors extends AuthorSource {
  async fetch(ids: number[]) {
    fetchLog.push([...ids]);
    return orderByKeys(ids, authors, (author) => author.id);
  }
}

export const sources: BatchSources = { Author: Authors };
