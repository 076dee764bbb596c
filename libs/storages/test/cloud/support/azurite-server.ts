import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The emulator's well-known development account (Microsoft's documented key, not a secret). */
export const AZURITE_ACCOUNT = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

export interface AzuriteOptions {
  /** Serve HTTPS with this PEM key and certificate. */
  https?: { key: string; cert: string };
  /** Accept OAuth bearer tokens (`--oauth basic`: claims checked, not signatures); needs `https`. */
  oauth?: boolean;
}

export interface AzuriteServer {
  /** `http(s)://127.0.0.1:<port>/{account}`: the `AZURE_BLOB_ENDPOINT` template. */
  endpoint: string;
  stop(): Promise<void>;
}

const LISTENING = /successfully listens on (https?:\/\/\S+)/;

/**
 * azurite's blob service (`azurite-blob`) on 127.0.0.1 and a free port, blobs in memory, any API
 * version of the SDK accepted.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteServer> {
  const location = await mkdtemp(join(tmpdir(), 'azurite-'));
  const secure: string[] = [];
  if (options.https) {
    await writeFile(join(location, 'key.pem'), options.https.key);
    await writeFile(join(location, 'cert.pem'), options.https.cert);
    secure.push('--key', join(location, 'key.pem'), '--cert', join(location, 'cert.pem'));
  }
  if (options.oauth) secure.push('--oauth', 'basic');
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/blob/main.js'),
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '256',
      '--skipApiVersionCheck',
      // The account is the path's first segment whatever the host is called (tests name hosts).
      '--disableProductStyleUrl',
      '--disableTelemetry',
      '--silent',
      ...secure,
    ],
    // Its workspace (nothing is written there with blobs in memory) is a temporary folder.
    { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async () => {
    await ended(child);
    await rm(location, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const match = LISTENING.exec(output);
        if (match) resolve(match[1]);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      child.once('exit', (code) => reject(new Error(`azurite exited with ${code}: ${output}`)));
    });
    return { endpoint: `${url.replace(/\/+$/, '')}/{account}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  child.kill();
  await exit;
}
