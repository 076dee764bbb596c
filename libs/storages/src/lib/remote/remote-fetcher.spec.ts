import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, isIP, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigOverrides, loadConfig } from '@ls/core';
import { RemoteFetchError } from '@ls/core';
import { RemoteFetcher } from './remote-fetcher';

const CSV = 'text,label\nhello,greeting\n';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const routes: Record<string, Handler> = {
  '/files/x.csv': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
  },
  '/files/report%20final.csv': (_request, response) => response.end(CSV),
  '/chain/3': (_request, response) => redirect(response, '/chain/2'),
  '/chain/2': (_request, response) => redirect(response, '/chain/1', 307),
  '/chain/1': (_request, response) => redirect(response, '/files/report%20final.csv', 308),
  '/loop': (_request, response) => redirect(response, '/loop'),
  '/declared-too-large': (_request, response) => {
    // Headers only: a reader that waited for the body would hang until the timeout.
    response.writeHead(200, { 'content-length': 5000 }).flushHeaders();
  },
  '/chunked-too-large': (_request, response) => {
    response.write('x'.repeat(600));
    response.write('x'.repeat(600));
    response.end('x'.repeat(600));
  },
  '/cut-short': (_request, response) => {
    response
      .writeHead(200, { 'content-length': 100 })
      .write('ten bytes!', () => response.destroy());
  },
  '/stalls': (_request, response) => {
    response.writeHead(200).write('first bytes');
  },
};

function redirect(response: ServerResponse, location: string, status = 302) {
  response.writeHead(status, { location }).end();
}

const redirectTo = (target: string) => `/redirect?to=${encodeURIComponent(target)}`;

function listen(handler: Handler, host: string, port = 0): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Plays DNS: answers what `answer` says for each successive lookup. */
class FakeDnsFetcher extends RemoteFetcher {
  readonly lookups: string[] = [];

  constructor(
    config: AppConfig,
    private readonly answer: (lookupNumber: number) => string[],
  ) {
    super(config);
  }

  protected override async resolve(hostname: string) {
    this.lookups.push(hostname);
    return this.answer(this.lookups.length).map((address) => ({ address, family: isIP(address) }));
  }
}

