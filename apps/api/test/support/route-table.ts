import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { routePolicyOf, RoutePolicy } from '@ls/core';

export interface RouteEntry {
  method: string;
  /** The route's path with `{param}` placeholders, without a trailing slash. */
  path: string;
  controller: string;
  handler: string;
  /** The handler function itself (what the auth guard reads the policy from). */
  method_handler: object;
  controller_type: object;
  policy: RoutePolicy;
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
  return `/${joined}`;
}

/** Every HTTP route the app serves, as its controllers declare them. */
export function routeTable(app: INestApplication): RouteEntry[] {
  const discovery = app.get(DiscoveryService);
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type) continue;
    const prefixes = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat() as string[];
    const prototype = type.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const paths = [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat() as string[];
      for (const prefix of prefixes) {
        for (const path of paths) {
          routes.push({
            method,
            path: joinPath(prefix, path),
            controller: type.name,
            handler: name,
            method_handler: handler,
            controller_type: type,
            policy: routePolicyOf(handler),
          });
        }
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
