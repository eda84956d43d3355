// The library's data: in-memory tables (no database, so the app installs fast) behind the
// queries a real data layer would offer. Each request gets its own `LibraryDb`, which logs
// every query it answers, so a response can report exactly which reads it cost.
import type {
  AuthorRow,
  BookRow,
  EntryKind,
  FilmRow,
  LoanRow,
  MemberRow,
  ReviewRow,
  SubjectRow,
} from './models.js';

const author = (id: string, name: string): AuthorRow => ({ kind: 'author', id, name });
const book = (
  id: string,
  title: string,
  year: number,
  authorId: string,
  subjectIds: string[],
): BookRow => ({ kind: 'book', id, title, year, authorId, subjectIds });
const film = (id: string, title: string, minutes: number, subjectIds: string[]): FilmRow => ({
  kind: 'film',
  id,
  title,
  minutes,
  subjectIds,
});

/** The tables every request reads; `renameMember` is the one write. */
export class Tables {
  readonly authors: readonly AuthorRow[] = [
    author('a1', 'Ursula K. Le Guin'),
    author('a2', 'Octavia E. Butler'),
    author('a3', 'Stanislaw Lem'),
  ];
  readonly books: readonly BookRow[] = [
    book('b1', 'A Wizard of Earthsea', 1968, 'a1', ['s1', 's3']),
    book('b2', 'The Dispossessed', 1974, 'a1', ['s2', 's4']),
    book('b3', 'Kindred', 1979, 'a2', ['s2', 's5']),
    book('b4', 'Solaris', 1961, 'a3', ['s2']),
    // An author the table does not have: Book.author (non-null) is a NOT_FOUND error.
    book('b5', 'The Lost Manuscript', 1990, 'a9', ['s5']),
  ];
  readonly films: readonly FilmRow[] = [
    film('f1', 'Solaris', 167, ['s2']),
    film('f2', 'Stalker', 163, ['s2', 's6']),
  ];
  readonly subjects: readonly SubjectRow[] = [
    { id: 's1', name: 'Fantasy' },
    { id: 's2', name: 'Science fiction' },
    { id: 's3', name: 'Coming of age' },
    { id: 's4', name: 'Politics' },
    { id: 's5', name: 'History' },
    { id: 's6', name: 'Philosophy' },
  ];
  members: MemberRow[] = [
    { id: 'm1', name: 'Ada' },
    { id: 'm2', name: 'Grace' },
    { id: 'm3', name: 'Linus' },
  ];
  readonly loans: readonly LoanRow[] = [
    { id: 'l1', memberId: 'm1', itemId: 'b1', due: '2026-12-10' },
    { id: 'l2', memberId: 'm1', itemId: 'f1', due: '2026-12-12' },
    { id: 'l3', memberId: 'm2', itemId: 'b3', due: '2026-12-15' },
    { id: 'l4', memberId: 'm2', itemId: 'b2', due: '2026-12-20' },
  ];
  readonly reviews: readonly ReviewRow[] = [
    { id: 'r1', bookId: 'b1', rating: 5, text: 'A classic.', reviewerId: 'm2' },
    { id: 'r2', bookId: 'b1', rating: 3, text: 'Slow start.', reviewerId: null },
    { id: 'r3', bookId: 'b1', rating: 4, text: 'Lovely maps.', reviewerId: 'm3' },
    { id: 'r4', bookId: 'b3', rating: 5, text: 'Unforgettable.', reviewerId: 'm1' },
    { id: 'r5', bookId: 'b2', rating: 2, text: 'Too much politics.', reviewerId: 'm3' },
    { id: 'r6', bookId: 'b4', rating: 4, text: 'The ocean thinks.', reviewerId: null },
  ];
}

/** One request's handle on the tables: every query is logged, in the order it was made. */
export class LibraryDb {
  /** `authors [a1, a2]`: the query's name and its keys, one entry per query. */
  readonly log: string[] = [];