describe('RemoteFetcher', () => {
  let server: Server;
  let port: number;
  let base: string;
  // On 127.0.0.2, same port: where a redirect or a rebound name must never lead.
  let internal: Server;
  let internalHits: number;
  let dir: string;
  let target: string;

  const config = (overrides: ConfigOverrides = {}) =>
    loadConfig({}, { REMOTE_FETCH_TIMEOUT_MS: 2000, ...overrides });
  const loopbackAllowed = (overrides: ConfigOverrides = {}) =>
    config({ SSRF_ALLOWED_NETWORKS: '127.0.0.1/32', ...overrides });

  async function refusal(fetcher: RemoteFetcher, url: string): Promise<string> {
    const failure = await fetcher.download(url, target).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RemoteFetchError);
    expect(existsSync(target)).toBe(false);
    return (failure as RemoteFetchError).message;
  }

  beforeAll(async () => {
    server = await listen((request, response) => {
      const url = new URL(request.url ?? '/', 'http://test');
      if (url.pathname === '/redirect') return redirect(response, url.searchParams.get('to') ?? '');
      const route = routes[url.pathname];
      if (route) route(request, response);
      else response.writeHead(404).end('not found');
    }, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    internal = await listen(
      (_request, response) => {
        internalHits++;
        response.end('internal secret');
      },
      '127.0.0.2',
      port,
    );
    dir = await mkdtemp(join(tmpdir(), 'remote-fetcher-'));
  });

  afterAll(async () => {
    await Promise.all([close(server), close(internal)]);
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    internalHits = 0;
    target = join(dir, `${expect.getState().currentTestName}`.replace(/\W+/g, '-'), 'file');
  });

  afterEach(() => jest.restoreAllMocks());

  describe('with protection on and nothing allowed', () => {
    const fetcher = () => new RemoteFetcher(config());

    it('refuses a loopback address, naming its block', async () => {
      expect(await refusal(fetcher(), `${base}/files/x.csv`)).toBe(
        'URL resolves to a reserved network address (block: 127.0.0.0/8)',
      );
    });

    it.each([
      ['http://10.1.2.3/', '10.0.0.0/8'],
      ['http://169.254.169.254/latest/meta-data', '169.254.0.0/16'],
      ['http://0x7f.1/', '127.0.0.0/8'],
    ])('refuses %s without any network traffic', async (url, block) => {
      const connect = jest.spyOn(Socket.prototype, 'connect');
      expect(await refusal(fetcher(), url)).toContain(`(block: ${block})`);
      expect(connect).not.toHaveBeenCalled();
    });

    it('refuses IPv6 loopback, plain and IPv4-mapped', async () => {
      expect(await refusal(fetcher(), `http://[::1]:${port}/`)).toContain('(block: ::1/128)');
      expect(await refusal(fetcher(), `http://[::ffff:127.0.0.1]:${port}/`)).toContain(
        '(block: 127.0.0.0/8)',
      );
    });

    it('refuses a hostname that resolves to loopback', async () => {
      const fetcher = new FakeDnsFetcher(config(), () => ['127.0.0.1']);
      expect(await refusal(fetcher, `http://files.example:${port}/x.csv`)).toContain(
        '(block: 127.0.0.0/8)',
      );
    });

    it('refuses a hostname when any of its addresses is reserved', async () => {
      const fetcher = new FakeDnsFetcher(config(), () => ['93.184.215.14', '10.0.0.1']);
      expect(await refusal(fetcher, 'http://mixed.example/x.csv')).toContain('(block: 10.0.0.0/8)');
    });

    it('refuses localhost', async () => {
      expect(await refusal(fetcher(), `http://localhost:${port}/files/x.csv`)).toMatch(
        /^URL resolves to a reserved network address \(block: (127\.0\.0\.0\/8|::1\/128)\)$/,
      );
    });

    it('names a hostname that does not resolve', async () => {
      const fetcher = new FakeDnsFetcher(config(), () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      });
      expect(await refusal(fetcher, 'http://nowhere.example/')).toBe(
        "Can't resolve hostname nowhere.example",
      );
    });

    it.each(['ftp://example.com/x.csv', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_'])(
      'refuses %s',
      async (url) => {
        expect(await refusal(fetcher(), url)).toBe('Only http and https URLs can be imported');
      },
    );
  });

  describe('with 127.0.0.1/32 allowed', () => {
    const fetcher = (overrides: ConfigOverrides = {}) =>
      new RemoteFetcher(loopbackAllowed(overrides));

    it('downloads into a new directory and describes the file', async () => {
      const file = await fetcher().download(`${base}/files/x.csv`, target);
      expect(file).toEqual({
        filename: 'x.csv',
        finalUrl: `${base}/files/x.csv`,
        size: Buffer.byteLength(CSV),
        contentType: 'text/csv',
      });
      expect(await readFile(target, 'utf8')).toBe(CSV);
    });

    it('refuses a redirect to another loopback address, leaving no file', async () => {
      const url = `${base}${redirectTo(`http://127.0.0.2:${port}/files/x.csv`)}`;
      expect(await refusal(fetcher(), url)).toBe(
        'URL resolves to a reserved network address (block: 127.0.0.0/8)',
      );
      expect(internalHits).toBe(0);
    });

    it('refuses a redirect to another scheme', async () => {
      const url = `${base}${redirectTo('file:///etc/passwd')}`;
      expect(await refusal(fetcher(), url)).toBe('Only http and https URLs can be imported');
    });

    it('follows a redirect chain and names the final file', async () => {
      const file = await fetcher().download(`${base}/chain/3`, target);
      expect(file.filename).toBe('report final.csv');
      expect(file.finalUrl).toBe(`${base}/files/report%20final.csv`);
      expect(await readFile(target, 'utf8')).toBe(CSV);
    });

    it('gives up on a redirect loop', async () => {
      expect(await refusal(fetcher(), `${base}/loop`)).toBe('Too many redirects (more than 5)');
    });

    it('follows no more redirects than allowed', async () => {
      const limited = fetcher({ REMOTE_FETCH_MAX_REDIRECTS: 2 });
      expect(await refusal(limited, `${base}/chain/3`)).toBe('Too many redirects (more than 2)');
    });

    it('refuses a declared length above the limit before reading the body', async () => {
      const limited = fetcher({ IMPORT_MAX_FILE_SIZE: 1024 });
      expect(await refusal(limited, `${base}/declared-too-large`)).toBe(
        'Remote file is larger than 1024 bytes',
      );
    });

    it('stops a chunked body once it passes the limit and deletes the file', async () => {
      const limited = fetcher({ IMPORT_MAX_FILE_SIZE: 1024 });
      expect(await refusal(limited, `${base}/chunked-too-large`)).toBe(
        'Remote file is larger than 1024 bytes',
      );
    });

    it('names the status of a failed answer', async () => {
      expect(await refusal(fetcher(), `${base}/missing.csv`)).toBe('Remote server answered 404');
    });

    it('reports a connection cut mid-body and deletes the file', async () => {
      expect(await refusal(fetcher(), `${base}/cut-short`)).toMatch(/^Remote download failed: /);
    });

    it("leaves a destination it can't write to as a server error", async () => {
      const failure = await fetcher()
        .download(`${base}/files/x.csv`, dir)
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'EISDIR' });
      expect(failure).not.toBeInstanceOf(RemoteFetchError);
      expect(existsSync(dir)).toBe(true);
    });

    it('gives up on a slow server and deletes what it had written', async () => {
      const impatient = fetcher({ REMOTE_FETCH_TIMEOUT_MS: 300 });
      expect(await refusal(impatient, `${base}/stalls`)).toBe(
        'Remote download took longer than 300 ms',
      );
    });

    it('connects to the address it checked, so a rebound name reaches nothing else', async () => {
      // A check that resolved on its own would be answered 127.0.0.1 and the connection 127.0.0.2.
      const rebinding = new FakeDnsFetcher(loopbackAllowed(), (lookup) =>
        lookup === 1 ? ['127.0.0.1'] : ['127.0.0.2'],
      );
      await rebinding.download(`http://rebind.example:${port}/files/x.csv`, target);
      expect(await readFile(target, 'utf8')).toBe(CSV);
      expect(rebinding.lookups).toEqual(['rebind.example']);
      expect(internalHits).toBe(0);
    });

    it('checks the name again on every hop, refusing a rebound answer', async () => {
      const rebinding = new FakeDnsFetcher(loopbackAllowed(), (lookup) =>
        lookup === 1 ? ['127.0.0.1'] : ['127.0.0.2'],
      );
      const url = `http://rebind.example:${port}${redirectTo(`http://rebind.example:${port}/files/x.csv`)}`;
      expect(await refusal(rebinding, url)).toBe(
        'URL resolves to a reserved network address (block: 127.0.0.0/8)',
      );
      expect(rebinding.lookups).toEqual(['rebind.example', 'rebind.example']);
      expect(internalHits).toBe(0);
    });
  });

  it('reaches loopback when protection is off', async () => {
    const unprotected = new RemoteFetcher(config({ SSRF_PROTECTION: false }));
    const file = await unprotected.download(`${base}/files/x.csv`, target);
    expect(file.size).toBe(Buffer.byteLength(CSV));
    expect(await readFile(target, 'utf8')).toBe(CSV);
  });
});
