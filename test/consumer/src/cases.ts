// What check.ts sends and expects, identical under both servers: the data, the errors, every
// query the request made (extensions.fetches, in order) and the Dataloader's figures
// (extensions.dataloader). One batch per source and batch parameters per round is the point.

export interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly data: unknown;
  readonly errors?: readonly unknown[];
  readonly fetches: readonly string[];
  readonly dataloader: unknown;
}

/**
 * extensions.dataloader: the rounds, the cache hits and, per Source class, [batches, keys]
 * (no key of these cases fails, so every `errors` is 0); the totals are the sums.
 */
function stats(rounds: number, cacheHits: number, perSource: Record<string, [number, number]>) {
  const sources: Record<string, { batches: number; keys: number; errors: number }> = {};
  let batches = 0;
  let keys = 0;
  for (const [name, [b, k]] of Object.entries(perSource)) {
    sources[name] = { batches: b, keys: k, errors: 0 };
    batches += b;
    keys += k;
  }
  return { batches, keys, rounds, cacheHits, sources };
}

export const cases: readonly Case[] = [
  {
    name: 'one-to-one and a list of keys, from an $args key',
    query: `query Book($id: ID!) {
      book(id: $id) { title year author { name } subjects { name } }
    }`,
    variables: { id: 'b1' },
    data: {
      book: {
        title: 'A Wizard of Earthsea',
        year: 1968,
        author: { name: 'Ursula K. Le Guin' },
        subjects: [{ name: 'Fantasy' }, { name: 'Coming of age' }],
      },
    },
    fetches: ['books [b1]', 'authors [a1]', 'subjects [s1, s3]'],
    dataloader: stats(2, 3, { Authors: [1, 1], Books: [1, 1], Subjects: [1, 2] }),
  },
  {
    name: 'one-to-many with batch parameters: one batch per distinct (first, minRating)',
    query: `{
      a: book(id: "b1") { reviews { rating reviewer { name } } }
      b: book(id: "b3") { reviews(first: 1) { rating } }
      c: book(id: "b2") { reviews(minRating: 3) { rating } }
      d: book(id: "b4") { reviews { text reviewer { name } } }
    }`,
    data: {
      a: {
        reviews: [
          { rating: 5, reviewer: { name: 'Grace' } },
          { rating: 4, reviewer: { name: 'Linus' } },
        ],
      },
      b: { reviews: [{ rating: 5 }] },
      c: { reviews: [] },
      d: { reviews: [{ text: 'The ocean thinks.', reviewer: null }] },
    },
    fetches: [
      'books [b1, b3, b2, b4]', // round 1: the four $args keys, one batch
      'reviews of [b1, b4] first 2 minRating any', // round 2: the defaults, shared by a and d
      'reviews of [b3] first 1 minRating any',
      'reviews of [b2] first 2 minRating 3',
      'members [m2, m3]', // round 3: r2 and r6 are anonymous, so not loaded
    ],
    dataloader: stats(3, 6, { Books: [1, 4], Members: [1, 2], ReviewsByBook: [3, 4] }),
  },
  {
    name: 'the Item interface through one-to-many loans: a generator Source over three',
    query: `{
      m1: member(id: "m1") {
        name
        loans {
          due
          item {
            __typename
            title
            subjects { name }
            ... on Book { author { name } }
            ... on Film { minutes }
          }
        }
      }
      m2: member(id: "m2") { loans { item { title } member { name } } }
    }`,
    data: {
      m1: {
        name: 'Ada',
        loans: [
          {
            due: '2026-12-10',
            item: {
              __typename: 'Book',
              title: 'A Wizard of Earthsea',
              subjects: [{ name: 'Fantasy' }, { name: 'Coming of age' }],
              author: { name: 'Ursula K. Le Guin' },
            },
          },
          {
            due: '2026-12-12',
            item: {
              __typename: 'Film',
              title: 'Solaris',
              subjects: [{ name: 'Science fiction' }],
              minutes: 167,
            },
          },
        ],
      },
      m2: {
        loans: [
          { item: { title: 'Kindred' }, member: { name: 'Grace' } },
          { item: { title: 'The Dispossessed' }, member: { name: 'Grace' } },
        ],
      },
    },
    fetches: [
      'members [m1, m2]', // round 1
      'loans by member [m1, m2]', // round 2
      'catalogue [b1, f1, b3, b2]', // round 3: Items' generator fetch asks the catalogue,
      'books [b1, b3, b2]', //          then loads the books and the films it names
      'films [f1]',
      'subjects [s1, s3, s2]', // round 4: Loan.member's m2 is cached, so no members batch
      'authors [a1]',
    ],
    dataloader: stats(4, 14, {
      Authors: [1, 1],
      Books: [1, 3],
      Catalogue: [1, 4],
      Films: [1, 1],
      Items: [1, 4],
      LoansByMember: [1, 2],
      Members: [1, 2],
      Subjects: [1, 3],
    }),
  },
  {
    name: 'Query.item: an author id is no Item, so null',
    query:
      '{ author: item(id: "a1") { title } film: item(id: "f2") { title ... on Film { minutes } } }',
    data: { author: null, film: { title: 'Stalker', minutes: 163 } },
    fetches: ['catalogue [a1, f2]', 'films [f2]'],
    dataloader: stats(1, 0, { Catalogue: [1, 2], Films: [1, 1], Items: [1, 2] }),
  },
  {
    name: 'the Hit union from a list-of-keys $args key, null where the catalogue has none',
    query: `{
      hits(ids: ["b4", "f2", "a2", "x1"]) {
        __typename
        ... on Book { title author { name } }
        ... on Film { title minutes }
        ... on Author { name books { title } }
      }
    }`,
    data: {
      hits: [
        { __typename: 'Book', title: 'Solaris', author: { name: 'Stanislaw Lem' } },
        { __typename: 'Film', title: 'Stalker', minutes: 163 },
        { __typename: 'Author', name: 'Octavia E. Butler', books: [{ title: 'Kindred' }] },
        null,
      ],
    },
    fetches: [
      'catalogue [b4, f2, a2, x1]', // round 1: Hits' generator fetch, then its three loads
      'authors [a2]',
      'books [b4]',
      'films [f2]',
      'authors [a3]', // round 2: the children under each type condition
      'books by author [a2]',
    ],
    dataloader: stats(2, 2, {
      Authors: [2, 2],
      Books: [1, 1],
      BooksByAuthor: [1, 1],
      Catalogue: [1, 4],
      Films: [1, 1],
      Hits: [1, 4],
    }),
  },
  {
    name: 'a hand-written resolver returning union rows, with the lookahead prefetch',
    query: `{
      search(text: "sol") {
        __typename
        ... on Book { title author { name } }
        ... on Film { title subjects { name } }
      }
    }`,
    data: {
      search: [
        { __typename: 'Book', title: 'Solaris', author: { name: 'Stanislaw Lem' } },
        { __typename: 'Film', title: 'Solaris', subjects: [{ name: 'Science fiction' }] },
      ],
    },
    fetches: ['search "sol"', 'authors [a3]', 'subjects [s2]'],
    dataloader: stats(1, 2, { Authors: [1, 1], Subjects: [1, 1] }),
  },
  {
    name: 'a missing author behind a non-null field is a NOT_FOUND error',
    query: '{ book(id: "b5") { title author { name } } }',
    data: { book: null },
    errors: [
      {
        message: 'Author not found for key "a9" (Book.author)',
        locations: [{ line: 1, column: 26 }],
        path: ['book', 'author'],
        extensions: { code: 'NOT_FOUND' },
      },
    ],
    fetches: ['books [b5]', 'authors [a9]'],
    dataloader: stats(2, 1, { Authors: [1, 1], Books: [1, 1] }),
  },
  {
    name: 'unknown ids at nullable $args fields are null; a member without loans has []',
    query: '{ book(id: "nope") { title } member(id: "m3") { name loans { id } } }',
    data: { book: null, member: { name: 'Linus', loans: [] } },
    fetches: ['books [nope]', 'members [m3]', 'loans by member [m3]'],
    dataloader: stats(2, 1, { Books: [1, 1], LoansByMember: [1, 1], Members: [1, 1] }),
  },
  {
    name: 'the cache is cleared between root mutation fields',
    query: `mutation {
      a: renameMember(id: "m1", name: "Ada L.") { name }
      b: renameMember(id: "m1", name: "Ada Lovelace") { name }
    }`,
    data: { a: { name: 'Ada L.' }, b: { name: 'Ada Lovelace' } },
    // Without the clearing, b would read m1 from the cache: "Ada L." and one members batch.
    fetches: ['rename member m1', 'members [m1]', 'rename member m1', 'members [m1]'],
    dataloader: stats(2, 0, { Members: [2, 2] }),
  },
];
