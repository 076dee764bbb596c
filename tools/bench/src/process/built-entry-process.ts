import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { sendJson } from '../load/http-json';

// dist/tools/bench/process → the workspace. @ls/core's NodeProcess is test-only (not built).
const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

const pause = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

/** A compiled entry point of this workspace (`npm run build` first), run as its own process. */
export class BuiltEntryProcess {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
  }

  /** `entry` is relative to the workspace, e.g. `apps/api/src/main`; only `env` (and PATH) is passed on. */
  static start(entry: string, env: Record<string, string | undefined>): BuiltEntryProcess {
    const script = resolve(WORKSPACE_ROOT, 'dist', `${entry.replace('/src/', '/')}.js`);
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [script], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: 'pipe',
    });
    return new BuiltEntryProcess(child);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  private get ended(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Resolves once the output contains `text`; rejects if the process ends or time runs out. */
  async waitForOutput(text: string, timeoutMs = 20_000): Promise<void> {
    await this.waitUntil(`printing "${text}"`, timeoutMs, async () => this.output.includes(text));
  }

  /** Resolves once GET `path` answers 200; rejects if the process ends or time runs out. */
  async waitForHttpOk(baseUrl: string, path: string, timeoutMs = 60_000): Promise<void> {
    await this.waitUntil(`GET ${path} answering 200`, timeoutMs, async () => {
      const response = await sendJson(baseUrl, { method: 'GET', path }).catch(() => undefined);
      return response?.status === 200;
    });
  }

  async stop(): Promise<void> {
    if (!this.ended) this.child.kill('SIGTERM');
    await this.exited;
  }

  private async waitUntil(
    what: string,
    timeoutMs: number,
    ready: () => Promise<boolean>,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (this.ended) throw new Error(`process ended before ${what}:\n${this.output}`);
      if (Date.now() > deadline)
        throw new Error(`no ${what} within ${timeoutMs} ms:\n${this.output}`);
      await pause(100);
    }
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
