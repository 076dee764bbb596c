import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { StorageConnectionError } from '../storage-provider';
import { regionOf, staticCredentials } from './s3-client';
import type { S3Auth } from './s3-connection';
import { s3HttpHandler } from './s3-http-handler';
import { S3RoleSettings } from './s3-settings';

export interface S3RoleCredentialOptions {
  /** STS endpoint URL; '' for AWS's own (regional) one. */
  stsEndpoint: string;
  requestTimeoutMs: number;
  extraCa?: string | null;
}

const ROLE_SESSION_NAME = 'label-studio-server';

type TemporaryCredentials = ReturnType<typeof fromTemporaryCredentials>;

/**
 * Credentials of the storage's IAM role from STS AssumeRole, asked for with the storage's own key
 * pair when it has one, else with the server's (the SDK's default chain). The S3 client caches
 * what this returns and asks again only when it is about to expire (the SDK's window: 5 minutes).
 */
export function roleCredentials(
  settings: S3RoleSettings,
  options: S3RoleCredentialOptions,
): S3Auth {
  const roleArn = settings.role_arn;
  if (!roleArn) throw new StorageConnectionError('Role ARN is required');
  // STS is the operator's endpoint, not the user's: no address guard; still bounded in time.
  const handler = s3HttpHandler(null, options.requestTimeoutMs, options.extraCa);
  const assume = fromTemporaryCredentials({
    params: {
      RoleArn: roleArn,
      ExternalId: settings.external_id || undefined,
      RoleSessionName: ROLE_SESSION_NAME,
    },
    masterCredentials: staticCredentials(settings),
    clientConfig: {
      region: regionOf(settings),
      endpoint: options.stsEndpoint || undefined,
      requestHandler: handler,
    },
  });
  const credentials: TemporaryCredentials = async (properties) => {
    try {
      return await assume(properties);
    } catch (error) {
      throw new StorageConnectionError(
        `Cannot assume role ${roleArn}: ${(error as Error).message}`,
      );
    }
  };
  return { credentials, close: () => handler.destroy() };
}
