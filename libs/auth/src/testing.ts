// Test kit of @ls/auth (`@ls/auth/testing`): apps with the auth routes, and accounts to call them with.
import { ExecutionContext, INestApplication } from '@nestjs/common';
import { AuthGuard } from './lib/context/auth.guard';
import { HttpAuthentication } from './lib/credentials/http-authentication';
import { PermissionGate } from './lib/permissions/permission-gate';
import { createTestApp, TestApp, TestAppOptions } from '@ls/core/testing';
import { AccountsService, AccountRequest } from './lib/bootstrap/accounts.service';
import { AuthHttpModule } from './lib/auth-http.module';
import { AuthModule } from './lib/auth.module';

export interface TestAccount {
  userId: number;
  organizationId: number;
  email: string;
  token: string;
  /** `Authorization: Token <key>` */
  headers: { Authorization: string };
}

/** {@link createTestApp} with the auth module and its routes (and the global auth guard). */
export function createAuthTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createTestApp({
    ...options,
    imports: [AuthModule, AuthHttpModule, ...(options.imports ?? [])],
  });
}

let accountCounter = 0;

/** A user with a legacy token, in a new organization it owns unless `organizationId` is given. */
export async function createAccount(
  app: INestApplication,
  request: Partial<AccountRequest> = {},
): Promise<TestAccount> {
  accountCounter += 1;
  const email = request.email ?? `user${accountCounter}-${Date.now()}@example.com`;
  const account = await app.get(AccountsService).create({
    email,
    password: request.password ?? 'correct horse battery',
    organizationTitle: request.organizationTitle ?? `Organization ${accountCounter}`,
    ...request,
  });
  return {
    userId: account.user.id,
    organizationId: account.organization.id,
    email,
    token: account.token,
    headers: { Authorization: `Token ${account.token}` },
  };
}

/**
 * What the auth guard decides for `request` on the route `handler` of `controller`: resolves when
 * admitted, rejects with the HTTP exception it would answer. Runs the real guard without running
 * the handler (for routes whose call would change the data a test still needs).
 */
export async function guardDecision(
  app: INestApplication,
  handler: object,
  controller: object,
  request: Record<string, unknown>,
): Promise<void> {
  const guard = new AuthGuard(app.get(HttpAuthentication), app.get(PermissionGate));
  const context = {
    getHandler: () => handler,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  await guard.canActivate(context);
}
