import { randomBytes } from 'node:crypto';
import { LookupAddress } from 'node:dns';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { AddressGuard, parseNetworks, Resolver } from '@ls/core';
import {
  StorageConnection,
  StorageConnectionError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { ConnectionContext } from '../../../../src/lib/cloud/storages/storage-type';
import { GCS_WIF_STORAGE } from '../../../../src/lib/cloud/types/gcswif.storage-type';
import {
  startWifFixture,
  WIF_ACCOUNT,
  WIF_AUDIENCE,
  wifFields,
  WifFixture,
} from './gcswif-fixture';

const noDns: Resolver = async () => [] as LookupAddress[];

/** The `gcswif` adapter against STS, IAM Credentials and GCS responders. */
describe('GCS WIF connection (int)', () => {
  let fixture: WifFixture;
  const open: StorageConnection[] = [];

  const contextOf = (
    wif: Partial<ConnectionContext['gcsWif']> = {},
    guard: AddressGuard | null = null,
  ): ConnectionContext => ({
    direction: 'import',
    guard,
    requestTimeoutMs: 5000,
    stsEndpoint: '',
    azureBlobEndpoint: '',
    gcsApiEndpoint: fixture.gcs.endpoint,
    gcsWif: {
      subjectTokenFile: fixture.tokenFile,
      subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
      stsEndpoint: fixture.wif.stsEndpoint,
      iamCredentialsEndpoint: fixture.wif.iamEndpoint,
      ...wif,
    },
    azureAuthorityHost: '',
    extraCa: null,
    localFilesDocumentRoot: '/',
    localFilesServingEnabled: false,
  });
  const connect = (extra: Record<string, unknown> = {}, context = contextOf()) => {
    const connection = GCS_WIF_STORAGE.connect(
      { bucket: 'wif-bucket', ...wifFields, ...extra },
      context,
    );
    open.push(connection);
    return connection;
  };

  beforeAll(async () => {
    fixture = await startWifFixture(['wif-bucket']);
  });

  beforeEach(() => {
    fixture.wif.reset();
    fixture.gcs.reset();
  });

  afterAll(async () => {
    await Promise.all(open.map((connection) => connection.close()));
    await fixture?.stop();
  });

  it('makes one token exchange and one impersonation for many calls, concurrent ones too', async () => {
    const connection = connect();
    await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        connection.write(`many/${n}.json`, `{"n":${n}}`, 'application/json'),
      ),
    );
    const found: string[] = [];
    for await (const page of connection.list({ prefix: 'many', recursive: true })) {
      found.push(...page.map((object) => object.key));
    }
    expect(found).toHaveLength(12);
    const part = await connection.read('many/11.json', { range: { start: 1, end: 4 } });
    expect((await buffer(part.body)).toString()).toBe('"n":');
    await connection.delete('many/0.json');
    expect(fixture.gcs.buckets.get('wif-bucket')?.has('many/0.json')).toBe(false);
    expect(fixture.wif.counts).toMatchObject({ exchanges: 1, impersonations: 1, refused: 0 });
    expect(fixture.wif.subjectTokens).toEqual([
      'eyJhbGciOiJSUzI1NiJ9.first-subject-token.signature',
    ]);
    expect(fixture.gcs.counts).toMatchObject({ tokens: 0, uploads: 12, refused: 0 });
  });

  it('reads the rotated subject token file again once the tokens expire', async () => {
    jest.useFakeTimers({
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const connection = connect();
      await connection.validate('export', null);
      await connection.validate('export', null);
      expect(fixture.wif.counts).toMatchObject({ exchanges: 1, impersonations: 1 });

      fixture.rotateSubjectToken('eyJhbGciOiJSUzI1NiJ9.second-subject-token.signature');
      jest.setSystemTime(Date.now() + 3600 * 1000);
      await connection.validate('export', null);
      expect(fixture.wif.counts).toMatchObject({ exchanges: 2, impersonations: 2, refused: 0 });
      expect(fixture.wif.subjectTokens[1]).toBe(
        'eyJhbGciOiJSUzI1NiJ9.second-subject-token.signature',
      );
      expect(fixture.gcs.counts.refused).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('signs V4 URLs through IAM signBlob that download the exact bytes', async () => {
    const bytes = randomBytes(4096);
    fixture.gcs.put('wif-bucket', 'images/photo 1.bin', bytes, 'application/octet-stream');
    const url = String(await connect().presign('images/photo 1.bin', 120));
    expect(url).toContain('X-Goog-Algorithm=GOOG4-RSA-SHA256');
    expect(url).toContain(`X-Goog-Credential=${encodeURIComponent(WIF_ACCOUNT)}`);
    expect(fixture.wif.counts).toMatchObject({ signatures: 1, exchanges: 1 });
    const downloaded = await fetch(url);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true);
    const tampered = await fetch(url.replace('X-Goog-Expires=120', 'X-Goog-Expires=121'));
    expect(tampered.status).toBe(403);
  });

  it('names the step that failed, never with a token in the message', async () => {
    const unset = connect({}, contextOf({ subjectTokenFile: '' })).validate('import', null);
    await expect(unset).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(unset).rejects.toThrow(/^GCS_WIF_SUBJECT_TOKEN_FILE is not set on the server/);

    const missingFile = join(fixture.tokenFile, '..', 'no-such-token');
    const gone = connect({}, contextOf({ subjectTokenFile: missingFile })).validate('import', null);
    await expect(gone).rejects.toThrow(
      new StorageConnectionError(
        'GCS WIF reading the subject token (GCS_WIF_SUBJECT_TOKEN_FILE) failed: ENOENT',
      ),
    );

    const wrongPool = connect({ google_wif_pool_id: 'other-pool' }).validate('import', null);
    await expect(wrongPool).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(wrongPool).rejects.toThrow(
      /^GCS WIF token exchange at http:\/\/127\.0\.0\.1:\d+ \(STS\) failed: The target service indicated by the "audience" parameters is invalid/,
    );

    const stranger = 'someone-else@test-project.iam.gserviceaccount.com';
    const denied = connect({ google_service_account_email: stranger }).validate('export', null);
    await expect(denied).rejects.toThrow(
      `GCS WIF impersonation of ${stranger} (IAM generateAccessToken) failed: Permission 'iam.serviceAccounts.getAccessToken' denied`,
    );
    const unsigned = connect({ google_service_account_email: stranger }).presign('a.png', 60);
    await expect(unsigned).rejects.toThrow(
      new StorageConnectionError(
        `GCS WIF signing as ${stranger} (IAM signBlob) failed: Permission 'iam.serviceAccounts.signBlob' denied on resource (or it may not exist).`,
      ),
    );
    const message = await denied.catch((error: Error) => error.message);
    expect(message).not.toContain('subject-token');
    expect(message).not.toContain('ya29.');
    expect(fixture.gcs.counts.lists + fixture.gcs.counts.media).toBe(0);
  });

  it('checks the settings before connecting', () => {
    expect(() => connect({ google_wif_pool_id: '' })).toThrow(
      new StorageConnectionError(
        'Google WIF pool ID (google_wif_pool_id) is required for GCS with WIF',
      ),
    );
    expect(() => connect({ google_service_account_email: null })).toThrow(
      'Google service account email (google_service_account_email) is required for GCS with WIF',
    );
    expect(() => connect({ google_project_number: 'my-project' })).toThrow(
      'Invalid Google project number "my-project"',
    );
    expect(() => connect({ google_wif_provider_id: 'Bad/ID' })).toThrow(
      'Invalid Google WIF provider ID "Bad/ID"',
    );
    expect(() => connect({ bucket: '' })).toThrow('Bucket name is required');
    expect(() =>
      connect({ google_application_credentials: JSON.stringify({ type: 'service_account' }) }),
    ).toThrow(/^GCS with WIF takes no service account key/);
    expect(
      GCS_WIF_STORAGE.check?.(
        { bucket: 'wif-bucket', ...wifFields, google_wif_pool_id: 'x' },
        contextOf(),
      ),
    ).toBe('Invalid Google WIF pool ID "x": 4 to 32 lowercase letters, digits or hyphens');
    expect(GCS_WIF_STORAGE.check?.({ bucket: 'wif-bucket', ...wifFields }, contextOf())).toBeNull();
  });

  it('takes the audience and account of an external_account file, never its URLs or sources', async () => {
    const external = JSON.stringify({
      type: 'external_account',
      audience: WIF_AUDIENCE,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'http://10.0.0.1/token',
      credential_source: { file: '/etc/passwd', url: 'http://169.254.169.254/' },
      service_account_impersonation_url: `http://10.0.0.1/v1/projects/-/serviceAccounts/${WIF_ACCOUNT}:generateAccessToken`,
    });
    const connection = connect({
      google_project_number: '',
      google_wif_pool_id: null,
      google_wif_provider_id: null,
      google_service_account_email: '',
      google_application_credentials: external,
    });
    await expect(connection.validate('export', null)).resolves.toBeUndefined();
    expect(fixture.wif.counts).toMatchObject({ exchanges: 1, impersonations: 1 });
    expect(fixture.wif.subjectTokens[0]).toMatch(/-subject-token\./);
  });

  it('sends the token exchange and the IAM calls through the address guard', async () => {
    const closed = new AddressGuard(parseNetworks(''), noDns);
    const refused = connect({}, contextOf({}, closed)).validate('import', null);
    await expect(refused).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(refused).rejects.toThrow(
      /^GCS WIF token exchange at .* \(STS\) failed: .*\(block: 127\.0\.0\.0\/8\)/,
    );
    expect(fixture.wif.subjectTokens).toEqual([]);

    // STS allowed (an allowed literal address), IAM on a host name that resolves to 10.1.2.3.
    const toPrivate: Resolver = async () => [{ address: '10.1.2.3', family: 4 }];
    const guard = new AddressGuard(parseNetworks('127.0.0.1/32'), toPrivate);
    const port = new URL(fixture.wif.iamEndpoint).port;
    const iamRefused = connect(
      {},
      contextOf({ iamCredentialsEndpoint: `http://iam.wif.test:${port}` }, guard),
    ).validate('import', null);
    await expect(iamRefused).rejects.toThrow(
      new StorageConnectionError(
        `GCS WIF impersonation of ${WIF_ACCOUNT} (IAM generateAccessToken) failed: URL resolves to a reserved network address (block: 10.0.0.0/8)`,
      ),
    );
    expect(fixture.wif.counts).toMatchObject({ exchanges: 1, impersonations: 0 });
  });
});
