import http from 'node:http';
import https from 'node:https';
import type { RequestPolicy, RequestPolicyFactory, WebResource } from '@azure/storage-blob';
import { AddressGuard } from '@ls/core';
import { providerAgents, TlsTrust } from '../guarded-agents';

/** One connection's agents: every request of its clients goes through them. */
export class AzureAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;

  constructor(guard: AddressGuard | null, trust: TlsTrust = {}) {
    ({ http: this.http, https: this.https } = providerAgents(guard, trust));
  }

  for(url: string): http.Agent {
    return url.startsWith('https:') ? this.https : this.http;
  }

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/**
 * A pipeline policy that sends each request of the storage SDK through our agents. The SDK's
 * HTTP client uses the agent a request carries (`request.agent`), so no request of the client
 * leaves on an agent of its own, retries included.
 */
export function agentPolicy(agents: AzureAgents): RequestPolicyFactory {
  return {
    create: (next: RequestPolicy): RequestPolicy => ({
      sendRequest: (request: WebResource) => {
        request.agent = agents.for(request.url);
        return next.sendRequest(request);
      },
    }),
  };
}
