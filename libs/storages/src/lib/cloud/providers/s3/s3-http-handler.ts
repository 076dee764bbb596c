import http, { ClientRequestArgs } from 'node:http';
import https from 'node:https';
import { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { AddressGuard } from '@ls/core';

type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };

class GuardedHttpAgent extends http.Agent {
  constructor(private readonly guard: AddressGuard) {
    super({ ...AGENT_OPTIONS, lookup: guard.lookup });
  }

  override createConnection(options: ClientRequestArgs, callback?: ConnectionCallback) {
    return watched(this.guard, super.createConnection(options, callback));
  }
}

class GuardedHttpsAgent extends https.Agent {
  constructor(private readonly guard: AddressGuard) {
    super({ ...AGENT_OPTIONS, lookup: guard.lookup });
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback) {
    return watched(this.guard, super.createConnection(options, callback));
  }
}

/** IP literals never go through `lookup`: the guard checks every socket's peer once connected. */
function watched<T extends Duplex | null | undefined>(guard: AddressGuard, socket: T): T {
  if (socket instanceof Socket) guard.watch(socket);
  return socket;
}

/**
 * The SDK's HTTP handler with agents of our own: with a guard, every connection (pooled ones
 * included, since a pool only holds sockets it opened) resolves and connects through it. Passing
 * agent instances also keeps the handler from making an unguarded agent for `Expect: 100-continue`.
 */
export function s3HttpHandler(guard: AddressGuard | null, timeoutMs: number): NodeHttpHandler {
  return new NodeHttpHandler({
    httpAgent: guard ? new GuardedHttpAgent(guard) : new http.Agent(AGENT_OPTIONS),
    httpsAgent: guard ? new GuardedHttpsAgent(guard) : new https.Agent(AGENT_OPTIONS),
    connectionTimeout: timeoutMs,
    // Until the response headers arrive; `socketTimeout` then bounds each silence of a body.
    requestTimeout: timeoutMs,
    throwOnRequestTimeout: true,
    socketTimeout: timeoutMs,
  });
}
