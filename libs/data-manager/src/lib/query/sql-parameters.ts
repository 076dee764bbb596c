import { DatabaseDialect } from '@ls/core';

/**
 * Bound parameters of one query: each value gets a name of its own (`dmq_1`, `dmq_2`, …), so the
 * compiled conditions combine with the other conditions of a query builder.
 */
export class SqlParameters {
  readonly values: Record<string, unknown> = {};
  private count = 0;

  constructor(
    readonly dialect: DatabaseDialect,
    private readonly prefix = 'dmq',
  ) {}

  /** `:name` of a new parameter holding `value`. */
  bind(value: unknown): string {
    this.count += 1;
    const name = `${this.prefix}_${this.count}`;
    this.values[name] = value;
    return `:${name}`;
  }

  get postgres(): boolean {
    return this.dialect === 'postgres';
  }
}
