import type https from 'node:https';
import type { ClientSecretCredentialOptions } from '@azure/identity';

type AdditionalPolicy = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number];

/** Microsoft Entra ID of Azure's public cloud. */
export const AZURE_DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/**
 * What went wrong on the way to Entra ID. MSAL turns a failed request into its own
 * `network_error` without the cause, so the transport's error (a refused address, a bad
 * certificate, a timeout) is kept here for the message the user sees.
 */
export class IdentityTransport {
  lastFailure: string | null = null;

  constructor(
    private readonly agent: https.Agent,
    private readonly timeoutMs: number,
  ) {}

  /**
   * The credential's options that send every request of MSAL (metadata, token) through our
   * guarded agent with the storage's timeout. Instance discovery is off: it would ask
   * `login.microsoftonline.com` about any other authority host, and Entra's own hosts do not need it.
   */
  credentialOptions(authorityHost: string): ClientSecretCredentialOptions {
    const policy: AdditionalPolicy['policy'] = {
      name: 'lsGuardedIdentityTransport',
      sendRequest: async (request, next) => {
        request.agent = this.agent;
        // A signal rather than `request.timeout`, whose timer outlives a failed request.
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const caller = request.abortSignal as AbortSignal | undefined;
        request.abortSignal = caller ? AbortSignal.any([caller, timeout]) : timeout;
        try {
          const response = await next(request);
          this.lastFailure = response.status < 400 ? null : refusalOf(response);
          return response;
        } catch (error) {
          this.lastFailure = timeout.aborted
            ? `no answer within ${this.timeoutMs} ms`
            : error instanceof Error || isErrorLike(error)
              ? error.message
              : null;
          throw error;
        }
      },
    };
    return {
      authorityHost,
      disableInstanceDiscovery: true,
      additionalPolicies: [{ policy, position: 'perRetry' }],
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 },
    };
  }
}

/** Longest part of an unexpected answer kept for the message. */
const MAX_ANSWER_CHARS = 300;

/** What Entra ID (or whatever answered) said when it refused a request. */
function refusalOf(response: { status: number; bodyAsText?: string | null }): string {
  const body = response.bodyAsText ?? '';
  try {
    const description = (JSON.parse(body) as { error_description?: unknown }).error_description;
    if (typeof description === 'string') return description;
  } catch {
    // Not Entra's JSON: said as it came.
  }
  return `HTTP ${response.status} ${body.slice(0, MAX_ANSWER_CHARS)}`.trim();
}

function isErrorLike(value: unknown): value is { message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The authority host as a URL Entra can be reached at, or null when it is not one (`http:`). */
export function authorityHostOf(configured: string): string | null {
  const host = (configured || AZURE_DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  if (!URL.canParse(host)) return null;
  const url = new URL(host);
  return url.protocol === 'https:' && !url.search && !url.hash ? host : null;
}
