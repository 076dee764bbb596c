import http, { ClientRequestArgs } from 'node:http';
import https from 'node:https';
import { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { AddressGuard } from '@ls/core';

type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

/** Pooled connections, as the cloud SDKs keep them. */
export const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };

/** IP literals never go through `lookup`: the guard checks every socket's peer once connected. */
function watched<T extends Duplex | null | undefined>(guard: AddressGuard, socket: T): T {
  if (socket instanceof Socket) guard.watch(socket);
  return socket;
}

/** An HTTP agent whose every connection resolves and connects through the address guard. */
export class GuardedHttpAgent extends http.Agent {
  constructor(private readonly guard: AddressGuard) {
    super({ ...AGENT_OPTIONS, lookup: guard.lookup });
  }

  override createConnection(options: ClientRequestArgs, callback?: ConnectionCallback) {
    return watched(this.guard, super.createConnection(options, callback));
  }
}

/** How HTTPS connections check the server's certificate. */
export interface TlsTrust {
  /** PEM of certificate authorities trusted besides the system's (`STORAGE_CA_FILE`). */
  extraCa?: string | null;
  /** False accepts any certificate (Databricks `verify_tls: false`). */
  verify?: boolean;
}

function tlsOptions({ extraCa, verify = true }: TlsTrust): https.AgentOptions {
  return {
    ...(extraCa ? { ca: [...rootCertificates, extraCa] } : {}),
    ...(verify ? {} : { rejectUnauthorized: false }),
  };
}

/** The same for HTTPS. */
export class GuardedHttpsAgent extends https.Agent {
  constructor(
    private readonly guard: AddressGuard,
    trust: TlsTrust = {},
  ) {
    super({ ...AGENT_OPTIONS, ...tlsOptions(trust), lookup: guard.lookup });
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback) {
    return watched(this.guard, super.createConnection(options, callback));
  }
}

/** The agents a provider's SDK sends through: guarded when the server has a guard. */
export function providerAgents(
  guard: AddressGuard | null,
  trust: TlsTrust = {},
): {
  http: http.Agent;
  https: https.Agent;
} {
  return {
    http: guard ? new GuardedHttpAgent(guard) : new http.Agent(AGENT_OPTIONS),
    https: guard
      ? new GuardedHttpsAgent(guard, trust)
      : new https.Agent({ ...AGENT_OPTIONS, ...tlsOptions(trust) }),
  };
}
