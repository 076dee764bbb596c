// Test kit of @ls/webhooks (`@ls/webhooks/testing`): a receiver that records what it is sent.
export { eventually, Receiver } from './testing/receiver';
export type { Received } from './testing/receiver';
