import { StorageConnectionError, StorageObjectMissingError } from '../storage-provider';

/** An error answer of the Files API (`{error_code, message}`; none for HEAD). */
export class DatabricksApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'DatabricksApiError';
  }
}

/** What a failed call was about, for its message. */
export interface CallContext {
  /** Where requests go (the workspace URL). */
  host: string;
  /** The path the call was on, as users see it (`/Volumes/c/s/v/a.json`). */
  path: string;
  /** Set for calls on one object: a 404 then means the object is missing. */
  key?: string;
  /** What a 404 means when no key is set (a missing volume or prefix). */
  notFound?: string;
  /** Secrets that must never appear in a message. */
  secrets: readonly string[];
}

/** The Files API's error body as an error; the status alone where it has none (HEAD). */
export function apiErrorOf(status: number, body: unknown): DatabricksApiError {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof fields.error_code === 'string' ? fields.error_code : null;
  const message =
    typeof fields.message === 'string' && fields.message
      ? fields.message
      : typeof body === 'string' && body.length < 300 && !/[<>]/.test(body)
        ? body.trim()
        : `HTTP ${status}`;
  return new DatabricksApiError(status, code, message);
}

// Node's codes for certificates it does not trust.
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO/;

/**
 * An error of a call as the port's: what the user can fix (volume, prefix, credentials, host,
 * certificate, a refused address) is a `StorageConnectionError` whose message names it and never
 * holds a secret; a missing object is a `StorageObjectMissingError`.
 */
export function databricksError(error: unknown, context: CallContext): unknown {
  if (error instanceof StorageConnectionError) {
    return new StorageConnectionError(redacted(error.message, context.secrets));
  }
  if (error instanceof StorageObjectMissingError) return error;
  // Not `instanceof Error`: node's own errors may come from another realm (as under Jest).
  if (typeof error !== 'object' || error === null) return error;
  const { name, message = '', code } = error as { name?: string; message?: string; code?: string };
  if (name === 'AbortError') return error;
  const say = (text: string) => new StorageConnectionError(redacted(text, context.secrets));
  if (error instanceof DatabricksApiError) {
    const detail = error.errorCode ? `${error.errorCode}: ${message}` : message;
    if (error.status === 404 && context.key !== undefined) {
      return new StorageObjectMissingError(context.key);
    }
    if (error.status === 404) return say(context.notFound ?? `Path not found: ${context.path}`);
    // HEAD answers have no body: the status says it all.
    const more = error.errorCode ? `: ${detail}` : '';
    if (error.status === 401) {
      return say(
        `Databricks authentication failed (401): check the token or client credentials${more}`,
      );
    }
    if (error.status === 403)
      return say(`Databricks denied access to ${context.path} (403)${more}`);
    if (error.status === 416) return say(`Requested range is not satisfiable for ${context.path}`);
    return say(`Databricks Files API error ${error.status} on ${context.path}: ${detail}`);
  }
  if (name === 'RemoteFetchError' && /reserved network address|resolve hostname/.test(message)) {
    return say(message);
  }
  if (typeof code === 'string' && TLS_CODES.test(code)) {
    return say(
      `TLS certificate of ${context.host} is not trusted (${code}): trust its certificate authority (STORAGE_CA_FILE) or set verify_tls to false`,
    );
  }
  if (name === 'RemoteFetchError' || typeof code === 'string') {
    // No answer at all: refused, reset, unresolvable or timed out.
    return say(`Cannot reach Databricks at ${context.host}: ${message || code}`);
  }
  return error;
}

/** `text` with every secret replaced, so no message can carry one. */
export function redacted(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('***');
  }
  return result;
}
