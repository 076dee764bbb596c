import { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { StorageConnectionError } from '../storage-provider';
import { DEFAULT_S3_REGION, S3Settings } from './s3-settings';

export type S3Credentials = NonNullable<S3ClientConfig['credentials']>;

// botocore's check, which Label Studio applies to `bucket`; it also keeps `/` out of the URL path.
const BUCKET_NAME = /^[a-zA-Z0-9.\-_]{1,255}$/;
const REGION_NAME = /^[a-zA-Z0-9-]{1,63}$/;

/** Checks the settings a client cannot do without; every problem is the user's to fix. */
export function checkS3Settings(settings: S3Settings): void {
  if (!settings.bucket) throw new StorageConnectionError('Bucket name is required');
  if (!BUCKET_NAME.test(settings.bucket)) {
    throw new StorageConnectionError(
      `Invalid bucket name "${settings.bucket}": Bucket name must match the regex "${BUCKET_NAME.source}"`,
    );
  }
  if (settings.region_name && !REGION_NAME.test(settings.region_name)) {
    throw new StorageConnectionError(`Invalid region name "${settings.region_name}"`);
  }
  if (settings.s3_endpoint) checkEndpoint(settings.s3_endpoint);
  if (Boolean(settings.aws_access_key_id) !== Boolean(settings.aws_secret_access_key)) {
    throw new StorageConnectionError(
      'Access Key ID and Secret Access Key must be provided together.',
    );
  }
}

/** The storage's own key pair, or undefined when it has none (the SDK's default chain then). */
export function staticCredentials(settings: S3Settings): S3Credentials | undefined {
  if (!settings.aws_access_key_id || !settings.aws_secret_access_key) return undefined;
  return {
    accessKeyId: settings.aws_access_key_id,
    secretAccessKey: settings.aws_secret_access_key,
    sessionToken: settings.aws_session_token || undefined,
  };
}

export function regionOf(settings: S3Settings): string {
  return settings.region_name || DEFAULT_S3_REGION;
}

export function createS3Client(
  settings: S3Settings,
  requestHandler: S3ClientConfig['requestHandler'],
  credentials: S3Credentials | undefined,
): S3Client {
  const endpoint = settings.s3_endpoint || undefined;
  return new S3Client({
    region: regionOf(settings),
    credentials,
    requestHandler,
    ...(endpoint
      ? {
          endpoint,
          forcePathStyle: true,
          // The SDK's default CRC32 checksums on every upload and download (since 3.729) are
          // refused or mishandled by many S3-compatible stores; they send and check only the
          // checksums an operation requires, as the SDK did before.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : // A bucket in another region than `region_name` still works, as with boto3.
        { followRegionRedirects: true }),
  });
}

function checkEndpoint(endpoint: string): void {
  const protocol = URL.canParse(endpoint) ? new URL(endpoint).protocol : null;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new StorageConnectionError(
      `Invalid S3 endpoint "${endpoint}": it must be an http:// or https:// URL`,
    );
  }
}
