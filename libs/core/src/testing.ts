// Test kit of @ls/core: imported by tests only (`@ls/core/testing`), never by production code.
export { createTestApp } from './testing/test-app';
export type { TestApp, TestAppOptions } from './testing/test-app';
export { createFreshDatabase, freshQueuePrefix } from './lib/database/fresh-database';
export type { FreshDatabase } from './lib/database/fresh-database';
export {
  contractErrors,
  contractPath,
  expectContract,
  expectOperationResponse,
} from './testing/contract';
export { freePort, NodeProcess } from './testing/node-process';
