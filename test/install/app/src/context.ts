import type { Dataloader } from 'graphql-codegen-batch/runtime';

export interface Context {
  readonly dataloader: Dataloader;
}
