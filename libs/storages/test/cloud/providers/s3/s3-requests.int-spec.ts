import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { StorageConnectionError } from '../../../../src/lib/cloud/providers/storage-provider';
import { connectS3 } from '../../../../src/lib/cloud/providers/s3/s3-connect';
import { S3Settings } from '../../../../src/lib/cloud/providers/s3/s3-settings';

/** What the connection sends and how it fails, against small servers of the test's own. */
describe('S3 connection requests', () => {
  const servers: Server[] = [];

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function listen(server: Server): Promise<string> {
    servers.push(server.listen(0, '127.0.0.1'));
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const settingsAt = (endpoint: string): S3Settings => ({
    bucket: 'ls-test',
    s3_endpoint: endpoint,
    aws_access_key_id: 'AKIATEST',
    aws_secret_access_key: 'secret',
  });

  it('writes with SSE-KMS headers and no checksums a custom endpoint may not know', async () => {
    const received: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
    const endpoint = await listen(
      createServer((request, response) => {
        received.push({ method: request.method, url: request.url, headers: request.headers });
        request.resume().on('end', () => response.writeHead(200, { ETag: '"e"' }).end());
      }),
    );
    const connection = connectS3(
      { ...settingsAt(endpoint), aws_sse_kms_key_id: 'alias/ls' },
      { guard: null, requestTimeoutMs: 5000 },
    );
    await connection.write('out/1.json', '{"a": 1}', 'application/json');
    await connection.close();

    expect(received).toHaveLength(1);
    const [{ method, url, headers }] = received;
    expect(method).toBe('PUT');
    expect(url).toBe('/ls-test/out/1.json?x-id=PutObject');
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': 'alias/ls',
    });
    expect(Object.keys(headers).filter((name) => name.includes('checksum'))).toEqual([]);
  });

  it('reports an endpoint that refuses connections', async () => {
    const endpoint = await listen(createServer());
    const [server] = servers.splice(0);
    await new Promise((resolve) => server.close(resolve));
    const connection = connectS3(settingsAt(endpoint), { guard: null, requestTimeoutMs: 5000 });
    const validation = connection.validate('import', null);
    await expect(validation).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(validation).rejects.toThrow(`Cannot reach S3 at ${endpoint}`);
    await connection.close();
  });

  it('gives up on an endpoint that does not answer within the timeout', async () => {
    // Takes the request and never answers.
    const endpoint = await listen(createServer(() => undefined));
    const connection = connectS3(settingsAt(endpoint), { guard: null, requestTimeoutMs: 200 });
    const started = Date.now();
    await expect(connection.validate('export', null)).rejects.toThrow(
      `Cannot reach S3 at ${endpoint}`,
    );
    // The SDK tries three times.
    expect(Date.now() - started).toBeLessThan(5000);
    await connection.close();
  });

  describe('settings', () => {
    const options = { guard: null, requestTimeoutMs: 5000 };
    const base = settingsAt('http://127.0.0.1:9');

    it('needs the key id and the secret together', () => {
      const error = new StorageConnectionError(
        'Access Key ID and Secret Access Key must be provided together.',
      );
      expect(() => connectS3({ ...base, aws_secret_access_key: '' }, options)).toThrow(error);
      expect(() => connectS3({ ...base, aws_access_key_id: null }, options)).toThrow(error);
    });

    it('needs a valid bucket name, region and endpoint URL', () => {
      expect(() => connectS3({ ...base, bucket: '' }, options)).toThrow(StorageConnectionError);
      expect(() => connectS3({ ...base, bucket: 'a/../b' }, options)).toThrow(
        'Invalid bucket name',
      );
      expect(() => connectS3({ ...base, region_name: 'us-east-1/x' }, options)).toThrow(
        'Invalid region name',
      );
      expect(() => connectS3({ ...base, s3_endpoint: 'minio:9000' }, options)).toThrow(
        'Invalid S3 endpoint "minio:9000"',
      );
      expect(() => connectS3({ ...base, s3_endpoint: 'ftp://minio' }, options)).toThrow(
        StorageConnectionError,
      );
    });
  });
});
