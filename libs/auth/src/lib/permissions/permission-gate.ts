import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { RoutePolicy } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { MemberRole } from '../entities/organization-member.entity';
import { OrganizationResources } from '../context/organization-resources';
import { isPermission } from './permission-catalogue';
import { PermissionOverrides } from './permission-overrides.service';
import { ProjectAccessRegistry } from './project-access';

const REFUSED = 'You do not have permission to perform this action.';

interface RoutedRequest {
  auth?: AuthContext;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A query or body value that can be an object id, as the path would spell it. */
function idText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? value : null;
}

/**
 * The decision the auth guard takes for a member route: the permission the route declares, held
 * by the caller's role in the project the route names (their project role there, when the
 * projects library provides one) or in the organization. A project the caller may not see
 * answers 404 like a missing one; a route without a declaration is refused.
 */
@Injectable()
export class PermissionGate {
  constructor(
    private readonly overrides: PermissionOverrides,
    private readonly resources: OrganizationResources,
    private readonly projects: ProjectAccessRegistry,
  ) {}

  async admit(request: RoutedRequest, policy: RoutePolicy): Promise<void> {
    const auth = request.auth;
    if (!auth) throw new ForbiddenException(REFUSED);
    const permission = policy.permission;
    if (!permission || !isPermission(permission)) {
      throw new ForbiddenException('This route declares no permission.');
    }
    if (auth.role === 'DI' || auth.role === 'NO') throw new ForbiddenException(REFUSED);
    let role: MemberRole = auth.role;
    const projectId = await this.namedProject(request, policy, auth);
    const resolver = this.projects.current();
    if (projectId !== null && resolver) {
      const access = await resolver.accessOf(auth, projectId);
      if (!access?.visible) throw new NotFoundException('Not found.');
      role = access.role;
      request.auth = { ...auth, project: { id: projectId, ...access } };
    }
    if (await this.overrides.allows(auth.organizationId, role, permission)) {
      // An organization in the path is checked here, the handlers only compare it to the caller's.
      if (Object.values(policy.resources ?? {}).includes('organization')) {
        await this.assertNamedObjectsExist(request, policy, auth);
      }
      return;
    }
    await this.assertNamedObjectsExist(request, policy, auth);
    throw new ForbiddenException(REFUSED);
  }

  /** The project the route's path names, itself or through an object in it. */
  private async namedProject(
    request: RoutedRequest,
    policy: RoutePolicy,
    auth: AuthContext,
  ): Promise<number | null> {
    for (const [param, kind] of Object.entries(policy.resources ?? {})) {
      const value = request.params?.[param];
      if (value === undefined || !this.resources.livesInProject(kind)) continue;
      const projectId = await this.resources.projectOf(kind, auth, value);
      if (projectId === null) throw new NotFoundException('Not found.');
      return projectId;
    }
    // Named in the query or body: a missing object is the handler's to report, as before.
    const body = request.body && typeof request.body === 'object' ? request.body : {};
    const sources: [Record<string, string> | undefined, Record<string, unknown>][] = [
      [policy.named?.query, request.query ?? {}],
      [policy.named?.body, body as Record<string, unknown>],
    ];
    for (const [names, values] of sources) {
      for (const [name, kind] of Object.entries(names ?? {})) {
        const value = idText(values[name]);
        if (value === null || !this.resources.livesInProject(kind)) continue;
        const projectId = await this.resources.projectOf(kind, auth, value);
        if (projectId !== null) return projectId;
      }
    }
    return null;
  }

  /** Refusing a missing object would tell it exists elsewhere: missing answers 404 first. */
  private async assertNamedObjectsExist(
    request: RoutedRequest,
    policy: RoutePolicy,
    auth: AuthContext,
  ): Promise<void> {
    for (const [param, kind] of Object.entries(policy.resources ?? {})) {
      const value = request.params?.[param];
      if (value === undefined) continue;
      if (!(await this.resources.exists(kind, auth, value)))
        throw new NotFoundException('Not found.');
    }
  }
}
