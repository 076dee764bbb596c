import { StorageConnectionError, StorageObjectMissingError } from '../storage-provider';
import { RemoteFetchError } from '@ls/core';

/** What the SDK's `RestError` carries. */
interface AzureRestError {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  details?: { errorCode?: string };
}

export interface AzureErrorContext {
  container: string;
  /** Where requests go (the account's URL). */
  endpoint: string;
  /** Set for calls on one blob: a 404 then means the blob is missing. */
  key?: string;
}

/** Azure's own words for the refusals a user can fix, used where a reply has no body (HEAD). */
const AZURE_MESSAGES: Record<string, string> = {
  AuthenticationFailed:
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  AuthorizationFailure: 'This request is not authorized to perform this operation.',
  AuthorizationPermissionMismatch:
    'This request is not authorized to perform this operation using this permission.',
  InvalidAuthenticationInfo: 'Authentication information is not given in the correct format.',
  NoAuthenticationInformation:
    'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.',
};

/**
 * The SDK's error as the port's: what the user can fix (container, credentials, endpoint, a
 * refused address) becomes a `StorageConnectionError`, worded as Label Studio words it (its
 * validation shows the Azure error's own message).
 */
export function azureError(error: unknown, context: AzureErrorContext): unknown {
  if (error instanceof StorageConnectionError || error instanceof StorageObjectMissingError) {
    return error;
  }
  if (error instanceof RemoteFetchError) return new StorageConnectionError(error.message);
  // Not `instanceof Error`: node's own errors may come from another realm (as under Jest).
  if (typeof error !== 'object' || error === null) return error;
  const { name, message, code, statusCode, details } = error as AzureRestError;
  if (name === 'AbortError') return error;
  const errorCode = details?.errorCode ?? code;
  if (errorCode === 'ContainerNotFound' || (statusCode === 404 && context.key === undefined)) {
    return new StorageConnectionError(`Container not found: ${context.container}`);
  }
  if (statusCode === 404 && context.key !== undefined) {
    return new StorageObjectMissingError(context.key);
  }
  if (statusCode === 401 || statusCode === 403) {
    const text = (errorCode && AZURE_MESSAGES[errorCode]) || firstLine(message);
    return new StorageConnectionError(
      errorCode ? `${text}\nErrorCode:${errorCode}` : text || 'Access to Azure Blob denied',
    );
  }
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError') {
    return new StorageConnectionError(firstLine(message) || 'Azure authentication failed');
  }
  if (statusCode === undefined) {
    // No answer at all: refused, reset, unresolvable, timed out, or a refused address.
    return new StorageConnectionError(
      `Cannot reach Azure Blob Storage at ${context.endpoint}: ${firstLine(message)}`,
    );
  }
  return error;
}

/** Azure's messages carry `RequestId:` and `Time:` lines after the text. */
function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0].trim();
}
