/** An `activity_log` row as it is inserted (no id; the never-recorded columns stay null). */
export interface ActivityEntry {
  user_id: number;
  email: string;
  organization_id: number;
  request_method: string;
  request_url: string;
  response_code: string;
  datetime: Date;
  duration: number;
  ip_address: string | null;
  user_agent: string;
  http_referer: string;
  project_id: number | null;
}

/** What the recorder reads of an answered request: never its body. */
export interface AnsweredRequest {
  method: string;
  /** The raw path and query string. */
  url: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  /**
   * The authenticated member, and the project the route reached (named in its path, or through
   * an object of it); absent for anonymous or refused-before-authentication requests.
   */
  auth?: { organizationId: number; user: { id: number; email: string }; project?: { id: number } };
}

export const RECORDED_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const MAX_INT = 2_147_483_647;
const API_PATH = /^\/+api(?:[/?]|$)/;
const PROJECT_IN_PATH = /^\/+api\/+projects\/+(\d{1,10})(?:[/?#]|$)/;
const PROJECT_IN_QUERY = /[?&]project=(\d{1,10})(?:&|#|$)/;

/**
 * `text` cut to `max` UTF-16 units without splitting a surrogate pair, NUL characters removed
 * (PostgreSQL text cannot hold them), so a value always fits its column.
 */
export function clip(text: string, max: number): string {
  const clean = text.includes('\0') ? text.replace(/\0/g, '') : text;
  if (clean.length <= max) return clean;
  const code = clean.charCodeAt(max - 1);
  return clean.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function header(request: AnsweredRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The project a request's URL names: `/api/projects/{id}/...`, else a `project` query parameter. */
export function projectIdOf(url: string): number | null {
  const match = PROJECT_IN_PATH.exec(url) ?? PROJECT_IN_QUERY.exec(url);
  if (!match) return null;
  const id = Number(match[1]);
  return id >= 1 && id <= MAX_INT ? id : null;
}

/**
 * The entry to record for an answered request, or null when it is not recorded: only write
 * requests under `/api` of an authenticated member, whatever their answer.
 */
export function activityEntryOf(
  request: AnsweredRequest,
  statusCode: number,
  elapsedMs: number,
  answeredAt: number = Date.now(),
): ActivityEntry | null {
  const auth = request.auth;
  if (!auth || !RECORDED_METHODS.has(request.method) || !API_PATH.test(request.url)) return null;
  const duration = Math.min(MAX_INT, Math.max(0, Math.round(elapsedMs)));
  return {
    user_id: auth.user.id,
    email: clip(auth.user.email, 256),
    organization_id: auth.organizationId,
    request_method: request.method,
    request_url: clip(request.url, 256),
    response_code: clip(String(statusCode), 3),
    datetime: new Date(answeredAt - duration),
    duration,
    ip_address: request.ip ? clip(request.ip, 45) : null,
    user_agent: clip(header(request, 'user-agent'), 1024),
    http_referer: clip(header(request, 'referer'), 1024),
    project_id: auth.project?.id ?? projectIdOf(request.url),
  };
}
