import { isPermission } from '@ls/auth';
import { createTestApp, TestApp } from '@ls/core/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';
import { routeTable } from './support/route-table';

/** Issue 17: every route says who may call it, so no route is open by omission. */
describe('every route declares its access (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [...DOMAIN_MODULES, ...HTTP_MODULES] });
  });

  afterAll(() => testApp.close());

  it('a member route names a known permission; public and account routes say so', () => {
    const routes = routeTable(testApp.app);
    expect(routes.length).toBeGreaterThan(150);
    const undeclared = routes
      .filter(({ policy }) => (policy.access ?? 'member') === 'member')
      .filter(({ policy }) => !policy.permission || !isPermission(policy.permission))
      .map(
        ({ method, path, controller, handler }) => `${method} ${path} (${controller}.${handler})`,
      );
    expect(undeclared).toEqual([]);
  });
});
