import { StorageConnectionError } from '../storage-provider';
import { GcsSettings } from './gcs-settings';

/** The settings of a `gcswif` storage: the `gcs` ones plus where the federation is set up. */
export interface GcsWifSettings extends GcsSettings {
  google_project_number?: string | null;
  google_service_account_email?: string | null;
  google_wif_pool_id?: string | null;
  google_wif_provider_id?: string | null;
}

/** Who the server becomes through the federation: the STS audience and the impersonated account. */
export interface WifTarget {
  /** `//iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>` */
  audience: string;
  serviceAccountEmail: string;
}

// Google's rules: pool and provider IDs are 4-32 lowercase letters, digits and hyphens.
const WIF_ID = /^[a-z0-9-]{4,32}$/;
const PROJECT_NUMBER = /^\d{1,20}$/;
const SERVICE_ACCOUNT_EMAIL = /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+$/;
const AUDIENCE =
  /^\/\/iam\.googleapis\.com\/projects\/\d{1,20}\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
// The account's email in an `external_account` file's impersonation URL (its host is not used).
const IMPERSONATED_EMAIL = /\/serviceAccounts\/([^/:%]+):generateAccessToken$/;

/** What an `external_account` credentials file may contribute; its URLs and sources never. */
interface ExternalAccount {
  audience: string | null;
  serviceAccountEmail: string | null;
}

/**
 * The audience and the service account of the settings, checked. The four `google_*` fields win;
 * an `external_account` file in `google_application_credentials` fills in what they leave out.
 */
export function wifTargetOf(settings: GcsWifSettings): WifTarget {
  const external = externalAccountOf(settings.google_application_credentials);
  const given = (value: string | null | undefined) => (value ?? '').trim();
  const number = given(settings.google_project_number);
  const pool = given(settings.google_wif_pool_id);
  const provider = given(settings.google_wif_provider_id);
  let audience: string;
  if (number || pool || provider || !external?.audience) {
    requireField(number, 'google_project_number', 'Google project number');
    requireField(pool, 'google_wif_pool_id', 'Google WIF pool ID');
    requireField(provider, 'google_wif_provider_id', 'Google WIF provider ID');
    if (!PROJECT_NUMBER.test(number)) {
      throw new StorageConnectionError(
        `Invalid Google project number "${number}": the project's number, digits only`,
      );
    }
    for (const [id, what] of [
      [pool, 'pool'],
      [provider, 'provider'],
    ]) {
      if (!WIF_ID.test(id)) {
        throw new StorageConnectionError(
          `Invalid Google WIF ${what} ID "${id}": 4 to 32 lowercase letters, digits or hyphens`,
        );
      }
    }
    audience = `//iam.googleapis.com/projects/${number}/locations/global/workloadIdentityPools/${pool}/providers/${provider}`;
  } else {
    audience = external.audience;
  }
  const email = given(settings.google_service_account_email) || external?.serviceAccountEmail || '';
  requireField(email, 'google_service_account_email', 'Google service account email');
  if (!SERVICE_ACCOUNT_EMAIL.test(email)) {
    throw new StorageConnectionError(`Invalid Google service account email "${email}"`);
  }
  return { audience, serviceAccountEmail: email };
}

function requireField(value: string, name: string, title: string): void {
  if (!value) {
    throw new StorageConnectionError(`${title} (${name}) is required for GCS with WIF`);
  }
}

/**
 * The audience and account of an `external_account` credentials file. Its `credential_source`,
 * `token_url` and the host of its impersonation URL are ignored: the server's own subject token
 * goes to the server's STS and IAM endpoints only, never where a user's settings point.
 */
function externalAccountOf(text: string | null | undefined): ExternalAccount | null {
  if (!text || !text.trim()) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StorageConnectionError(
      `Google Application Credentials must be valid JSON string. ${(error as Error).message}`,
    );
  }
  const fields = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (fields.type !== 'external_account') {
    throw new StorageConnectionError(
      'GCS with WIF takes no service account key: leave Google Application Credentials empty or give an external_account configuration',
    );
  }
  const audience = typeof fields.audience === 'string' ? fields.audience : null;
  if (audience !== null && !AUDIENCE.test(audience)) {
    throw new StorageConnectionError(
      'The audience of the external_account configuration is not a workload identity pool provider',
    );
  }
  const url = fields.service_account_impersonation_url;
  const email = typeof url === 'string' ? IMPERSONATED_EMAIL.exec(url)?.[1] : undefined;
  return { audience, serviceAccountEmail: email ?? null };
}
