import { createHash, createVerify, KeyObject, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { buffer } from 'node:stream/consumers';
import {
  closeServer,
  listenOnLoopback,
  RequestCounts,
  sendBytes,
  zeroCounts,
} from './responder-kit';

export interface GcsObject {
  body: Buffer;
  contentType: string;
  updated: Date;
  generation: number;
}

export interface GcsResponderOptions {
  /** Public key of the service account: token assertions and signed URLs are checked with it. */
  publicKey: KeyObject;
  clientEmail: string;
  buckets: string[];
  /** Lifetime of the access tokens handed out. */
  tokenSeconds?: number;
  /** Bearer tokens accepted besides those of its own token endpoint (minted by another responder). */
  acceptToken?: (token: string) => boolean;
}

const COUNTED = ['tokens', 'lists', 'media', 'uploads', 'deletes', 'signed', 'refused'] as const;
export type GcsRequestCounts = RequestCounts<(typeof COUNTED)[number]>;

export interface GcsResponder {
  /** `http://127.0.0.1:<port>`: the JSON API root (`GCS_API_ENDPOINT`) and the token host. */
  endpoint: string;
  /** The service account's `token_uri`. */
  tokenUri: string;
  buckets: Map<string, Map<string, GcsObject>>;
  counts: GcsRequestCounts;
  put(bucket: string, key: string, body: string | Buffer, contentType?: string): void;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for Google Cloud Storage: the JSON API subset `@google-cloud/storage` uses (bucket
 * get, objects list/get/media/multipart upload/delete), an OAuth2 token endpoint for the service
 * account's `token_uri` (JWT bearer grant, assertion checked with the public key), bearer tokens
 * checked on every API call, and V4 signed URL downloads (signature checked with the public key).
 */
export async function startGcsResponder(options: GcsResponderOptions): Promise<GcsResponder> {
  const buckets = new Map(options.buckets.map((name) => [name, new Map<string, GcsObject>()]));
  const tokens = new Map<string, number>();
  let generation = 1;
  const state = { counts: zeroCounts(COUNTED) };
  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent) sendJson(response, 500, apiError(500, error.message));
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://responder');
    const path = url.pathname;
    if (path === '/token' && request.method === 'POST') return token(request, response);
    if (url.searchParams.has('X-Goog-Signature')) return signedDownload(request, response, url);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiry = bearer ? tokens.get(bearer) : undefined;
    const accepted = bearer !== undefined && options.acceptToken?.(bearer) === true;
    if (!accepted && (expiry === undefined || expiry < Date.now())) {
      state.counts.refused++;
      return sendJson(response, 401, apiError(401, 'Invalid Credentials'));
    }
    const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    if (upload && request.method === 'POST') return uploadObject(request, response, upload[1], url);
    const objectMatch = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(path);
    if (objectMatch) {
      const bucket = buckets.get(decodeURIComponent(objectMatch[1]));
      if (!bucket) return noBucket(response);
      const key = decodeURIComponent(objectMatch[2]);
      const object = bucket.get(key);
      if (request.method === 'DELETE') {
        state.counts.deletes++;
        if (!object) return sendJson(response, 404, apiError(404, `No such object: ${key}`));
        bucket.delete(key);
        return response.writeHead(204).end();
      }
      if (!object) return sendJson(response, 404, apiError(404, `No such object: ${key}`));
      if (url.searchParams.get('alt') === 'media') {
        state.counts.media++;
        return media(request, response, object);
      }
      return sendJson(response, 200, metadata(decodeURIComponent(objectMatch[1]), key, object));
    }
    const list = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    if (list && request.method === 'GET') {
      const name = decodeURIComponent(list[1]);
      const bucket = buckets.get(name);
      if (!bucket) return noBucket(response);
      state.counts.lists++;
      return sendJson(response, 200, listing(name, bucket, url.searchParams));
    }
    const bucketMatch = /^\/storage\/v1\/b\/([^/]+)$/.exec(path);
    if (bucketMatch && request.method === 'GET') {
      const name = decodeURIComponent(bucketMatch[1]);
      if (!buckets.has(name)) return noBucket(response);
      return sendJson(response, 200, { kind: 'storage#bucket', id: name, name });
    }
    sendJson(response, 400, apiError(400, `Not served here: ${request.method} ${path}`));
  }

  async function token(request: IncomingMessage, response: ServerResponse) {
    state.counts.tokens++;
    const form = new URLSearchParams((await buffer(request)).toString());
    const assertion = form.get('assertion') ?? '';
    const [header, claims, signature] = assertion.split('.');
    const valid =
      form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      signature !== undefined &&
      createVerify('RSA-SHA256')
        .update(`${header}.${claims}`)
        .verify(options.publicKey, Buffer.from(signature, 'base64url'));
    const payload = valid ? JSON.parse(Buffer.from(claims, 'base64url').toString()) : {};
    if (!valid || payload.iss !== options.clientEmail || payload.exp * 1000 < Date.now()) {
      return sendJson(response, 400, {
        error: 'invalid_grant',
        error_description: 'Invalid JWT Signature.',
      });
    }
    const accessToken = `ya29.${randomBytes(24).toString('base64url')}`;
    const seconds = options.tokenSeconds ?? 3600;
    tokens.set(accessToken, Date.now() + seconds * 1000);
    sendJson(response, 200, {
      access_token: accessToken,
      expires_in: seconds,
      token_type: 'Bearer',
    });
  }

  async function uploadObject(
    request: IncomingMessage,
    response: ServerResponse,
    bucketName: string,
    url: URL,
  ) {
    const bucket = buckets.get(decodeURIComponent(bucketName));
    if (!bucket) return noBucket(response);
    state.counts.uploads++;
    const body = await buffer(request);
    let name = url.searchParams.get('name');
    let contentType = String(request.headers['content-type'] ?? 'application/octet-stream');
    let content: Buffer = body;
    if (url.searchParams.get('uploadType') === 'multipart') {
      const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
      if (!boundary) return sendJson(response, 400, apiError(400, 'No multipart boundary'));
      const [meta, data] = multipartParts(body, boundary);
      const fields = JSON.parse(meta.body.toString()) as { name?: string; contentType?: string };
      name = fields.name ?? name;
      contentType = fields.contentType ?? data.contentType ?? 'application/octet-stream';
      content = data.body;
    } else if (url.searchParams.get('uploadType') !== 'media') {
      return sendJson(response, 400, apiError(400, 'Only media and multipart uploads'));
    }
    if (!name) return sendJson(response, 400, apiError(400, 'Required object name'));
    const object = { body: content, contentType, updated: new Date(), generation: generation++ };
    bucket.set(name, object);
    sendJson(response, 200, metadata(decodeURIComponent(bucketName), name, object));
  }

  function signedDownload(request: IncomingMessage, response: ServerResponse, url: URL) {
    const [bucketName, ...rest] = url.pathname.slice(1).split('/');
    const key = decodeURIComponent(rest.join('/'));
    const rawQuery = (request.url ?? '').split('?')[1] ?? '';
    const signature = url.searchParams.get('X-Goog-Signature') ?? '';
    const canonicalQuery = rawQuery
      .split('&')
      .filter((pair) => !pair.startsWith('X-Goog-Signature='))
      .join('&');
    const host = new URL(`http://${request.headers.host}`).hostname;
    const canonicalRequest = [
      'GET',
      (request.url ?? '').split('?')[0],
      canonicalQuery,
      `host:${host}\n`,
      'host',
      'UNSIGNED-PAYLOAD',
    ].join('\n');
    const date = url.searchParams.get('X-Goog-Date') ?? '';
    const credential = url.searchParams.get('X-Goog-Credential') ?? '';
    const scope = credential.slice(credential.indexOf('/') + 1);
    const stringToSign = [
      'GOOG4-RSA-SHA256',
      date,
      scope,
      createHash('sha256').update(canonicalRequest).digest('hex'),
    ].join('\n');
    const signedAt = Date.parse(
      date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    const expires = Number(url.searchParams.get('X-Goog-Expires'));
    const valid =
      credential.startsWith(`${options.clientEmail}/`) &&
      url.searchParams.get('X-Goog-Algorithm') === 'GOOG4-RSA-SHA256' &&
      signedAt + expires * 1000 > Date.now() &&
      createVerify('RSA-SHA256')
        .update(stringToSign)
        .verify(options.publicKey, Buffer.from(signature, 'hex'));
    if (!valid) {
      state.counts.refused++;
      return response
        .writeHead(403, { 'Content-Type': 'application/xml' })
        .end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
    }
    state.counts.signed++;
    const object = buckets.get(bucketName)?.get(key);
    if (!object) return response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
    media(request, response, object);
  }

  const port = await listenOnLoopback(server);
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    tokenUri: `${endpoint}/token`,
    buckets,
    get counts() {
      return state.counts;
    },
    put(bucket, key, body, contentType = 'application/octet-stream') {
      const objects = buckets.get(bucket);
      if (!objects) throw new Error(`No bucket ${bucket}`);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      objects.set(key, { body: bytes, contentType, updated: new Date(), generation: generation++ });
    },
    reset() {
      state.counts = zeroCounts(COUNTED);
    },
    stop: () => closeServer(server),
  };
}

