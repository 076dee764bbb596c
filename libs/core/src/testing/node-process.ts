import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** A compiled entry point of this workspace, run as its own process (`npm run build` first). */
export class NodeProcess {
  private output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code, signal) => resolveExit({ code, signal })),
    );
  }

  /** `entry` is relative to the workspace, e.g. `apps/api/src/main` (its compiled file in dist/ runs). */
  static start(
    entry: string,
    env: Record<string, string | undefined>,
    args: string[] = [],
  ): NodeProcess {
    const script = resolve(WORKSPACE_ROOT, 'dist', `${entry.replace('/src/', '/')}.js`);
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [script, ...args], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: 'pipe',
    });
    return new NodeProcess(child);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves once the output contains `text`; rejects if the process ends or time runs out. */
  async waitForOutput(text: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`process ended before printing "${text}":\n${this.output}`);
      }
      if (Date.now() > deadline)
        throw new Error(`no "${text}" within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
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
