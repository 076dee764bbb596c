import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

/** A call the fake model server received. */
export interface ReceivedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** How the fake server misbehaves; change it between calls. */
export interface FakeServerBehaviour {
  /** Paths (`health`, `setup`, `predict`, `train`, `versions`, `webhook`) answered with a 500. */
  failing: Set<string>;
  /** Milliseconds each path waits before answering. */
  delays: Map<string, number>;
  /** `/versions` answered 404, as older model servers do. */
  noVersions: boolean;
  /** Predict calls (counted from 1) answered with a 500: a crash in the middle of a job. */
  failPredictCall: number | null;
  /** `/predict` answers one result whatever the number of tasks (older model servers). */
  oneResultPerCall: boolean;
}

/** The choice the fake model predicts for a text: Positive for an even length. */
export const choiceFor = (text: string) => (text.length % 2 === 0 ? 'Positive' : 'Negative');

/**
 * A model server speaking Label Studio's protocol (behavior.md 9.2) on 127.0.0.1: health, setup
 * (answers its model version), predict (a choice derived from each task's text), train,
 * versions, webhook. It records every call and can fail, stall or answer like an old server.
 */
export class FakeModelServer {
  readonly calls: ReceivedCall[] = [];
  modelVersion = 'v1';
  readonly behaviour: FakeServerBehaviour = {
    failing: new Set(),
    delays: new Map(),
    noVersions: false,
    failPredictCall: null,
    oneResultPerCall: false,
  };
  private server?: Server;
  private predictCalls = 0;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Back to answering everything well. */
  reset(): void {
    this.behaviour.failing.clear();
    this.behaviour.delays.clear();
    this.behaviour.noVersions = false;
    this.behaviour.failPredictCall = null;
    this.behaviour.oneResultPerCall = false;
    this.predictCalls = 0;
  }

  callsTo(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (request.url ?? '/').replace(/^\/+|\/+$/g, '');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    this.calls.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
    const delay = this.behaviour.delays.get(path);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (response.destroyed) return;
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (path === 'predict') this.predictCalls += 1;
    if (
      this.behaviour.failing.has(path) ||
      (path === 'predict' && this.predictCalls === this.behaviour.failPredictCall)
    ) {
      answer(500, { error: `${path} is broken` });
      return;
    }
    switch (path) {
      case 'health':
        return answer(200, { status: 'UP', model_class: 'FakeModel' });
      case 'setup':
        return answer(200, { model_version: this.modelVersion });
      case 'predict':
        return answer(200, { results: this.predict(body) });
      case 'train':
        return answer(201, { job_id: 'job-1' });
      case 'versions':
        if (this.behaviour.noVersions) return answer(404, { error: 'not found' });
        return answer(200, { versions: ['v0', this.modelVersion] });
      case 'webhook':
        return answer(201, {});
      default:
        return answer(404, { error: 'not found' });
    }
  }

  private predict(body: Record<string, unknown>) {
    const tasks = (body.tasks ?? []) as { data: { text?: string } }[];
    const results = tasks.map((task) => ({
      result: [
        {
          from_name: 'sentiment',
          to_name: 'text',
          type: 'choices',
          value: { choices: [choiceFor(String(task.data.text ?? ''))] },
        },
      ],
      score: 0.5,
      model_version: this.modelVersion,
    }));
    return this.behaviour.oneResultPerCall ? results.slice(0, 1) : results;
  }
}
