import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { InsertStore, openInsertStore } from './insert-stores';
import { LISTENING_MESSAGE } from './listening-message';

const TASK_IN_PATH = /^\/api\/tasks\/(\d+)\/annotations\/?$/;

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  request.setEncoding('utf8');
  for await (const chunk of request) body += chunk;
  return body;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}

async function handle(store: InsertStore, request: IncomingMessage, response: ServerResponse) {
  const taskMatch = TASK_IN_PATH.exec(request.url ?? '');
  if (request.method !== 'POST' || !taskMatch)
    return answer(response, 404, { detail: 'Not found' });
  let annotation: { result?: unknown };
  try {
    annotation = JSON.parse(await readBody(request)) as { result?: unknown };
  } catch {
    return answer(response, 400, { detail: 'Invalid JSON' });
  }
  const id = await store.insert(Number(taskMatch[1]), JSON.stringify(annotation.result ?? []));
  answer(response, 201, { id });
}

async function main(): Promise<void> {
  const store = await openInsertStore(process.env);
  const server = createServer((request, response) => {
    handle(store, request, response).catch((error: unknown) =>
      answer(response, 500, { detail: String(error) }),
    );
  });
  process.once('SIGTERM', () => {
    server.close(() => void store.close());
    server.closeAllConnections();
  });
  const port = Number(process.env.PORT ?? 0);
  server.listen(port, '127.0.0.1', () => console.log(`${LISTENING_MESSAGE} on port ${port}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
