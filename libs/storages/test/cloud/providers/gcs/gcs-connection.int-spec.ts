import { LookupAddress } from 'node:dns';
import { buffer } from 'node:stream/consumers';
import { AddressGuard, parseNetworks, Resolver } from '@ls/core';
import { GcsConnection } from '../../../../src/lib/cloud/providers/gcs/gcs-connection';
import {
  StorageConnectionError,
  StorageObjectMissingError,
} from '../../../../src/lib/cloud/providers/storage-provider';
import { GcsResponder, startGcsResponder } from '../../support/gcs-responder';
import { serviceAccount, ServiceAccountFixture } from './gcs-fixture';

const noDns: Resolver = async () => [] as LookupAddress[];

/** The GCS adapter against the responder: objects, ranges, paging, signing, errors, the guard. */
describe('GCS connection (int)', () => {
  let responder: GcsResponder;
  let account: ServiceAccountFixture;
  const open: GcsConnection[] = [];

  const connect = (extra: Record<string, unknown> = {}, guard: AddressGuard | null = null) => {
    const connection = new GcsConnection(
      {
        bucket: 'gcs-bucket',
        google_application_credentials: account.credentials(responder.tokenUri),
        ...extra,
      },
      { guard, requestTimeoutMs: 5000, apiEndpoint: responder.endpoint, pageSize: 7 },
    );
    open.push(connection);
    return connection;
  };

  beforeAll(async () => {
    account = serviceAccount();
    responder = await startGcsResponder({
      publicKey: account.publicKey,
      clientEmail: account.clientEmail,
      buckets: ['gcs-bucket'],
    });
  });

  afterAll(async () => {
    await Promise.all(open.map((connection) => connection.close()));
    await responder?.stop();
  });

  it('writes, lists by prefix (recursive or not, over pages), reads ranges and deletes', async () => {
    const connection = connect();
    for (let n = 0; n < 20; n++) {
      await connection.write(
        `dir/${String(n).padStart(2, '0')}.json`,
        `{"n":${n}}`,
        'application/json',
      );
    }
    await connection.write('dir/sub/deep.txt', 'deep bytes', 'text/plain');
    await connection.write('dir/sub/', '', 'application/x-directory');
    expect(responder.counts.tokens).toBe(1);
    expect(responder.buckets.get('gcs-bucket')?.get('dir/00.json')?.contentType).toBe(
      'application/json',
    );

    const keys = async (prefix: string | null, recursive: boolean) => {
      const found: string[] = [];
      for await (const page of connection.list({ prefix, recursive })) {
        found.push(...page.map((object) => object.key));
      }
      return found;
    };
    expect(await keys('dir', false)).toHaveLength(20);
    expect(await keys('dir/', true)).toEqual([
      ...Array.from({ length: 20 }, (_, n) => `dir/${String(n).padStart(2, '0')}.json`),
      'dir/sub/deep.txt',
    ]);

    const whole = await connection.read('dir/sub/deep.txt');
    expect((await buffer(whole.body)).toString()).toBe('deep bytes');
    expect(whole).toMatchObject({ size: 10, totalSize: 10, contentType: 'text/plain' });
    const part = await connection.read('dir/sub/deep.txt', { range: { start: 5, end: 9 } });
    expect((await buffer(part.body)).toString()).toBe('bytes');
    expect(part).toMatchObject({ size: 5, totalSize: 10, range: { start: 5, end: 9 } });

    await connection.delete('dir/sub/deep.txt');
    await connection.delete('dir/sub/deep.txt');
    await expect(connection.read('dir/sub/deep.txt')).rejects.toBeInstanceOf(
      StorageObjectMissingError,
    );
    expect(connection.uriOf('a/b.png')).toBe('gs://gcs-bucket/a/b.png');
    expect(connection.keyOf('gs://gcs-bucket/a/b.png')).toBe('a/b.png');
    expect(connection.keyOf('gs://other/a/b.png')).toBeNull();
  });

  it('signs V4 URLs with the service account key that download from the store', async () => {
    responder.put('gcs-bucket', 'images/a b.png', 'png bytes', 'image/png');
    const url = await connect().presign('images/a b.png', 60);
    expect(url).toContain('X-Goog-Algorithm=GOOG4-RSA-SHA256');
    expect(url).toContain(`X-Goog-Credential=${encodeURIComponent(account.clientEmail)}`);
    expect(url.startsWith(`${responder.endpoint}/gcs-bucket/`)).toBe(true);
    const downloaded = await fetch(url);
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toBe('png bytes');
    const tampered = await fetch(url.replace('images/a%20b.png', 'images/other.png'));
    expect(tampered.status).toBe(403);
  });

  it("validates in Label Studio's words: missing bucket, empty prefix, bad credentials", async () => {
    await expect(connect().validate('import', 'dir')).resolves.toBeUndefined();
    await expect(connect({ bucket: 'no-such-bucket' }).validate('export', null)).rejects.toThrow(
      new StorageConnectionError('The specified bucket does not exist: no-such-bucket'),
    );
    await expect(connect().validate('import', 'nothing-here')).rejects.toThrow(
      "No blobs found in gcs-bucket/nothing-here or prefix doesn't exist",
    );
    expect(() => connect({ google_application_credentials: '{"type": ' })).toThrow(
      /^Google Application Credentials must be valid JSON string\./,
    );
    const stranger = serviceAccount();
    const forged = new GcsConnection(
      {
        bucket: 'gcs-bucket',
        google_application_credentials: stranger.credentials(responder.tokenUri),
      },
      { guard: null, requestTimeoutMs: 5000, apiEndpoint: responder.endpoint },
    );
    open.push(forged);
    await expect(forged.validate('import', null)).rejects.toThrow(/Invalid JWT Signature/);
  });

  it('sends every request, the token exchange included, through the address guard', async () => {
    const closed = new AddressGuard(parseNetworks(''), noDns);
    const refused = connect({}, closed).validate('import', null);
    await expect(refused).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(refused).rejects.toThrow('(block: 127.0.0.0/8)');
    responder.reset();
    const allowed = new AddressGuard(parseNetworks('127.0.0.1/32'), noDns);
    await expect(connect({}, allowed).validate('import', 'dir')).resolves.toBeUndefined();
    expect(responder.counts).toMatchObject({ tokens: 1, lists: 1 });

    // The SDK's own requests: a host name judged by what it resolves to (the token URI is fine).
    responder.reset();
    const toPrivate: Resolver = async () => [{ address: '10.1.2.3', family: 4 }];
    const port = new URL(responder.endpoint).port;
    const sdkRefused = new GcsConnection(
      {
        bucket: 'gcs-bucket',
        google_application_credentials: account.credentials(responder.tokenUri),
      },
      {
        guard: new AddressGuard(parseNetworks('127.0.0.1/32'), toPrivate),
        requestTimeoutMs: 5000,
        apiEndpoint: `http://storage.gcs.test:${port}`,
      },
    );
    open.push(sdkRefused);
    await expect(sdkRefused.validate('export', null)).rejects.toThrow(
      new StorageConnectionError('URL resolves to a reserved network address (block: 10.0.0.0/8)'),
    );
    await expect(sdkRefused.read('dir/00.json')).rejects.toThrow('(block: 10.0.0.0/8)');
    expect(responder.counts).toMatchObject({ tokens: 1, lists: 0, media: 0 });
  });
});
