import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { ConnectionBudget } from '../budget/connection-budget';

/** How stale the connection's spend may be when a call is checked against its limit. */
const SNAPSHOT_MS = 250;

/**
 * A run's side of its connection's budget: every call is checked against the limit with the
 * connection's spend (re-read at most every 250 ms) plus what this run spent and has not written
 * yet; spend is written once per batch of outcomes rather than once per call, so a run does not
 * queue a write per task in front of the API's own writes.
 */
export class RunBudget {
  private snapshot: { limit: number | null; spent: number; at: number } | null = null;
  private reading: Promise<void> | null = null;
  private unrecorded = 0;

  constructor(
    private readonly budget: ConnectionBudget,
    private readonly connectionId: number,
  ) {}

  /** Throws `BudgetExceededError` when the limit is reached. */
  async check(): Promise<void> {
    if (!this.snapshot || Date.now() - this.snapshot.at > SNAPSHOT_MS) {
      this.reading ??= this.read().finally(() => (this.reading = null));
      await this.reading;
    }
    const { limit, spent } = this.snapshot as { limit: number | null; spent: number };
    if (limit !== null && spent + this.unrecorded >= limit) {
      throw new BudgetExceededError(this.connectionId, limit, spent + this.unrecorded);
    }
  }

  add(usd: number): void {
    if (Number.isFinite(usd) && usd > 0) this.unrecorded += usd;
  }

  /** Writes what was spent since the last time. */
  async record(): Promise<void> {
    const usd = this.unrecorded;
    if (usd <= 0) return;
    this.unrecorded = 0;
    try {
      await this.budget.recordSpend(this.connectionId, usd);
    } catch (error) {
      this.unrecorded += usd;
      throw error;
    }
    this.snapshot = null;
  }

  private async read(): Promise<void> {
    const connection = await this.budget.assertWithinBudget({ id: this.connectionId });
    this.snapshot = {
      limit: connection.budget_limit,
      spent: connection.budget_total_spent,
      at: Date.now(),
    };
  }
}
