import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestTls {
  /** PEM of the test certificate authority (what `STORAGE_CA_FILE` would hold). */
  ca: string;
  /** The server's key and certificate (for `localhost` and 127.0.0.1), signed by `ca`. */
  key: string;
  cert: string;
  /** A file holding `ca`, for `STORAGE_CA_FILE`; removed by `remove`. */
  caFile: string;
  remove(): void;
}

const openssl = (cwd: string, ...args: string[]) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * A certificate authority made for one test run, and a server certificate it signed, for HTTPS
 * responders standing in for identity providers and stores (made with the `openssl` command).
 */
export function makeTestTls(): TestTls {
  const dir = mkdtempSync(join(tmpdir(), 'test-tls-'));
  openssl(
    dir,
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
    ...['-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Test storage CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign'],
  );
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    dir,
    ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr'],
    ...['-subj', '/CN=localhost'],
  );
  openssl(
    dir,
    ...['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key'],
    ...['-CAcreateserial', '-days', '2', '-out', 'server.pem', '-extfile', 'server.ext'],
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    ca: read('ca.pem'),
    key: read('server.key'),
    cert: read('server.pem'),
    caFile: join(dir, 'ca.pem'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
