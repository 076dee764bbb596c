import { setTimeout as sleep } from 'node:timers/promises';
import { StorageConnectionError } from '../../../../src/lib/cloud/providers/storage-provider';
import { connectS3WithRole } from '../../../../src/lib/cloud/providers/s3/s3-connect';
import { S3Connection } from '../../../../src/lib/cloud/providers/s3/s3-connection';
import { S3RoleSettings } from '../../../../src/lib/cloud/providers/s3/s3-settings';
import { S3TestServer, startS3Server } from '@ls/storages/testing';
import { startStsResponder, StsResponder } from '../../support/sts-responder';

const BUCKET = 'ls-role';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/label-studio-reader';
const EXTERNAL_ID = 'org-external-id';
/** The SDK asks for new credentials once they are this close to their expiration. */
const SDK_REFRESH_WINDOW_MS = 5 * 60 * 1000;
/** Credentials the SDK takes as fresh for 4 s: time for a first and a second use. */
const DURATION_SECONDS = SDK_REFRESH_WINDOW_MS / 1000 + 4;

describe('S3 connection through an IAM role', () => {
  let s3: S3TestServer;
  let sts: StsResponder;
  const connections: S3Connection[] = [];

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    sts = await startStsResponder({
      durationSeconds: DURATION_SECONDS,
      requiredExternalId: EXTERNAL_ID,
    });
  });

  beforeEach(() => sts.calls.splice(0));

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.close()));
  });

  afterAll(async () => {
    await sts?.stop();
    await s3?.stop();
  });

  function connect(overrides: Partial<S3RoleSettings> = {}): S3Connection {
    const settings: S3RoleSettings = {
      bucket: BUCKET,
      s3_endpoint: s3.endpoint,
      role_arn: ROLE_ARN,
      external_id: EXTERNAL_ID,
      // The source credentials that ask STS; the role's own then reach S3.
      aws_access_key_id: 'AKIASOURCE',
      aws_secret_access_key: 'source-secret',
      ...overrides,
    };
    const connection = connectS3WithRole(settings, {
      guard: null,
      requestTimeoutMs: 5000,
      stsEndpoint: sts.endpoint,
    });
    connections.push(connection);
    return connection;
  }

  it('assumes the role on first use, reuses the credentials, and assumes it again near expiry', async () => {
    const connection = connect();
    await connection.write('a.json', '{}', 'application/json');
    expect(sts.calls).toEqual([
      {
        roleArn: ROLE_ARN,
        externalId: EXTERNAL_ID,
        roleSessionName: expect.any(String),
        signedWith: 'AKIASOURCE',
        expiration: expect.any(Date),
      },
    ]);

    await connection.validate('import', null);
    expect(sts.calls).toHaveLength(1);

    // Waits until the SDK's refresh window has reached the credentials' expiration.
    const stale = Number(sts.calls[0].expiration) - SDK_REFRESH_WINDOW_MS;
    await sleep(Math.max(0, stale - Date.now()) + 200);
    await connection.validate('import', null);
    expect(sts.calls).toHaveLength(2);
  });

  it('presigns with the temporary credentials', async () => {
    const connection = connect();
    await connection.write('b.txt', 'role bytes', 'text/plain');
    const url = await connection.presign('b.txt', 60);
    expect(url).toContain('X-Amz-Security-Token=');
    expect(await (await fetch(url)).text()).toBe('role bytes');
  });

  it('asks STS with the server credentials when the storage has none', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIASERVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'server-secret';
    try {
      await connect({ aws_access_key_id: null, aws_secret_access_key: null }).validate(
        'export',
        null,
      );
    } finally {
      restore('AWS_ACCESS_KEY_ID', saved.id);
      restore('AWS_SECRET_ACCESS_KEY', saved.secret);
    }
    expect(sts.calls.map((call) => call.signedWith)).toEqual(['AKIASERVER']);
  });

  it('reports a role STS refuses as a connection error', async () => {
    const validation = connect({ external_id: 'someone-else' }).validate('import', null);
    await expect(validation).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(validation).rejects.toThrow(
      `Cannot assume role ${ROLE_ARN}: User is not authorized to perform: sts:AssumeRole`,
    );
  });

  it('requires a role ARN', () => {
    expect(() => connect({ role_arn: '' })).toThrow(
      new StorageConnectionError('Role ARN is required'),
    );
  });
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
