import { NotFoundException } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, OrganizationMember, OrganizationScope, User } from '@ls/auth';
import { createAccount, createAuthTestApp } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

describe('OrganizationScope (integration)', () => {
  let testApp: TestApp;
  let scope: OrganizationScope<OrganizationMember>;
  let authA: AuthContext;
  let authB: AuthContext;

  beforeAll(async () => {
    testApp = await createAuthTestApp();
    const a = await createAccount(testApp.app);
    const b = await createAccount(testApp.app);
    await createAccount(testApp.app, { organizationId: a.organizationId });
    const users = testApp.app.get<Repository<User>>(getRepositoryToken(User));
    const contextOf = async (userId: number, organizationId: number): Promise<AuthContext> => ({
      user: await users.findOneByOrFail({ id: userId }),
      organizationId,
      role: 'OW',
      method: 'token',
    });
    authA = await contextOf(a.userId, a.organizationId);
    authB = await contextOf(b.userId, b.organizationId);
    scope = new OrganizationScope(
      testApp.app.get<Repository<OrganizationMember>>(getRepositoryToken(OrganizationMember)),
    );
  });

  afterAll(() => testApp.close());

  it('finds only rows of the caller organization', async () => {
    expect((await scope.find(authA)).map((m) => m.organization_id)).toEqual([
      authA.organizationId,
      authA.organizationId,
    ]);
    expect(await scope.find(authB)).toHaveLength(1);
    const viaQuery = await scope.query(authB, 'member').getMany();
    expect(viaQuery.map((m) => m.user_id)).toEqual([authB.user.id]);
  });

  it('answers another organization row as not found, even when asked by id', async () => {
    const [memberOfA] = await scope.find(authA);
    await expect(scope.findOneOr404(authB, { id: memberOfA.id })).rejects.toThrow(
      NotFoundException,
    );
    await expect(scope.findOneOr404(authA, { id: memberOfA.id })).resolves.toMatchObject({
      id: memberOfA.id,
    });
    // A caller cannot widen the scope by naming another organization in the filter.
    const widened = await scope.find(authB, { organization_id: authA.organizationId });
    expect(widened.every((m) => m.organization_id === authB.organizationId)).toBe(true);
  });
});
