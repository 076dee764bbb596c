/** A call refused because the connection's budget for the period is spent. */
export class BudgetExceededError extends Error {
  constructor(
    readonly connectionId: number,
    readonly limit: number,
    readonly spent: number,
  ) {
    super(
      `The budget of model provider connection ${connectionId} is exhausted: ` +
        `$${spent.toFixed(4)} spent of a $${limit.toFixed(2)} limit for this period.`,
    );
  }
}
