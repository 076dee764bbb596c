import { ValueKind } from './value-kinds';

/** A column compared as one value per task (possibly NULL). */
export interface ScalarOperand {
  kind: 'scalar';
  valueKind: ValueKind;
  /** The compared expression; datetimes as milliseconds since the epoch. */
  sql: string;
  /** A condition that is never NULL. */
  emptySql: string;
  /** The value as text, for `contains` and `regex`; absent where those make no sense. */
  textSql?: string;
  /** Whether `in_list` applies (Label Studio: ids and data fields). */
  allowsList?: boolean;
  /**
   * A condition that holds exactly for the tasks whose text equals `text`, written so that an
   * index can answer it (the compared expression cannot use one); null when there is none.
   */
  indexedTextEquality?(text: string): string | null;
}

/** A column holding a set per task (users, model versions): filters test membership. */
export interface ListOperand {
  kind: 'list';
  memberKind: 'user' | 'text';
  /** A condition: some member of the task's set satisfies `memberTest` (e.g. `= ANY(:p)`). */
  member(memberTest: string): string;
  emptySql: string;
}

/** The result JSON of a task's annotations or predictions. */
export interface ResultsOperand {
  kind: 'results';
  /** A condition: one of the task's rows satisfies `test` of its result (text, json). */
  anyRow(test: (resultText: string, resultJson: string) => string): string;
  emptySql: string;
}

export type Operand = ScalarOperand | ListOperand | ResultsOperand;
