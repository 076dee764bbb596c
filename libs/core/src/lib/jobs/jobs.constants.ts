/** Queue of the core's own jobs. Each domain library keeps its queue and job names in one file like this. */
export const CORE_QUEUE = 'core';
export const PING_JOB = 'core.ping';
/** Hands the events recorded in the outbox to their durable listeners. */
export const OUTBOX_RELAY_JOB = 'core.outbox-relay';
