import { ApolloServer } from '@apollo/server';
import { it } from 'vitest';
import { typeDefs } from './support.js';

it('x', () => {
  const sdl = typeDefs.replace(
    'author: User!',
    'author: User! @batch(source: "User", key: "authorId")',
  );
  try {
    new ApolloServer({ typeDefs: sdl });
  } catch (e) {
    console.log(JSON.stringify((e as Error).message), (e as Error).constructor.name);
  }
});
