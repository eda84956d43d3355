export interface AuthorRow {
  readonly id: number;
  readonly name: string;
}

export interface BookRow {
  readonly id: number;
  readonly title: string;
  readonly authorId: number;
}
