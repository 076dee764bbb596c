import http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { AppConfig } from '../config/app-config';
import { OutboundHttp, OutboundHttpError } from './outbound-http';

/** A receiver that counts connections and can drop the next request it gets on a reused one. */
async function startReceiver() {
  const state = { connections: 0, answered: 0, dropOnReused: false, dropAll: false };
  const requestsOn = new WeakMap<Socket, number>();
  const server = http.createServer((request, response) => {
    const seen = (requestsOn.get(request.socket) ?? 0) + 1;
    requestsOn.set(request.socket, seen);
    request.resume();
    request.on('end', () => {
      if (state.dropAll || (state.dropOnReused && seen > 1)) {
        state.dropOnReused = false;
        request.socket.destroy();
        return;
      }
      state.answered += 1;
      response.end('ok');
    });
  });
  server.on('connection', () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { state, url, server, stop };
}

describe('OutboundHttp connections', () => {
  const client = new OutboundHttp({ SSRF_PROTECTION: false } as AppConfig);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    client.onApplicationShutdown();
    receiver.server.closeAllConnections();
    await receiver.stop();
  });

  const post = () =>
    client.request({ method: 'POST', url: receiver.url, body: { n: 1 }, timeoutMs: 2000 });

  it('sends requests one after another on one kept-alive connection', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post()).status).toBe(200);
    expect(receiver.state).toMatchObject({ connections: 1, answered: 5 });
  });

  it('retries once on a new connection when a reused one was closed under it', async () => {
    expect((await post()).status).toBe(200);
    receiver.state.dropOnReused = true;
    const answer = await post();
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('ok');
    expect(receiver.state).toMatchObject({ connections: 2, answered: 2 });
  });

  it('does not retry a request that failed on a connection of its own', async () => {
    receiver.state.dropAll = true;
    await expect(post()).rejects.toMatchObject({ failure: 'connection' });
    await expect(post()).rejects.toBeInstanceOf(OutboundHttpError);
    expect(receiver.state).toMatchObject({ connections: 2, answered: 0 });
  });
});
