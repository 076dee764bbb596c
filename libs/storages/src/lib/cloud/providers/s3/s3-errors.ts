import { StorageConnectionError, StorageObjectMissingError } from '../storage-provider';
import { RemoteFetchError } from '@ls/core';

/** What the SDK puts on the errors it throws. */
interface SdkError extends Error {
  $metadata?: { httpStatusCode?: number };
}

const CREDENTIAL_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'ExpiredToken',
  'InvalidToken',
  'Forbidden',
]);

export interface ErrorContext {
  bucket: string;
  /** Where requests go: the custom endpoint, else AWS. */
  endpoint: string;
  /** Set for calls on one object: a 404 then means the object is missing. */
  key?: string;
}

/**
 * The SDK's error as the port's: what the user can fix (bucket, credentials, endpoint, a refused
 * address) becomes a `StorageConnectionError`, worded as Label Studio words it where it does.
 */
export function storageError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof StorageConnectionError || error instanceof StorageObjectMissingError) {
    return error;
  }
  if (error instanceof RemoteFetchError) return new StorageConnectionError(error.message);
  // Not `instanceof Error`: node's own errors may come from another realm (as under Jest).
  if (typeof error !== 'object' || error === null) return error;
  const { name, message, $metadata } = error as SdkError;
  const status = $metadata?.httpStatusCode;
  const { bucket, key } = context;
  if (key !== undefined && (name === 'NoSuchKey' || (status === 404 && name !== 'NoSuchBucket'))) {
    return new StorageObjectMissingError(key);
  }
  if (name === 'NoSuchBucket' || status === 404) {
    return new StorageConnectionError(`Cannot find bucket ${bucket} in S3`);
  }
  if (status === 401 || status === 403 || CREDENTIAL_ERRORS.has(name)) {
    return new StorageConnectionError(
      `Cannot connect to S3 ${bucket} with specified AWS credentials`,
    );
  }
  if (name === 'CredentialsProviderError') {
    return new StorageConnectionError(
      `Cannot connect to S3 ${bucket}: no AWS credentials were given and the server has none`,
    );
  }
  if (status === undefined && name !== 'AbortError') {
    // No answer at all: refused, reset, unresolvable or timed out.
    return new StorageConnectionError(`Cannot reach S3 at ${context.endpoint}: ${message}`);
  }
  return error;
}