function listing(bucketName: string, bucket: Map<string, GcsObject>, query: URLSearchParams) {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter');
  const maxResults = Math.min(Number(query.get('maxResults') ?? 1000) || 1000, 1000);
  const after = query.get('pageToken')
    ? Buffer.from(query.get('pageToken') ?? '', 'base64url').toString()
    : null;
  const items: object[] = [];
  const prefixes = new Set<string>();
  let last: string | null = null;
  let truncated = false;
  for (const key of [...bucket.keys()].sort()) {
    if (!key.startsWith(prefix) || (after !== null && key <= after)) continue;
    if (items.length + prefixes.size >= maxResults) {
      truncated = true;
      break;
    }
    const rest = key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (delimiter && cut >= 0) {
      prefixes.add(prefix + rest.slice(0, cut + delimiter.length));
    } else {
      items.push(metadata(bucketName, key, bucket.get(key) as GcsObject));
    }
    last = key;
  }
  return {
    kind: 'storage#objects',
    items,
    ...(prefixes.size > 0 ? { prefixes: [...prefixes] } : {}),
    ...(truncated && last ? { nextPageToken: Buffer.from(last).toString('base64url') } : {}),
  };
}

function metadata(bucket: string, name: string, object: GcsObject) {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${object.generation}`,
    name,
    bucket,
    generation: String(object.generation),
    contentType: object.contentType,
    size: String(object.body.length),
    updated: object.updated.toISOString(),
    timeCreated: object.updated.toISOString(),
    etag: `CA${object.generation}=`,
  };
}

function media(request: IncomingMessage, response: ServerResponse, object: GcsObject) {
  const headers = {
    'Content-Type': object.contentType,
    ETag: `"${object.generation}"`,
    'Last-Modified': object.updated.toUTCString(),
  };
  sendBytes(request, response, object.body, headers);
}

function multipartParts(body: Buffer, boundary: string) {
  const parts: { contentType: string | null; body: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString();
      let content = part.subarray(headerEnd + 4);
      if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
      parts.push({
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? null,
        body: content,
      });
    }
    start = next;
  }
  return parts;
}

function noBucket(response: ServerResponse) {
  sendJson(response, 404, apiError(404, 'The specified bucket does not exist.'));
}

function apiError(code: number, message: string) {
  return { error: { code, message, errors: [{ message, domain: 'global', reason: 'notFound' }] } };
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
