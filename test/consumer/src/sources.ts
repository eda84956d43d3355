// The library's Sources: one class per @batch source, each extending the abstract class the
// plugin generated for it (typed by its keys, its rows and the app's Context), so a wrong key,
// row or context type is a tsc error here. Each reads the request's tables at `this.context.db`
// and returns the rows as the tables answer (in their order, without the ids they lack): `rowKey`
// (one row per key) or `groupKey` (a list of rows per key) says which key a row belongs to, and
// the runtime lines the rows up with the keys.
import { all, type Dataloader, orderByKeys, Source } from 'graphql-codegen-batch/runtime';
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

export class Authors extends AuthorSource {
  override rowKey(author: AuthorRow) {
    return author.id;
  }
  fetch(ids: string[]) {
    return this.context.db.authorsByIds(ids);
  }
}

export class Books extends BookSource {
  override rowKey(book: BookRow) {
    return book.id;
  }
  fetch(ids: string[]) {
    return this.context.db.booksByIds(ids);
  }
}

/** Not a @batch source: Items and Hits load films through it. */
export class Films extends Source<string, FilmRow | null, undefined, Context> {
  override rowKey(film: FilmRow) {
    return film.id;
  }
  fetch(ids: string[]) {
    return this.context.db.filmsByIds(ids);
  }
}

/**
 * Not a @batch source: what each id of the catalogue is (a book, a film or an author). Its value
 * is a field of the row, not the row, so it lines the rows up itself.
 */
export class Catalogue extends Source<string, EntryKind | null, undefined, Context> {
  async fetch(ids: string[]) {
    const rows = await this.context.db.catalogue(ids);
    const kinds = orderByKeys(ids, rows, (entry) => entry.id);
    return kinds.map((entry) => entry?.kind ?? null);
  }
}

export class Subjects extends SubjectSource {
  override rowKey(subject: SubjectRow) {
    return subject.id;
  }
  fetch(ids: string[]) {
    return this.context.db.subjectsByIds(ids);
  }
}

export class Members extends MemberSource {
  override rowKey(member: MemberRow) {
    return member.id;
  }
  fetch(ids: string[]) {
    return this.context.db.membersByIds(ids);
  }
}

export class BooksByAuthor extends BooksByAuthorSource {
  override groupKey(book: BookRow) {
    return book.authorId;
  }
  fetch(authorIds: string[]) {
    return this.context.db.booksByAuthors(authorIds);
  }
}

export class LoansByMember extends LoansByMemberSource {
  override groupKey(loan: LoanRow) {
    return loan.memberId;
  }
  fetch(memberIds: string[]) {
    return this.context.db.loansByMembers(memberIds);
  }
}

/**
 * Book.reviews(first:, minRating:): both arguments are batch parameters, so books asking for
 * different values get different instances, and batches.
 */
export class ReviewsByBook extends ReviewsByBookSource {
  override groupKey(review: ReviewRow) {
    return review.bookId;
  }
  fetch(bookIds: string[]) {
    const { first, minRating } = this.params;
    return this.context.db.reviewsOfBooks(bookIds, first, minRating);
  }
}

type Entry = AuthorRow | BookRow | FilmRow;

/**
 * The rows of the entries of `ids` whose kind is one of `kinds`: looks each id up in the
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
  return rows;
}

/** Loan.item and Query.item (the Item interface): a generator fetch over three Sources. */
export class Items extends ItemSource {
  override rowKey(item: BookRow | FilmRow) {
    return item.id;
  }
  *fetch(ids: string[]) {
    const found = yield* entries(this.dataloader, ids, ['book', 'film']);
    return found.filter((row) => row.kind !== 'author');
  }
}

/** Query.hits (the Hit union): the same walk, authors included. */
export class Hits extends HitSource {
  override rowKey(hit: Entry) {
    return hit.id;
  }
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
