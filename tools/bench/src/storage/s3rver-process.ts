import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../process/built-entry-process';

export interface BenchS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** s3rver's one key pair (it checks the key id, not signatures). */
export const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The `s3rver` command (an S3-compatible server on the local disk) with one bucket, as its own
 * process. Its listing tokens need OpenSSL's legacy provider, hence the flag.
 */
export async function startBenchS3(bucket: string): Promise<BenchS3> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-s3-'));
  const port = await freePort();
  const command = require.resolve('s3rver/bin/s3rver.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--openssl-legacy-provider',
      command,
      '-d',
      directory,
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
    ].concat(['--silent', '--no-vhost-buckets', '--configure-bucket', bucket]),
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!output.includes('S3rver listening')) {
    if (child.exitCode !== null) throw new Error(`s3rver exited: ${output}`);
    if (Date.now() > deadline) throw new Error('s3rver did not start within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
