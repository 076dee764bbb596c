import { ScalarOperand } from './operands';
import { SqlParameters } from './sql-parameters';
import { ISO_INSTANT, NUMERIC_TEXT, ValueKind } from './value-kinds';

/** Keys SQLite's `->` reads as a plain object label; any other key is matched with `json_each`. */
const PLAIN_LABEL = /^[A-Za-z0-9_-]+$/;

/**
 * SQL of a key (nested: one key per level) inside `task.data`. Keys are always bound
 * parameters, never written into a JSON path: PostgreSQL takes the path as a `text[]`; SQLite
 * takes a plain key as the label operand of `->` and matches any other key with
 * `json_each(...).key`, since `->` would read `.`, `[`, `"` or a leading `$` as path syntax.
 */
export class DataFieldSql {
  private readonly json: string;

  constructor(
    private readonly params: SqlParameters,
    private readonly keys: readonly string[],
  ) {
    this.json = params.postgres ? this.postgresJson(keys) : this.sqliteJson(keys);
  }

  private postgresJson(keys: readonly string[]): string {
    return `jsonb_extract_path(task.data, VARIADIC CAST(${this.params.bind([...keys])} AS text[]))`;
  }

  private sqliteJson(keys: readonly string[]): string {
    let json = 'task.data';
    for (const key of keys) {
      const label = this.params.bind(key);
      json = PLAIN_LABEL.test(key)
        ? `(${json} -> ${label})`
        : `(SELECT CASE dm_entry.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'` +
          ` WHEN 'null' THEN 'null' WHEN 'object' THEN dm_entry.value` +
          ` WHEN 'array' THEN dm_entry.value ELSE json_quote(dm_entry.value) END` +
          ` FROM json_each(${json}) AS dm_entry WHERE dm_entry.key = ${label})`;
    }
    return json;
  }

  /** `expression` of the JSON value `dm_value`, evaluated once per task. */
  private ofValue(expression: string): string {
    return `(SELECT ${expression} FROM (SELECT ${this.json} AS dm_value) AS dm_field)`;
  }

  operand(kind: ValueKind): ScalarOperand {
    return {
      kind: 'scalar',
      valueKind: kind,
      sql: this.valueSql(kind),
      emptySql: this.emptySql(),
      textSql: this.valueSql('text'),
      allowsList: true,
      indexedTextEquality: (text) => this.containment(text),
    };
  }

  /**
   * On PostgreSQL, `task.data @> {"k1": {"k2": text}}`, which the GIN index on `task.data`
   * answers: it holds when the value at the path is the JSON string `text`. That is the text
   * equality itself when no other JSON value reads as `text` (numbers, booleans, objects and
   * arrays read as their JSON) and no key could be an array position (the path reads arrays by
   * position, containment does not), and only then is it used. Never NULL (`data` never is).
   */
  private containment(text: string): string | null {
    if (!this.params.postgres || !isOnlyAStringAsText(text)) return null;
    if (this.keys.some((key) => ARRAY_INDEX.test(key))) return null;
    const document = this.keys.reduceRight<unknown>((value, key) => ({ [key]: value }), text);
    return `(task.data @> CAST(${this.params.bind(JSON.stringify(document))} AS jsonb))`;
  }

  valueSql(kind: ValueKind): string {
    const pg = this.params.postgres;
    switch (kind) {
      case 'text':
        return this.ofValue(pg ? POSTGRES_TEXT : SQLITE_TEXT);
      case 'number':
        return this.ofValue(pg ? POSTGRES_NUMBER : this.sqliteNumber());
      case 'datetime':
        return this.ofValue(pg ? POSTGRES_INSTANT : this.sqliteInstant());
      case 'boolean':
        return this.ofValue(pg ? POSTGRES_BOOLEAN : SQLITE_BOOLEAN);
    }
  }

