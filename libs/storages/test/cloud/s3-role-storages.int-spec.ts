import { TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { connectS3 } from '@ls/storages';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';
import { startStsResponder, StsResponder } from './support/sts-responder';
import { waitForSync } from './support/storage-api';
import { IMAGE_CONFIG, startStorageApp, storageRequests } from './support/storage-suite';
const ROLE = 'arn:aws:iam::123456789012:role/label-studio';

/** `s3s` storages: S3 through an IAM role assumed with STS (a responder of the test's own). */
describe('S3 storages with an IAM role (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let server: S3TestServer;
  let sts: StsResponder;
  let project: number;

  const { http, newProject } = storageRequests(
    () => testApp,
    () => owner,
  );
  const roleFields = (extra: Record<string, unknown> = {}) => ({
    project,
    bucket: 'role-bucket',
    s3_endpoint: server.endpoint,
    role_arn: ROLE,
    external_id: 'ext-1',
    use_blob_urls: true,
    ...extra,
  });

  beforeAll(async () => {
    server = await startS3Server(['role-bucket']);
    sts = await startStsResponder({ durationSeconds: 3600, requiredExternalId: 'ext-1' });
    const bucket = connectS3(
      {
        bucket: 'role-bucket',
        s3_endpoint: server.endpoint,
        aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
        aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
      },
      { guard: null, requestTimeoutMs: 5000 },
    );
    await bucket.write('photo.jpg', 'photo bytes', 'image/jpeg');
    await bucket.close();
    ({ testApp, owner } = await startStorageApp({ STORAGE_STS_ENDPOINT: sts.endpoint }));
    // The role is assumed with the server's own AWS credentials (the SDK's default chain).
    process.env.AWS_ACCESS_KEY_ID = 'SERVER-KEY';
    process.env.AWS_SECRET_ACCESS_KEY = 'server-secret';
    project = await newProject(IMAGE_CONFIG, 'Role');
  });

  afterAll(async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await testApp?.close();
    await sts?.stop();
    await server?.stop();
  });

  it('needs a role, and one the trust policy accepts', async () => {
    const missing = await http()
      .post('/api/storages/s3s/')
      .set(owner.headers)
      .send(roleFields({ role_arn: undefined }))
      .expect(400);
    expect(missing.body.validation_errors).toHaveProperty('role_arn');
    await http()
      .post('/api/storages/s3s/validate')
      .set(owner.headers)
      .send(roleFields({ external_id: 'someone-else' }))
      .expect(400);
  });

  it('syncs and presigns with the assumed role', async () => {
    sts.calls.length = 0;
    const created = await http()
      .post('/api/storages/s3s/')
      .set(owner.headers)
      .send(roleFields())
      .expect(201);
    expect(created.body).toMatchObject({ type: 's3s', role_arn: ROLE, external_id: 'ext-1' });
    const path = `/api/storages/s3s/${created.body.id}`;
    await http().post(`${path}/sync`).set(owner.headers).expect(200);
    expect(await waitForSync(http, owner, path)).toMatchObject({
      status: 'completed',
      last_sync_count: 1,
    });
    expect(sts.calls.length).toBeGreaterThan(0);
    expect(sts.calls.every((call) => call.roleArn === ROLE && call.externalId === 'ext-1')).toBe(
      true,
    );
    expect(sts.calls[0].signedWith).toBe('SERVER-KEY');

    const [task] = (
      await http().get('/api/tasks/').query({ project }).set(owner.headers).expect(200)
    ).body.tasks;
    const redirect = await http().get(task.data.image).set(owner.headers).expect(303);
    expect(await (await fetch(redirect.headers.location)).text()).toBe('photo bytes');
  });
});
