import { NodeHttpHandler } from '@smithy/node-http-handler';
import { AddressGuard } from '@ls/core';
import { providerAgents } from '../guarded-agents';

/**
 * The SDK's HTTP handler with agents of our own: with a guard, every connection (pooled ones
 * included, since a pool only holds sockets it opened) resolves and connects through it. Passing
 * agent instances also keeps the handler from making an unguarded agent for `Expect: 100-continue`.
 */
export function s3HttpHandler(
  guard: AddressGuard | null,
  timeoutMs: number,
  extraCa: string | null = null,
): NodeHttpHandler {
  const agents = providerAgents(guard, { extraCa });
  return new NodeHttpHandler({
    httpAgent: agents.http,
    httpsAgent: agents.https,
    connectionTimeout: timeoutMs,
    // Until the response headers arrive; `socketTimeout` then bounds each silence of a body.
    requestTimeout: timeoutMs,
    throwOnRequestTimeout: true,
    socketTimeout: timeoutMs,
  });
}
