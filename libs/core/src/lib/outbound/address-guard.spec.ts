import { LookupAddress } from 'node:dns';
import { once } from 'node:events';
import { AddressInfo, connect, createServer, LookupFunction, Server } from 'node:net';
import { AddressGuard } from './address-guard';

function lookupOnce(lookup: LookupFunction, all: boolean) {
  return new Promise<{ address: string | LookupAddress[]; family?: number }>((resolve, reject) =>
    lookup('files.example', { all }, (error, address, family) =>
      error ? reject(error) : resolve({ address, family }),
    ),
  );
}

describe('AddressGuard', () => {
  const answering =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('answers lookups in both of the shapes sockets ask for', async () => {
    const guard = new AddressGuard([], answering('93.184.215.14', '2606:2800:21f:cb07::1'));
    expect(await lookupOnce(guard.lookup, false)).toEqual({
      address: '93.184.215.14',
      family: 4,
    });
    expect((await lookupOnce(guard.lookup, true)).address).toHaveLength(2);
  });

  it('refuses a lookup that finds a reserved address', async () => {
    const guard = new AddressGuard([], answering('192.168.0.10'));
    await expect(lookupOnce(guard.lookup, false)).rejects.toThrow('(block: 192.168.0.0/16)');
  });

  describe('on a connected socket', () => {
    let server: Server;
    let port: number;

    beforeAll(async () => {
      server = createServer((socket) => socket.end()).listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('destroys a socket connected to a reserved address', async () => {
      const socket = connect(port, '127.0.0.1');
      new AddressGuard([], answering()).watch(socket);
      const [error] = await once(socket, 'error');
      expect((error as Error).message).toContain('(block: 127.0.0.0/8)');
    });

    it('leaves a socket to an allowed address alone', async () => {
      const socket = connect(port, '127.0.0.1');
      new AddressGuard(['127.0.0.1/32'], answering()).watch(socket);
      await once(socket, 'connect');
      expect(socket.destroyed).toBe(false);
      socket.destroy();
    });
  });
});
