import { METHOD_METADATA } from '@nestjs/common/constants';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { AppConfig } from '../config/app-config';

/**
 * Who may call a route: `public` anyone (credentials, when sent, are still read); `account` any
 * signed-in user, even one who belongs to no organization (accepting an invitation); `member`
 * (the default) an active member of the caller's active organization.
 */
export type RouteAccess = 'public' | 'account' | 'member';

/** How a route is guarded before its handler runs; read by the request gate and the auth guard. */
export interface RoutePolicy {
  access?: RouteAccess;
  /** Largest body the route reads, in bytes; the default is `HTTP_BODY_LIMIT`. */
  bodyLimit?: (config: AppConfig) => number;
  /**
   * What each path parameter names (`{ id: 'project', taskPk: 'task' }`): an object of the
   * caller's organization, found by the locator registered for that kind. A route whose object
   * is not there answers 404 before any complaint about its body.
   */
  resources?: Record<string, string>;
  /**
   * The named permission a member needs to call the route (`@Requires(...)` of `@ls/auth`, which
   * also knows the names). Every member route declares one; the auth guard decides.
   */
  permission?: string;
  /**
   * Objects named in the query string or the JSON body (`{ query: { project: 'project' } }`):
   * the auth guard reads from them which project the request is about.
   */
  named?: { query?: Record<string, string>; body?: Record<string, string> };
}

const ROUTE_POLICY_METADATA = 'ls:route-policy';

/** The policy of a route handler (a controller method), as its decorators left it. */
export function routePolicyOf(handler: object): RoutePolicy {
  return (Reflect.getMetadata(ROUTE_POLICY_METADATA, handler) as RoutePolicy | undefined) ?? {};
}

/**
 * Stores the policy twice on the handler: as Nest metadata (for guards) and as Fastify route
 * config (Nest passes it to the route, so that hooks running before the body is read see it).
 * Method decorators run before class decorators, so a method's own policy wins over its class's
 * (resource names of both are combined).
 */
function mergePolicy(handler: object, patch: RoutePolicy, methodWins: boolean): void {
  const current = routePolicyOf(handler);
  const [base, top] = methodWins ? [patch, current] : [current, patch];
  const merged: RoutePolicy = { ...base, ...top };
  if (base.resources || top.resources) {
    merged.resources = { ...base.resources, ...top.resources };
  }
  if (base.named || top.named) {
    merged.named = {
      query: { ...base.named?.query, ...top.named?.query },
      body: { ...base.named?.body, ...top.named?.body },
    };
  }
  Reflect.defineMetadata(ROUTE_POLICY_METADATA, merged, handler);
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, policy: merged }, handler);
}

/**
 * A decorator that adds `patch` to the policy of a route (on a method) or of every route of a
 * controller (on a class; a method's own policy wins).
 */
export function routePolicy(patch: RoutePolicy): ClassDecorator & MethodDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      mergePolicy(descriptor.value as object, patch, false);
      return;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler)) {
        mergePolicy(handler, patch, true);
      }
    }
  };
}

/** A route anyone may call; credentials, when sent and good, still tell who calls. On a controller: every route of it. */
export const PublicRoute = () => routePolicy({ access: 'public' });

/** A route for any signed-in user, member of an organization or not. */
export const AccountRoute = () => routePolicy({ access: 'account' });

/** A route that reads bodies larger (or smaller) than `HTTP_BODY_LIMIT`. */
export const BodyLimit = (limit: (config: AppConfig) => number) =>
  routePolicy({ bodyLimit: limit });

/**
 * Names what the route's path parameters point to (see {@link RoutePolicy.resources}); on a
 * controller, for every route of it.
 */
export const ResourceParams = (resources: Record<string, string>) => routePolicy({ resources });

/**
 * Names what query parameters or JSON body fields point to (`{ project: 'project' }`), for routes
 * that name their project there rather than in the path.
 */
export const NamedIn = (where: 'query' | 'body', names: Record<string, string>) =>
  routePolicy({ named: { [where]: names } });

/** The policy Fastify holds for a matched route (see {@link mergePolicy}). */
export function routePolicyFromConfig(config: unknown): RoutePolicy {
  return ((config as { policy?: RoutePolicy } | undefined)?.policy ?? {}) as RoutePolicy;
}
