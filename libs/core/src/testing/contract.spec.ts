import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractAgent } from './contract-agent';
import { contractProblems, operationOf } from './contract-responses';
import { contractAvailable } from './contract';

const VERSION = {
  release: '1.0.0',
  edition: 'Community',
  'label-studio-os-package': {},
  'label-studio-os-backend': {},
  'label-studio-frontend': {},
  dm2: {},
  'label-studio-converter': {},
  lsf: {},
  backend: {},
};

/** Runs `check` with the contract module loaded afresh under `env`. */
function withFreshContract(env: Record<string, string | undefined>, check: () => void): void {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    jest.isolateModules(check);
  } finally {
    process.env = saved;
  }
}

describe('contract checks', () => {
  describe('without the contract file', () => {
    const missing = { LS_OPENAPI_SPEC: '/nonexistent/openapi.yaml' };

    it('fail under CI rather than pass unchecked', () => {
      withFreshContract({ ...missing, CI: 'true' }, () => {
        const fresh = jest.requireActual<typeof import('./contract')>('./contract');
        expect(() => fresh.contractAvailable()).toThrow(/not found.*CI checks every response/);
        expect(() => fresh.expectContract('LseTask', {})).toThrow(/not found/);
      });
    });

    it('are skipped with a warning outside CI', () => {
      const warn = jest.spyOn(process.stderr, 'write').mockReturnValue(true);
      try {
        withFreshContract({ ...missing, CI: undefined }, () => {
          const fresh = jest.requireActual<typeof import('./contract')>('./contract');
          expect(fresh.contractAvailable()).toBe(false);
          expect(fresh.contractErrors('LseTask', {})).toEqual([]);
        });
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('not checked'));
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe('parsed once for every test file', () => {
    const operationsIn = (spec: string) => {
      let ids: string[] = [];
      withFreshContract({ LS_OPENAPI_SPEC: spec, CI: undefined }, () => {
        const fresh = jest.requireActual<typeof import('./contract')>('./contract');
        ids = fresh.contractOperations().map((operation) => operation.operationId);
      });
      return ids;
    };
    const document = (operationId: string) =>
      `components:\n  schemas: {}\npaths:\n  /a:\n    get:\n      operationId: ${operationId}\n`;
    const cachedCopies = () =>
      readdirSync(tmpdir()).filter((name) => name.startsWith('ls-openapi-'));

    it('keeps the parsed contract as JSON and reads it again until the file changes', () => {
      const folder = mkdtempSync(join(tmpdir(), 'contract-'));
      const spec = join(folder, 'openapi.yaml');
      const before = new Set(cachedCopies());
      try {
        writeFileSync(spec, document('first'));
        expect(operationsIn(spec)).toEqual(['first']);
        const written = cachedCopies().filter((name) => !before.has(name));
        expect(written).toHaveLength(1);
        const copy = join(tmpdir(), written[0]);
        expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual({
          components: { schemas: {} },
          paths: { '/a': { get: { operationId: 'first' } } },
        });

        // Read from the copy: a different copy under the same key is what the next file gets.
        const copied = {
          components: { schemas: {} },
          paths: { '/b': { get: { operationId: 'copy' } } },
        };
        writeFileSync(copy, JSON.stringify(copied));
        expect(operationsIn(spec)).toEqual(['copy']);

        writeFileSync(spec, document('second'));
        utimesSync(spec, new Date(), new Date(Date.now() + 5_000));
        expect(operationsIn(spec)).toEqual(['second']);
        rmSync(copy);
      } finally {
        for (const name of cachedCopies()) if (!before.has(name)) rmSync(join(tmpdir(), name));
        rmSync(folder, { recursive: true });
      }
    });
  });

  const withContract = contractAvailable() ? describe : describe.skip;

  withContract('against the contract', () => {
    it('finds the operation of a request, literal segments before parameters', () => {
      expect(operationOf('GET', '/api/projects/counts/')?.operationId).toBe(
        'api_projects_counts_list',
      );
      expect(operationOf('GET', '/api/projects/12?page=2')?.operationId).toBe(
        'api_projects_retrieve',
      );
      expect(operationOf('PATCH', 'http://127.0.0.1:8080/api/tasks/3/')?.operationId).toBe(
        'api_tasks_partial_update',
      );
      expect(operationOf('GET', '/api/current-user/whoami')?.operationId).toBe(
        'api_current_user_whoami_retrieve',
      );
      expect(operationOf('DELETE', '/api/projects/12/')?.operationId).toBe('api_projects_destroy');
      expect(operationOf('PUT', '/api/projects/12/')).toBeUndefined();
      expect(operationOf('POST', '/api/invite/accept')).toBeUndefined();
      expect(operationOf('GET', '/health')).toBeUndefined();
    });

    const exchange = { method: 'GET', url: '/api/version/', contentType: 'application/json' };

    it('checks the status of a success and the body of any status the contract describes', () => {
      expect(contractProblems({ ...exchange, status: 200, body: VERSION })).toEqual([]);
      expect(contractProblems({ ...exchange, status: 201, body: VERSION })).toEqual([
        'status 201 is not one the contract documents (200)',
      ]);
      expect(contractProblems({ ...exchange, status: 200, body: { release: 1 } })).toEqual(
        expect.arrayContaining(["(root) must have required property 'edition'"]),
      );
      expect(contractProblems({ ...exchange, status: 404, body: { detail: 'x' } })).toEqual([]);
      expect(
        contractProblems({ ...exchange, status: 200, contentType: 'text/html', body: '<p>' }),
      ).toEqual([]);
    });

    describe('through the test agent', () => {
      let server: Server;
      let answer: unknown;

      beforeAll(async () => {
        server = createServer((_request, response) => {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify(answer));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      });

      afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

      it('fails a request whose answer does not fit, unless told why not to check it', async () => {
        answer = { release: 1 };
        await expect(contractAgent(server).get('/api/version/').expect(200)).rejects.toThrow(
          /GET \/api\/version\/ answered 200, which does not fit the contract's api_version_retrieve/,
        );
        await contractAgent(server)
          .get('/api/version/')
          .skipContract('a deliberately broken answer')
          .expect(200);
        expect(() => contractAgent(server).get('/api/version/').skipContract(' ')).toThrow(
          /needs a reason/,
        );
        answer = VERSION;
        await contractAgent(server).get('/api/version/').expect(200);
      });

      it('reports an unexpected status as such, before the contract', async () => {
        answer = { release: 1 };
        await expect(contractAgent(server).get('/api/version/').expect(404)).rejects.toThrow(
          /expected 404 "Not Found", got 200 "OK"/,
        );
      });
    });
  });
});
