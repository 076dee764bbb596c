/**
 * The settings of an `s3` storage under Label Studio's names (`io_storages/s3/models.py`). Empty
 * strings and nulls both mean "not set".
 */
export interface S3Settings {
  bucket: string;
  prefix?: string | null;
  /** Applied by the sync, not by the connection. */
  regex_filter?: string | null;
  aws_access_key_id?: string | null;
  aws_secret_access_key?: string | null;
  aws_session_token?: string | null;
  /** Objects written are encrypted with this KMS key (`ServerSideEncryption: aws:kms`). */
  aws_sse_kms_key_id?: string | null;
  /** Default `us-east-1`. */
  region_name?: string | null;
  /** An S3-compatible service (MinIO, Ceph, …) instead of AWS; reached with path-style URLs. */
  s3_endpoint?: string | null;
  presign?: boolean;
  /** Minutes a presigned URL stays valid. */
  presign_ttl?: number;
  recursive_scan?: boolean;
}

/** `s3s` (Label Studio Enterprise): S3 reached through an IAM role assumed with STS. */
export interface S3RoleSettings extends S3Settings {
  role_arn?: string | null;
  /** `ExternalId` of AssumeRole, as the role's trust policy requires. */
  external_id?: string | null;
  /** Kept for the API; it picks which of Label Studio's own AWS principals assumes the role. */
  legacy_auth?: boolean;
}

export const DEFAULT_S3_REGION = 'us-east-1';
