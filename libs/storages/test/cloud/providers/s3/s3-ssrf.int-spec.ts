import { LookupAddress } from 'node:dns';
import { StorageConnectionError } from '../../../../src/lib/cloud/providers/storage-provider';
import { connectS3 } from '../../../../src/lib/cloud/providers/s3/s3-connect';
import { S3Settings } from '../../../../src/lib/cloud/providers/s3/s3-settings';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';
import { AddressGuard, Resolver, parseNetworks } from '@ls/core';

const BUCKET = 'ls-guarded';

/** Plays DNS: every host name is these addresses; nothing but the guard's lookup asks it. */
const resolvingTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address): LookupAddress => ({ address, family: 4 }));

describe('S3 connection behind the address guard', () => {
  let server: S3TestServer;
  let port: string;

  beforeAll(async () => {
    server = await startS3Server([BUCKET]);
    port = new URL(server.endpoint).port;
  });

  afterAll(() => server?.stop());

  async function validateThrough(endpoint: string, guard: AddressGuard) {
    const settings: S3Settings = {
      bucket: BUCKET,
      s3_endpoint: endpoint,
      aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
      aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
    };
    const connection = connectS3(settings, { guard, requestTimeoutMs: 5000 });
    try {
      await connection.validate('import', null);
    } finally {
      await connection.close();
    }
  }

  it('refuses an endpoint at a loopback IP unless its network is allowed', async () => {
    const endpoint = `http://127.0.0.1:${port}`;
    const closed = new AddressGuard(parseNetworks(''), resolvingTo());
    const refusal = validateThrough(endpoint, closed);
    await expect(refusal).rejects.toBeInstanceOf(StorageConnectionError);
    await expect(refusal).rejects.toThrow('(block: 127.0.0.0/8)');

    const open = new AddressGuard(parseNetworks('127.0.0.1/32'), resolvingTo());
    await expect(validateThrough(endpoint, open)).resolves.toBeUndefined();
  });

  it('judges a host name by the addresses it resolves to', async () => {
    const endpoint = `http://s3.storage.test:${port}`;
    const loopback = resolvingTo('127.0.0.1');
    await expect(
      validateThrough(endpoint, new AddressGuard(parseNetworks('127.0.0.1/32'), loopback)),
    ).resolves.toBeUndefined();
    await expect(
      validateThrough(endpoint, new AddressGuard(parseNetworks(''), loopback)),
    ).rejects.toThrow(
      new StorageConnectionError('URL resolves to a reserved network address (block: 127.0.0.0/8)'),
    );
    // Refused at lookup: nothing is sent to these addresses.
    for (const [address, block] of [
      ['169.254.169.254', '169.254.0.0/16'],
      ['10.1.2.3', '10.0.0.0/8'],
    ]) {
      const guard = new AddressGuard(parseNetworks('127.0.0.1/32'), resolvingTo(address));
      await expect(validateThrough(endpoint, guard)).rejects.toThrow(`(block: ${block})`);
    }
  });
});
