import {
  HttpException,
  HttpStatus,
  INestApplication,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import FindMyWay from 'find-my-way';
import { AppConfig } from '../config/app-config';
import { RouteAccess, RoutePolicy, routePolicyFromConfig } from './route-policy';

/**
 * Decides who is calling before a body is read. `@ls/auth` provides it; an app without it serves
 * every route without authentication checks in the gate (its own guards still apply).
 */
export abstract class RequestAuthenticator {
  /** Throws an `HttpException` (401, 403, 429) when the caller may not call a route of `access`. */
  abstract authenticate(request: FastifyRequest, access: RouteAccess): Promise<void>;
}

/** What an anonymous caller may send a public route (token refresh, sign-up) unless it says otherwise. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** A route as the server serves it: what tests walk to check every route's guard. */
export interface ServedRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
  /** Largest body read, in bytes. */
  bodyLimit: number;
}

const routeTables = new WeakMap<object, ServedRoute[]>();

/** Every route of an app whose HTTP conventions are configured, in the order it was added. */
export function servedRoutes(app: INestApplication): readonly ServedRoute[] {
  return routeTables.get(app.getHttpAdapter().getInstance() as object) ?? [];
}

/**
 * The route's path with its resource parameters matching digits only, as Label Studio's
 * `<int:pk>` routes do: `/api/projects/counts` is then no project, and a method that only the
 * `:id` route serves is a 405 there, not a lookup of project "counts".
 */
function withIdParams(url: string, policy: RoutePolicy): string {
  const names = new Set(Object.keys(policy.resources ?? {}));
  return url.replace(/:([A-Za-z_]\w*)(?=\/|$)/g, (whole, name: string) =>
    names.has(name) ? `${whole}(^\\d+$)` : whole,
  );
}

/** Ids are 32-bit in the database: a larger one in a path names nothing. */
const MAX_ID = 2_147_483_647;

function namesNoRow(policy: RoutePolicy, params: Record<string, string> | undefined): boolean {
  return Object.keys(policy.resources ?? {}).some((name) => {
    const value = params?.[name];
    return value !== undefined && /^\d+$/.test(value) && Number(value) > MAX_ID;
  });
}

function optionalProvider<T>(app: INestApplication, token: abstract new () => T): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined;
  }
}

/**
 * Runs on every request before its body is read: a method the path does not serve is a 405 (with
 * `Allow`, as Label Studio answers), the caller is authenticated for the route's access, and a
 * declared body larger than the route's limit is a 413. Routes get their body limit here from
 * their policy: `HTTP_BODY_LIMIT` unless they declare one, `PUBLIC_BODY_LIMIT` for public ones.
 */
export function installRequestGate(
  app: INestApplication,
  config: AppConfig,
  publicPrefixes: readonly string[] = [],
): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const authenticator = optionalProvider(app, RequestAuthenticator);
  const served = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  const table: ServedRoute[] = [];
  routeTables.set(fastify, table);

  fastify.addHook('onRoute', (route: RouteOptions) => {
    let policy = routePolicyFromConfig(route.config);
    // Routes of plugins (the OpenAPI pages) carry no policy; those under a public prefix are open.
    if (!policy.access && publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      policy = { ...policy, access: 'public' };
      route.config = { ...(route.config as object), policy } as RouteOptions['config'];
    }
    const publicLimit = policy.access === 'public' ? PUBLIC_BODY_LIMIT : undefined;
    const limit = policy.bodyLimit?.(config) ?? publicLimit;
    if (limit !== undefined && route.bodyLimit === undefined) route.bodyLimit = limit;
    const bodyLimit = route.bodyLimit ?? config.HTTP_BODY_LIMIT;
    const url = route.url.replace(/\(\^\\d\+\$\)/g, '');
    route.url = withIdParams(url, policy);
    for (const method of [route.method].flat()) {
      table.push({ method, url, policy, bodyLimit });
      if (!served.hasRoute(method as FindMyWay.HTTPMethod, route.url)) {
        served.on(method as FindMyWay.HTTPMethod, route.url, () => undefined);
      }
    }
  });

  fastify.addHook('onRequest', async (request, reply) => {
    if (request.is404) {
      const path = request.url.split('?')[0];
      const allowed = METHODS.filter((method) => served.find(method, path) !== null);
      if (allowed.length === 0) return;
      void reply.header('allow', allowed.join(', '));
      throw new HttpException(
        { detail: `Method "${request.method}" not allowed.` },
        HttpStatus.METHOD_NOT_ALLOWED,
      );
    }
    const { config: routeConfig, bodyLimit } = request.routeOptions;
    const policy = routePolicyFromConfig(routeConfig);
    await authenticator?.authenticate(request, policy.access ?? 'member');
    if (namesNoRow(policy, request.params as Record<string, string>)) {
      throw new NotFoundException('Not found.');
    }
    const declared = Number(request.headers['content-length']);
    if (declared > bodyLimit) {
      throw new PayloadTooLargeException({
        detail: `Request body is larger than ${bodyLimit} bytes, the limit of this route`,
      });
    }
    // An empty body with a content type (Label Studio's frontend sends `application/json` on a
    // DELETE) is no body, as Django reads it, not a JSON parse error.
    const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
    const empty = length === '0' || (length === undefined && chunked === undefined);
    if (empty && request.headers['content-type'] !== undefined) {
      delete request.headers['content-type'];
    }
  });
}
