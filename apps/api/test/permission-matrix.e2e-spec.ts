import { HttpException } from '@nestjs/common';
import { ActivityLogBuffer } from '@ls/analytics';
import { createAccount, guardDecision } from '@ls/auth/testing';
import { createTestApp, TestApp } from '@ls/core/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';
import { EXPECTED, Expected, Outcome, OVERRIDES } from './support/permission-matrix.table';
import {
  buildPermissionWorld,
  MATRIX_ROLES,
  MatrixRole,
  PermissionWorld,
} from './support/permission-fixtures';
import { RouteEntry, routeTable } from './support/route-table';

/**
 * Issue 17: who may call what. For every route of the app and every role, the outcome the table
 * in `support/permission-matrix.table.ts` states: refused (403), not visible (404), allowed, or
 * allowed with a narrower list than the owner's. A second pass repeats it under the
 * organization's own overrides of configurable permissions. Refusals go through HTTP (the guard
 * refuses before any handler runs); allowed writes are decided by the same guard without running
 * the handler, so that one pass does not destroy what the next needs; allowed reads go through HTTP.
 */
const ACCESS_ONLY = 'the matrix checks who is admitted; each library checks its response shapes';

describe('permission matrix: every route, every role (e2e)', () => {
  let testApp: TestApp;
  let world: PermissionWorld;
  let routes: RouteEntry[];

  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [...DOMAIN_MODULES, ...HTTP_MODULES],
    });
    world = await buildPermissionWorld(testApp);
    routes = routeTable(testApp.app).filter(
      ({ policy }) => (policy.access ?? 'member') === 'member',
    );
  }, 60_000);

  afterAll(() => testApp.close());

  const keyOf = (route: RouteEntry) => `${route.method} ${route.path}`;

  it('the table covers exactly the member routes of the app', () => {
    const served = routes.map(keyOf).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(served);
  });

  function concretePath(route: RouteEntry): { path: string; params: Record<string, string> } {
    const params: Record<string, string> = {};
    const path = route.path.replace(/\{([^}]+)\}|\*$/g, (match: string, braced?: string) => {
      const name = braced ?? match;
      const kind = route.policy.resources?.[name] ?? name;
      const value = world.ids[kind] ?? world.ids[name];
      if (value === undefined)
        throw new Error(`${keyOf(route)}: no fixture for {${name}} (${kind})`);
      params[name] = value;
      return value;
    });
    return { path, params };
  }

  function sizeOf(body: unknown): number {
    if (Array.isArray(body)) return body.length;
    const object = (body ?? {}) as Record<string, unknown>;
    for (const field of ['total', 'count', 'recordsTotal']) {
      if (typeof object[field] === 'number') return object[field] as number;
    }
    for (const field of ['tasks', 'results', 'data']) {
      if (Array.isArray(object[field])) return (object[field] as unknown[]).length;
    }
    return -1;
  }

  async function check(
    route: RouteEntry,
    role: MatrixRole,
    expected: Outcome,
  ): Promise<string | null> {
    const account = world.accounts[role];
    const { path, params } = concretePath(route);
    const query = { project: String(world.project) };
    const label = `${keyOf(route)} as ${role}`;
    const read = route.method === 'GET' && expected !== 'admitted';
    if (expected === 403 || expected === 404 || read) {
      // Refused writes are logged in the background: the activity log must not grow between
      // this read and the owner's.
      if (read) await testApp.app.get(ActivityLogBuffer).flush();
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const response = await testApp
        .http()
        [method](path)
        .query(query)
        .set(account.headers)
        .skipContract(ACCESS_ONLY)
        .send(route.method === 'GET' ? undefined : { project: world.project });
      if (expected === 403 || expected === 404) {
        return response.status === expected
          ? null
          : `${label}: expected ${expected}, got ${response.status}`;
      }
      if ([401, 403, 404].includes(response.status) || response.status >= 500) {
        return `${label}: expected allowed, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
      }
      // A list read: 'filtered' shows fewer rows than the owner's, 'ok' as many.
      const mine = sizeOf(response.body);
      if (expected === 'own' || (mine < 0 && expected === 'ok')) return null;
      const own = await testApp
        .http()
        .get(path)
        .query(query)
        .set(world.accounts.OW.headers)
        .skipContract(ACCESS_ONLY);
      const all = sizeOf(own.body);
      if (expected === 'filtered' && !(mine >= 0 && mine < all)) {
        return `${label}: expected fewer rows than the owner's, got ${mine} of ${all}`;
      }
      if (expected === 'ok' && mine !== all) {
        return `${label}: expected the owner's ${all} rows, got ${mine}`;
      }
      return null;
    }
    try {
      await guardDecision(testApp.app, route.method_handler, route.controller_type, {
        headers: { authorization: account.headers.Authorization },
        ip: '127.0.0.1',
        params,
        query,
        body: { project: world.project },
      });
      return null;
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : String(error);
      return `${label}: expected allowed, the guard answered ${status}`;
    }
  }

  async function runPass(
    expectedFor: (row: Expected, role: MatrixRole) => Outcome,
  ): Promise<string[]> {
    const failures: string[] = [];
    for (const route of routes) {
      const row = EXPECTED[keyOf(route)];
      if (!row) continue;
      for (const role of MATRIX_ROLES) {
        const failure = await check(route, role, expectedFor(row, role));
        if (failure) failures.push(failure);
      }
    }
    return failures;
  }

  it('each role gets the outcome the table states, on every route', async () => {
    expect(await runPass((row, role) => row.roles[role])).toEqual([]);
  }, 300_000);

  it('under the organization overrides, the overridden permissions follow them', async () => {
    const base = `/api/organizations/${world.accounts.OW.organizationId}/permissions`;
    for (const [permission, roles] of Object.entries(OVERRIDES)) {
      await testApp
        .http()
        .post(base)
        .set(world.accounts.OW.headers)
        .send({ permission, roles })
        .expect(200);
    }
    try {
      expect(await runPass((row, role) => row.overridden?.[role] ?? row.roles[role])).toEqual([]);
    } finally {
      for (const permission of Object.keys(OVERRIDES)) {
        await testApp
          .http()
          .delete(`${base}/${permission}`)
          .set(world.accounts.OW.headers)
          .expect(204);
      }
    }
  }, 300_000);

  it('a deactivated or not activated member is refused on every member route', async () => {
    const failures: string[] = [];
    for (const role of ['DI', 'NO'] as const) {
      const account = await createAccount(testApp.app, {
        organizationId: world.accounts.OW.organizationId,
        role,
      });
      for (const route of routes.filter(({ method }) => method === 'GET')) {
        const { path } = concretePath(route);
        const response = await testApp
          .http()
          .get(path)
          .set(account.headers)
          .skipContract(ACCESS_ONLY);
        if (response.status !== 403)
          failures.push(`${keyOf(route)} as ${role}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
