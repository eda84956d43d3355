// The library's Sources: one class per @batch source, each extending the abstract class the
// plugin generated for it (typed by its keys, its rows and the app's Context), so a wrong key,
// row or context type is a tsc error here. Each reads the request's tables at `this.context.db`.
import {
  all,
  type Dataloader,
  groupByKeys,
  orderByKeys,
  Source,
} from 'graphql-codegen-batch/runtime';
import type { Context } from './context.js';
import {
  AuthorSource,
  type BatchSources,
  BookSource,
  BooksByAuthorSource,
  HitSource,
  ItemSource,
  LoansByMemberSource,
  MemberSource,
  ReviewsByBookSource,
  SubjectSource,
} from './generated/graphql.js';
import type { AuthorRow, BookRow, EntryKind, FilmRow } from './models.js';

export class Authors extends AuthorSource {
  async fetch(ids: string[]) {
    const rows = await this.context.db.authorsByIds(ids);
    return orderByKeys(ids, rows, (author) => author.id);
  }
}

export class Books extends BookSource {
  async fetch(ids: string[]) {
    const rows = await this.context.db.booksByIds(ids);
    return orderByKeys(ids, rows, (book) => book.id);
  }
}

/** Not a @batch source: Items and Hits load films through it. */
export class Films extends Source<string, FilmRow | null, undefined, Context> {
  async fetch(ids: string[]) {
    const rows = await this.context.db.filmsByIds(ids);
    return orderByKeys(ids, rows, (film) => film.id);
  }
}

/** Not a @batch source: what each id of the catalogue is (a book, a film or an author). */
export class Catalogue extends Source<string, EntryKind | null, undefined, Context> {
  async fetch(ids: string[]) {
    const rows = await this.context.db.catalogue(ids);
    const kinds = orderByKeys(ids, rows, (entry) => entry.id);
    return kinds.map((entry) => entry?.kind ?? null);
  }
}

export class Subjects extends SubjectSource {
  async fetch(ids: string[]) {
    const rows = await this.context.db.subjectsByIds(ids);
    return orderByKeys(ids, rows, (subject) => subject.id);
  }
}

export class Members extends MemberSource {
  async fetch(ids: string[]) {
    const rows = await this.context.db.membersByIds(ids);
    return orderByKeys(ids, rows, (member) => member.id);
  }
}

export class BooksByAuthor extends BooksByAuthorSource {
  async fetch(authorIds: string[]) {
    const rows = await this.context.db.booksByAuthors(authorIds);
    return groupByKeys(authorIds, rows, (book) => book.authorId);
  }
}

export class LoansByMember extends LoansByMemberSource {
  async fetch(memberIds: string[]) {
    const rows = await this.context.db.loansByMembers(memberIds);
    return groupByKeys(memberIds, rows, (loan) => loan.memberId);
  }
}

/**
 * Book.reviews(first:, minRating:): both arguments are batch parameters, so books asking for
 * different values get different instances, and batches.
 */
export class ReviewsByBook extends ReviewsByBookSource {
  async fetch(bookIds: string[]) {
    const { first, minRating } = this.params;
    const rows = await this.context.db.reviewsOfBooks(bookIds, first, minRating);
    return groupByKeys(bookIds, rows, (review) => review.bookId);
  }
}

type Entry = AuthorRow | BookRow | FilmRow;

/**
 * The entries of `ids` whose kind is one of `kinds`, null for the rest: looks each id up in the
 * catalogue, then loads the books and the films (and the authors) in one round, each from its
 * own Source, so a book loaded here is the cached one that Query.book would load.
 */
function* entries(dataloader: Dataloader, ids: string[], kinds: readonly EntryKind[]) {
  const found = yield* dataloader.with(Catalogue).loadAll(ids);
  const idsOf = (kind: EntryKind) =>
    kinds.includes(kind) ? ids.filter((_, i) => found[i] === kind) : [];
  const [authors, books, films] = yield* all([
    dataloader.with(Authors).loadAll(idsOf('author')),
    dataloader.with(Books).loadAll(idsOf('book')),
    dataloader.with(Films).loadAll(idsOf('film')),
  ]);
  const rows: Entry[] = [...authors, ...books, ...films].filter((row) => row !== null);
  return orderByKeys(ids, rows, (row) => row.id);
}

/** Loan.item and Query.item (the Item interface): a generator fetch over three Sources. */
export class Items extends ItemSource {
  *fetch(ids: string[]) {
    const found = yield* entries(this.dataloader, ids, ['book', 'film']);
    return found.map((row) => (row === null || row.kind === 'author' ? null : row));
  }
}

/** Query.hits (the Hit union): the same walk, authors included. */
export class Hits extends HitSource {
  *fetch(ids: string[]) {
    return yield* entries(this.dataloader, ids, ['author', 'book', 'film']);
  }
}

/** The map createBatchResolvers takes: a missing or mistyped entry is a tsc error. */
export const sources: BatchSources = {
  Author: Authors,
  Book: Books,
  BooksByAuthor,
  Hit: Hits,
  Item: Items,
  LoansByMember,
  Member: Members,
  ReviewsByBook,
  Subject: Subjects,
};
