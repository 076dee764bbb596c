import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import {
  BudgetResetPeriod,
  ModelProviderConnection,
} from '../connections/model-provider-connection.entity';
import { BudgetExceededError } from './budget-exceeded.error';

/** When the budget period containing `now` began (UTC). */
export function periodStart(period: BudgetResetPeriod, now: Date): Date {
  return period === 'Monthly'
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
    : new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
}

/**
 * The spending side of a connection: what every inference, refinement and proxy call checks
 * before it goes out and adds once the provider said how many tokens it used. Spend is added in
 * SQL (`budget_total_spent + x`), so concurrent calls never lose one another's cost; a new period
 * zeroes it first.
 */
@Injectable()
export class ConnectionBudget {
  private readonly logger = new Logger(ConnectionBudget.name);

  constructor(
    @InjectRepository(ModelProviderConnection)
    private readonly connections: Repository<ModelProviderConnection>,
  ) {}

  /** Refuses (`BudgetExceededError`) when the limit is reached; returns the row as it now is. */
  async assertWithinBudget(
    connection: Pick<ModelProviderConnection, 'id'>,
    now = new Date(),
  ): Promise<ModelProviderConnection> {
    const current = await this.resetIfDue(connection.id, now);
    if (current.budget_limit !== null && current.budget_total_spent >= current.budget_limit) {
      throw new BudgetExceededError(current.id, current.budget_limit, current.budget_total_spent);
    }
    return current;
  }

  /** Adds `usd` to the period's spend (after a due reset) and warns once the alert is crossed. */
  async recordSpend(connectionId: number, usd: number, now = new Date()): Promise<void> {
    if (!Number.isFinite(usd) || usd <= 0) return;
    await this.resetIfDue(connectionId, now);
    await this.connections.increment({ id: connectionId }, 'budget_total_spent', usd);
    const after = await this.connections.findOneBy({ id: connectionId });
    const threshold = after?.budget_alert_threshold ?? null;
    if (after && threshold !== null && after.budget_total_spent >= threshold) {
      if (after.budget_total_spent - usd < threshold) {
        this.logger.warn(
          `Model provider connection ${connectionId} (organization ${after.organization_id}) ` +
            `spent $${after.budget_total_spent.toFixed(4)}, past its alert threshold of $${threshold}`,
        );
      }
    }
  }

  /** Zeroes the spend when its period is over (once, whoever gets there first). */
  private async resetIfDue(id: number, now: Date): Promise<ModelProviderConnection> {
    const connection = await this.connections.findOneByOrFail({ id });
    if (!connection.budget_reset_period) return connection;
    const start = periodStart(connection.budget_reset_period, now);
    const last = connection.budget_last_reset_date;
    if (last !== null && last >= start) return connection;
    await this.connections.update(
      { id, budget_last_reset_date: last === null ? IsNull() : LessThan(start) },
      { budget_total_spent: 0, budget_last_reset_date: now },
    );
    return this.connections.findOneByOrFail({ id });
  }
}
