const declared = new Set<string>();

/**
 * Queue names named by a `@JobProcessor` in the code loaded so far. In scaled mode the core
 * registers one Bull queue per name when an app calls `CoreModule.forRoot`, which runs after the
 * app's imports have loaded every processor class.
 */
export function declaredQueueNames(): string[] {
  return [...declared].sort();
}

export function declareQueue(name: string): void {
  declared.add(name);
}
