import { StorageConnectionError } from '../storage-provider';
import type { IdentityTransport } from './azure-identity-http';

export interface IdentityErrorContext {
  /** The authority host asked (Entra ID's, or `AZURE_AUTHORITY_HOST`). */
  authority: string;
  transport: IdentityTransport;
  /** Kept out of every message. */
  secret: string;
}

/** The errors `@azure/identity` and MSAL throw when no token could be had. */
const IDENTITY_ERRORS = new Set([
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
  'AggregateAuthenticationError',
  'ClientAuthError',
  'ClientConfigurationError',
  'ServerError',
]);

/** Entra ID's own explanation (`AADSTS7000215: Invalid client secret provided. ...`), without its trace lines. */
const AADSTS = /(AADSTS\d+:[\s\S]*?)(?:\s*Trace ID:|\s+- Correlation ID:|$)/;

/**
 * A failure to get the service principal's token as the user can act on it: Entra ID's
 * `AADSTS…` explanation when it refused (wrong secret, unknown tenant or application), else why
 * it could not be reached (a refused address, an untrusted certificate, a timeout). Other
 * errors are returned as they are.
 */
export function identityError(error: unknown, context: IdentityErrorContext): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof name !== 'string' || !IDENTITY_ERRORS.has(name)) return error;
  const text = typeof message === 'string' ? message : '';
  const refusal = AADSTS.exec(text)?.[1] ?? entraRefusal(context.transport.lastFailure);
  const failure = context.transport.lastFailure;
  let words: string;
  if (refusal) {
    words = `Microsoft Entra ID refused the service principal: ${oneLine(refusal)}`;
  } else if (failure) {
    words = `Cannot reach Microsoft Entra ID at ${context.authority}: ${oneLine(failure)}`;
  } else {
    words = `Cannot get a token from Microsoft Entra ID at ${context.authority}: ${oneLine(text.split('\n')[0])}`;
  }
  return new StorageConnectionError(words.replaceAll(context.secret, '[client_secret]'));
}

function entraRefusal(failure: string | null): string | undefined {
  return failure ? AADSTS.exec(failure)?.[1] : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
