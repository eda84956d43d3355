// Row types: what the library's tables hold and what resolvers receive as parents. codegen.yml
// maps the GraphQL types onto them (`mappers`), so the plugin checks every @batch key against
// these properties and types each Source by them. `kind` tells the rows of the Item interface
// and the Hit union apart (resolvers.ts, __resolveType).

export interface AuthorRow {
  readonly kind: 'author';
  readonly id: string;
  readonly name: string;
}

export interface BookRow {
  readonly kind: 'book';
  readonly id: string;
  readonly title: string;
  readonly year: number;
  readonly authorId: string;
  readonly subjectIds: readonly string[];
}

export interface FilmRow {
  readonly kind: 'film';
  readonly id: string;
  readonly title: string;
  readonly minutes: number;
  readonly subjectIds: readonly string[];
}

export interface SubjectRow {
  readonly id: string;
  readonly name: string;
}

export interface MemberRow {
  readonly id: string;
  readonly name: string;
}

export interface LoanRow {
  readonly id: string;
  readonly memberId: string;
  /** A book's or a film's id. */
  readonly itemId: string;
  readonly due: string;
}

export interface ReviewRow {
  readonly id: string;
  readonly bookId: string;
  readonly rating: number;
  readonly text: string;
  /** null: an anonymous review (Review.reviewer resolves null without loading). */
  readonly reviewerId: string | null;
}

/** What the catalogue index says an id is. */
export type EntryKind = AuthorRow['kind'] | BookRow['kind'] | FilmRow['kind'];
