/**
 * How the read model writes SQL (issue #25; docs/ARCHITECTURE.md, "SQL in the read model"): a query is
 * one `sql` tagged template (the `sql-template-tag` package) with each value written where it is used,
 * so moving a condition moves its value with it; pieces are `sql` templates too, joined with `join`,
 * or `empty`. Text that is not a value goes in only as `raw`, and only from code: identifiers through
 * `quoteIdent` / `tableOf` (the one quoting of identifiers), and SQL the code builds from its own
 * constants (body-indexes.ts's sort keys). A query runs through knex (`rows`), and says the type of
 * its rows.
 */
import type { Knex } from '@mikro-orm/postgresql';
import sql, { empty, join, raw, type Sql } from 'sql-template-tag';

export { empty, join, raw, sql, type Sql };

/** The one quoting of an identifier: "name", with its double quotes doubled. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Tables of `schema` as SQL text, "schema"."table" (the sync's writers splice it into their SQL). */
export const quoted =
  (schema: string) =>
  (table: string): string =>
    `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** A table of `schema` as a piece of a `sql` template. */
export const tableOf = (schema: string, table: string): Sql => raw(quoted(schema)(table));

/**
 * The text knex.raw expects: a `?` per value. knex reads every `?` of the text as a value and `??` as
 * an identifier, so a `?` of the SQL itself is escaped (`\?`), and a value's `?` never directly
 * follows a `?` or a backslash (a space between: `??` would be read as one identifier binding, `\?`
 * as an escaped `?`).
 */
export function knexText(query: Sql): string {
  return query.strings.reduce((text, part, i) => {
    const escaped = part.replace(/\?/g, '\\?');
    if (i === 0) return escaped;
    return `${text}${/[?\\]$/.test(text) ? ' ' : ''}?${escaped}`;
  }, '');
}

/** The rows of one statement, each of type Row (the statement's column names and types). */
export async function rows<Row>(db: Knex | Knex.Transaction, query: Sql): Promise<Row[]> {
  const result = (await db.raw(knexText(query), query.values as Knex.RawBinding[])) as { rows: Row[] };
  return result.rows;
}
