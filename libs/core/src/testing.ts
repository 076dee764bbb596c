// Test kit of @ls/core: imported by tests only (`@ls/core/testing`), never by production code.
export { createTestApp } from './testing/test-app';
export type { TestApp, TestAppOptions } from './testing/test-app';
export { createFreshDatabase, freshQueuePrefix } from './lib/database/fresh-database';
export type { FreshDatabase } from './lib/database/fresh-database';
export {
  contractAvailable,
  contractErrors,
  contractOperations,
  contractPath,
  expectContract,
  expectOperationResponse,
} from './testing/contract';
export type { ContractOperation } from './testing/contract';
export {
  contractProblems,
  expectContractResponse,
  operationOf,
} from './testing/contract-responses';
export type { Exchange } from './testing/contract-responses';
export { contractAgent, contractFetch } from './testing/contract-agent';
export type { ContractTest } from './testing/contract-agent';
export { freePort, NodeProcess } from './testing/node-process';
export { zipEntries } from './testing/zip-entries';
export { describeScaled, ScaledDeployment, until } from './testing/scaled-deployment';
