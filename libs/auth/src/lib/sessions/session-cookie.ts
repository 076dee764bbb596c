import fastifyCookie from '@fastify/cookie';

/** The cookie a browser signs in with (`POST /user/login`). */
export const SESSION_COOKIE = 'ls_session';

/** What of a request the session cookie rules read (a Fastify request has all of it). */
export interface CookieRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  /** `https` behind a trusted proxy that says so (Fastify's `trustProxy`). */
  protocol?: string;
  /** Host and port, from `X-Forwarded-Host` behind a trusted proxy. */
  host?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The token of the request's session cookie, if it has one. */
export function sessionTokenOf(request: CookieRequest): string | undefined {
  const header = first(request.headers.cookie);
  if (!header) return undefined;
  return fastifyCookie.parse(header)[SESSION_COOKIE] || undefined;
}

/** `https://host:port` as the browser sees this server. */
export function ownOrigin(request: CookieRequest): string {
  const host = request.host ?? first(request.headers.host) ?? '';
  return `${request.protocol ?? 'http'}://${host}`.toLowerCase();
}

/**
 * Whether a request may be authenticated by its cookie. The cookie is SameSite=Strict, and
 * besides, only a request the server's own pages made counts (this stands in for CSRF tokens,
 * which Label Studio's frontend bundles do not send): `Sec-Fetch-Site: same-origin`; else an
 * `Origin` equal to the server's own; a request with neither (no browser) only for GET and HEAD.
 * `navigation`: a page the user opened themselves (typed, bookmarked: `Sec-Fetch-Site: none`)
 * is also accepted for GET, for the browser pages only, never for the API.
 */
export function cookieMayAuthenticate(request: CookieRequest, navigation = false): boolean {
  const site = first(request.headers['sec-fetch-site'])?.toLowerCase();
  const origin = first(request.headers.origin);
  const safe = SAFE_METHODS.has(request.method.toUpperCase());
  if (site === 'same-origin') return true;
  if (navigation && site === 'none' && safe) return true;
  if (origin !== undefined) return origin.toLowerCase() === ownOrigin(request);
  return site === undefined && safe;
}

/**
 * Whether a browser says the request came from another site: `Sec-Fetch-Site` cross-site or
 * same-site, or an `Origin` other than this server's. Signing in from another site's form
 * ("login CSRF": the victim's browser signed in to the attacker's account) is refused with it;
 * clients that are not browsers send neither header.
 */
export function fromAnotherSite(request: CookieRequest): boolean {
  const site = first(request.headers['sec-fetch-site'])?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = first(request.headers.origin);
  return origin !== undefined && origin !== 'null' && origin.toLowerCase() !== ownOrigin(request);
}

/** The session cookie of a request that came over TLS (directly or through a trusted proxy) is `Secure`. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return fastifyCookie.serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  });
}

/** A cookie that replaces the session cookie and expires at once. */
export function clearedSessionCookie(secure: boolean): string {
  return fastifyCookie.serialize(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    maxAge: 0,
  });
}
