import { Agent, request } from 'node:http';

export interface JsonRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TextResponse {
  status: number;
  body: string;
}

/** One HTTP request with a JSON body; the whole answer is read so a keep-alive socket can be reused. */
export function sendJson(baseUrl: string, call: JsonRequest, agent?: Agent): Promise<TextResponse> {
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolveResponse, reject) => {
    const outgoing = request(
      new URL(call.path, baseUrl),
      {
        method: call.method,
        agent,
        headers: {
          ...call.headers,
          ...(payload === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(payload),
              }),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** POSTs `body` and returns the created object; throws with the status and body on anything but 201. */
export async function createOrFail<T>(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<T> {
  const response = await sendJson(baseUrl, { method: 'POST', path, body, headers });
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status} instead of 201: ${response.body}`);
  }
  return JSON.parse(response.body) as T;
}