  /** Missing, JSON null or the empty string. */
  private emptySql(): string {
    return this.params.postgres
      ? `COALESCE(${this.ofValue(
          `jsonb_typeof(dm_value) = 'null' OR (jsonb_typeof(dm_value) = 'string' AND dm_value #>> '{}' = '')`,
        )}, TRUE)`
      : `COALESCE(${this.ofValue(
          `json_type(dm_value) = 'null' OR (json_type(dm_value) = 'text' AND dm_value ->> '$' = '')`,
        )}, TRUE)`;
  }

  private sqliteNumber(): string {
    return (
      `CASE json_type(dm_value) WHEN 'integer' THEN dm_value ->> '$' WHEN 'real' THEN dm_value ->> '$'` +
      ` WHEN 'text' THEN CASE WHEN regexp(${this.params.bind(NUMERIC_TEXT)}, dm_value ->> '$')` +
      ` THEN CAST(dm_value ->> '$' AS REAL) END END`
    );
  }

  private sqliteInstant(): string {
    return (
      `CASE WHEN json_type(dm_value) = 'text' AND regexp(${this.params.bind(ISO_INSTANT)}, dm_value ->> '$')` +
      ` THEN ${sqliteEpochMilliseconds(`dm_value ->> '$'`)} END`
    );
  }
}

const ARRAY_INDEX = /^-?[0-9]+$/;

/**
 * Whether a JSON string is the only JSON value whose text (as data fields read it) is `text`.
 * A NUL is left to the plain comparison, which refuses it (PostgreSQL text cannot hold one).
 */
const isOnlyAStringAsText = (text: string) =>
  text !== 'true' && text !== 'false' && !/^[-0-9[{]/.test(text) && !text.includes('\u0000');

export const sqliteEpochMilliseconds = (timestamp: string) =>
  `CAST(round((julianday(${timestamp}) - 2440587.5) * 86400000.0) AS INTEGER)`;

export const postgresEpochMilliseconds = (timestamp: string) =>
  `floor(extract(epoch FROM ${timestamp}) * 1000)`;

const POSTGRES_TEXT =
  `CASE jsonb_typeof(dm_value) WHEN 'null' THEN NULL WHEN 'string' THEN dm_value #>> '{}'` +
  ` ELSE CAST(dm_value AS text) END`;

const SQLITE_TEXT =
  `CASE json_type(dm_value) WHEN 'null' THEN NULL WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'` +
  ` WHEN 'text' THEN dm_value ->> '$' WHEN 'integer' THEN CAST(dm_value ->> '$' AS TEXT)` +
  ` WHEN 'real' THEN CAST(dm_value ->> '$' AS TEXT) ELSE dm_value END`;

// The casts run only on text the pattern accepted, so no value raises a database error.
const POSTGRES_NUMBER =
  `CASE jsonb_typeof(dm_value) WHEN 'number' THEN CAST(dm_value AS numeric)` +
  ` WHEN 'string' THEN CASE WHEN (dm_value #>> '{}') ~ '${NUMERIC_TEXT}'` +
  ` THEN CAST(dm_value #>> '{}' AS numeric) END END`;

const POSTGRES_BOOLEAN = `CASE jsonb_typeof(dm_value) WHEN 'boolean' THEN CAST(dm_value AS boolean) END`;

const SQLITE_BOOLEAN = `CASE json_type(dm_value) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END`;

// Built from the matched fields with make_interval, which never fails (a cast to timestamptz
// fails on dates such as February 30); groups as in ISO_INSTANT.
const POSTGRES_INSTANT =
  `(SELECT ${postgresEpochMilliseconds(
    `timestamp 'epoch' + make_interval(years => CAST(m[1] AS int) - 1970,` +
      ` months => CAST(m[2] AS int) - 1, days => CAST(m[3] AS int) - 1,` +
      ` hours => CAST(COALESCE(m[5], '0') AS int), mins => CAST(COALESCE(m[6], '0') AS int),` +
      ` secs => CAST(COALESCE(m[8], '0') || COALESCE(m[9], '') AS double precision))`,
  )} - CASE WHEN m[11] IS NULL THEN 0 ELSE (CASE m[11] WHEN '-' THEN -1 ELSE 1 END)` +
  ` * (CAST(m[12] AS int) * 60 + CAST(m[13] AS int)) * 60000 END` +
  ` FROM regexp_match(CASE WHEN jsonb_typeof(dm_value) = 'string' THEN dm_value #>> '{}' END,` +
  ` '${ISO_INSTANT}') AS m)`;
