// The demo query of `npm run example`, also sent over HTTP by the end-to-end tests:
// posts → author, editor, tags, comments → author (every @batch form but $args, in one query).
export const DEMO_QUERY = /* GraphQL */ `
  query Demo($posts: Int!, $comments: Int!) {
    posts(first: $posts) {
      id
      title
      author { id name }
      editor { id name }
      tags { id name }
      comments(first: $comments) {
        id
        body
        author { id name }
      }
    }
  }
`;

export interface DemoVariables {
  readonly posts: number;
  readonly comments: number;
}

export const DEMO_VARIABLES: DemoVariables = { posts: 100, comments: 5 };

interface Named {
  readonly id: string;
  readonly name: string;
}

/** The shape of the demo query's `data`, as JSON. */
export interface DemoData {
  readonly posts: readonly {
    readonly id: string;
    readonly title: string;
    readonly author: Named;
    readonly editor: Named | null;
    readonly tags: readonly Named[];
    readonly comments: readonly {
      readonly id: string;
      readonly body: string;
      readonly author: Named;
    }[];
  }[];
}
