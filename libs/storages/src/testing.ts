// Test helpers of @ls/storages for other projects' tests: a real S3-compatible server.
export { S3RVER_CREDENTIALS, startS3Server } from './testing/s3-server';
export type { S3TestServer } from './testing/s3-server';
