import { createPrivateKey, KeyObject } from 'node:crypto';
import { StorageConnectionError } from '../storage-provider';

/** The parts of a service account key file a connection uses. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: KeyObject;
  privateKeyId: string | null;
  /** Where the signed assertion is exchanged for an access token. */
  tokenUri: string;
  projectId: string | null;
}

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/**
 * The service account key in `google_application_credentials`, checked: what cannot be used is
 * the user's to fix, in Label Studio's words where it has them.
 */
export function parseServiceAccount(text: string): ServiceAccountKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StorageConnectionError(
      `Google Application Credentials must be valid JSON string. ${(error as Error).message}`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StorageConnectionError('Google Application Credentials must be a JSON object.');
  }
  const fields = json as Record<string, unknown>;
  const text_ = (name: string) => (typeof fields[name] === 'string' ? String(fields[name]) : '');
  if (fields.type !== undefined && fields.type !== 'service_account') {
    throw new StorageConnectionError(
      `Google Application Credentials of type "${text_('type')}" are not supported: give a service account key`,
    );
  }
  const clientEmail = text_('client_email');
  if (!clientEmail) {
    throw new StorageConnectionError(
      'The incoming JSON object does not contain a client_email field',
    );
  }
  if (!text_('private_key')) {
    throw new StorageConnectionError(
      'The incoming JSON object does not contain a private_key field',
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(text_('private_key'));
  } catch {
    throw new StorageConnectionError('The private_key of the Google credentials is not a PEM key');
  }
  const tokenUri = text_('token_uri') || GOOGLE_TOKEN_URI;
  const protocol = URL.canParse(tokenUri) ? new URL(tokenUri).protocol : null;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new StorageConnectionError(`Invalid token_uri "${tokenUri}" in the Google credentials`);
  }
  return {
    clientEmail,
    privateKey,
    privateKeyId: text_('private_key_id') || null,
    tokenUri,
    projectId: text_('project_id') || null,
  };
}