  constructor(private readonly tables: Tables) {}

  authorsByIds(ids: readonly string[]): Promise<AuthorRow[]> {
    return this.read(`authors ${list(ids)}`, () => byIds(this.tables.authors, ids));
  }

  booksByIds(ids: readonly string[]): Promise<BookRow[]> {
    return this.read(`books ${list(ids)}`, () => byIds(this.tables.books, ids));
  }

  booksByAuthors(authorIds: readonly string[]): Promise<BookRow[]> {
    return this.read(`books by author ${list(authorIds)}`, () =>
      this.tables.books.filter((b) => authorIds.includes(b.authorId)),
    );
  }

  filmsByIds(ids: readonly string[]): Promise<FilmRow[]> {
    return this.read(`films ${list(ids)}`, () => byIds(this.tables.films, ids));
  }

  subjectsByIds(ids: readonly string[]): Promise<SubjectRow[]> {
    return this.read(`subjects ${list(ids)}`, () => byIds(this.tables.subjects, ids));
  }

  membersByIds(ids: readonly string[]): Promise<MemberRow[]> {
    return this.read(`members ${list(ids)}`, () => byIds(this.tables.members, ids));
  }

  loansByMembers(memberIds: readonly string[]): Promise<LoanRow[]> {
    return this.read(`loans by member ${list(memberIds)}`, () =>
      this.tables.loans.filter((l) => memberIds.includes(l.memberId)),
    );
  }

  /** Per book, its `first` best reviews (rating descending, then id) rated `minRating` or more. */
  reviewsOfBooks(
    bookIds: readonly string[],
    first: number,
    minRating: number | null,
  ): Promise<ReviewRow[]> {
    const label = `reviews of ${list(bookIds)} first ${first} minRating ${minRating ?? 'any'}`;
    return this.read(label, () =>
      bookIds.flatMap((bookId) =>
        this.tables.reviews
          .filter((r) => r.bookId === bookId && r.rating >= (minRating ?? 0))
          .sort((a, b) => b.rating - a.rating || (a.id < b.id ? -1 : 1))
          .slice(0, Math.max(first, 0)),
      ),
    );
  }

  /** The catalogue index: what each id is (books, films and authors share one id space). */
  catalogue(ids: readonly string[]): Promise<{ id: string; kind: EntryKind }[]> {
    return this.read(`catalogue ${list(ids)}`, () =>
      [
        ...byIds(this.tables.authors, ids),
        ...byIds(this.tables.books, ids),
        ...byIds(this.tables.films, ids),
      ].map(({ id, kind }) => ({ id, kind })),
    );
  }

  /** Titles and names containing `text` (case-insensitive): books, then films, then authors. */
  search(text: string): Promise<Array<AuthorRow | BookRow | FilmRow>> {
    const needle = text.toLowerCase();
    const has = (s: string) => s.toLowerCase().includes(needle);
    return this.read(`search ${JSON.stringify(text)}`, () => [
      ...this.tables.books.filter((b) => has(b.title)),
      ...this.tables.films.filter((f) => has(f.title)),
      ...this.tables.authors.filter((a) => has(a.name)),
    ]);
  }

  renameMember(id: string, name: string): Promise<boolean> {
    return this.read(`rename member ${id}`, () => {
      const index = this.tables.members.findIndex((m) => m.id === id);
      if (index === -1) return false;
      this.tables.members[index] = { id, name };
      return true;
    });
  }

  private read<T>(label: string, answer: () => T): Promise<T> {
    this.log.push(label);
    // Answered on a later macrotask, as a database's reply would be.
    return new Promise((resolve) => setImmediate(() => resolve(answer())));
  }
}

function byIds<R extends { readonly id: string }>(rows: readonly R[], ids: readonly string[]): R[] {
  return rows.filter((row) => ids.includes(row.id));
}

function list(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}
