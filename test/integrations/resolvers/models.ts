// Mapper models and the context of the jobResolver typing test (resolvers.test-d.ts).
import type { Dataloader } from 'graphql-codegen-batch/runtime';

export interface UserRow {
  id: string;
  name: string;
}
export interface PostRow {
  id: string;
  title: string;
  authorId: string;
}
export interface Context {
  dataloader: Dataloader;
}
