import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../process/built-entry-process';

/** The emulator's well-known development account (Microsoft's documented key, not a secret). */
export const AZURITE_ACCOUNT = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

export interface BenchAzurite {
  /** `http://127.0.0.1:<port>/{account}`: the `AZURE_BLOB_ENDPOINT` template. */
  endpoint: string;
  /** The development account's URL. */
  accountUrl: string;
  container: string;
  stop(): Promise<void>;
}

/**
 * azurite's blob service as its own process, blobs on the local disk (as s3rver keeps its
 * objects), so the emulator's work does not share the bench's event loop.
 */
export async function startBenchAzurite(container: string): Promise<BenchAzurite> {
  const location = await mkdtemp(join(tmpdir(), 'bench-azurite-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/blob/main.js'),
      ...['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location],
      ...['--skipApiVersionCheck', '--disableProductStyleUrl', '--disableTelemetry', '--silent'],
    ],
    { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exit = once(child, 'exit');
      child.kill();
      await exit;
    }
    await rm(location, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  while (!output.includes('successfully listens')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`azurite did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const endpoint = `http://127.0.0.1:${port}/{account}`;
  return {
    endpoint,
    accountUrl: endpoint.replace('{account}', AZURITE_ACCOUNT.name),
    container,
    stop,
  };
}
