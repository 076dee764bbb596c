import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The one key pair s3rver knows. It checks the access key id (any other is
 * `InvalidAccessKeyId`, 403) but not SigV4 signatures, so any secret passes.
 */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3TestServer {
  /** `http://127.0.0.1:<port>`, for `s3_endpoint`. */
  endpoint: string;
  stop(): Promise<void>;
}

// Runs in the child: starts s3rver and sends its port; exits when the test process goes away.
const CHILD = `
const S3rver = require(process.argv[1]);
process.on('disconnect', () => process.exit(0));
new S3rver(JSON.parse(process.argv[2])).run().then(
  ({ port }) => process.send({ port }),
  (error) => { console.error(error); process.exit(1); },
);
`;

/**
 * A real S3-compatible server (s3rver) on 127.0.0.1, a random port and a temporary directory,
 * with `buckets` created. It runs in a node of its own: s3rver encrypts ListObjectsV2
 * continuation tokens with DES, which OpenSSL 3 offers only with its legacy provider, and
 * `--openssl-legacy-provider` cannot be turned on inside a running process.
 */
export async function startS3Server(buckets: string[]): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const options = {
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    // Path-style only: a host name is never taken for a bucket.
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name })),
  };
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', CHILD, require.resolve('s3rver'), JSON.stringify(options)],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const stop = async () => {
    await ended(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) =>
        reject(new Error(`s3rver exited with ${code} before listening`)),
      );
    });
    return { endpoint: `http://127.0.0.1:${port}`, stop };
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
