import { StorageConnectionError, StorageObjectMissingError } from '../storage-provider';
import { RemoteFetchError } from '@ls/core';

/** What the SDK's errors carry (`ApiError`: the HTTP status as `code`). */
interface SdkError {
  name?: string;
  code?: number | string;
  message?: string;
}

export interface ErrorContext {
  bucket: string;
  /** Where requests go: the custom endpoint, else Google. */
  endpoint: string;
  /** Set for calls on one object: a 404 then means the object is missing. */
  key?: string;
}

/**
 * The SDK's error as the port's: what the user can fix (bucket, credentials, a refused address)
 * becomes a `StorageConnectionError`, worded as Google and Label Studio word it.
 */
export function storageError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof StorageConnectionError || error instanceof StorageObjectMissingError) {
    return error;
  }
  if (error instanceof RemoteFetchError) return new StorageConnectionError(error.message);
  // Not `instanceof Error`: node's own errors may come from another realm (as under Jest).
  if (typeof error !== 'object' || error === null) return error;
  const { code, message = '' } = error as SdkError;
  const { bucket, key } = context;
  // The URL signer wraps what the signer threw (a signBlob refused) in its own error.
  if ((error as SdkError).name === 'SigningError') return new StorageConnectionError(message);
  if (/reserved network address/.test(message)) {
    return new StorageConnectionError(
      message.replace(/^.*(URL resolves to a reserved network address.*)$/s, '$1'),
    );
  }
  if (code === 404) {
    if (key !== undefined && !/bucket does not exist/i.test(message)) {
      return new StorageObjectMissingError(key);
    }
    return new StorageConnectionError(`The specified bucket does not exist: ${bucket}`);
  }
  if (code === 401 || code === 403) {
    return new StorageConnectionError(
      `Cannot connect to GCS bucket ${bucket} with the given Google credentials: ${message}`,
    );
  }
  if (typeof code === 'string' || (error as SdkError).name === 'FetchError') {
    // No answer at all: refused, reset, unresolvable or timed out.
    return new StorageConnectionError(`Cannot reach GCS at ${context.endpoint}: ${message}`);
  }
  return error;
}
