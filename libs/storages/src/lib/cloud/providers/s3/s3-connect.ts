import { S3Connection, S3ConnectionOptions } from './s3-connection';
import { roleCredentials } from './s3-role-credentials';
import type { S3RoleSettings, S3Settings } from './s3-settings';

export interface S3RoleConnectionOptions extends S3ConnectionOptions {
  /** STS endpoint URL for AssumeRole; '' for AWS's own. */
  stsEndpoint: string;
}

/** An `s3` storage's connection; throws `StorageConnectionError` for unusable settings. */
export function connectS3(settings: S3Settings, options: S3ConnectionOptions): S3Connection {
  return new S3Connection(settings, options);
}

/** An `s3s` storage's connection: S3 through the IAM role `role_arn`. */
export function connectS3WithRole(
  settings: S3RoleSettings,
  options: S3RoleConnectionOptions,
): S3Connection {
  const auth = roleCredentials(settings, options);
  try {
    return new S3Connection(settings, options, auth);
  } catch (error) {
    auth.close();
    throw error;
  }
}
