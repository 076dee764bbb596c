import { join } from 'node:path';
import { SERVING_DISABLED } from '../../../../src/lib/cloud/providers/localfiles/local-files-rules';
import {
  LocalFileRequest,
  servedLocalFile,
} from '../../../../src/lib/cloud/providers/localfiles/served-local-file';
import { file, link, LocalDisk, localDisk } from './local-files-fixture';

describe('serving /data/local-files/', () => {
  let disk: LocalDisk;
  const serve = (d: string | null, options: Partial<LocalFileRequest> = {}) =>
    servedLocalFile({
      d,
      documentRoot: disk.root,
      servingEnabled: true,
      storagePaths: [disk.storage],
      ...options,
    });
  const notFound = { status: 404, message: '' };

  beforeEach(async () => {
    disk = await localDisk();
    await file(join(disk.storage, 'a.json'), '{}');
    await file(join(disk.storage, 'sub/b.jpg'), 'jpg');
    await file(join(disk.root, 'storage2/c.json'), '{}');
    await file(join(disk.outside, 'secret.txt'), 'secret');
  });

  afterEach(() => disk.remove());

  it('answers the path of a file inside an accessible storage', async () => {
    const a = { status: 200, path: join(disk.storage, 'a.json') };
    expect(await serve('storage/a.json')).toEqual(a);
    expect(await serve('/storage/a.json')).toEqual(a);
    expect(await serve('storage/./sub/../a.json')).toEqual(a);
    expect(await serve('storage/sub/b.jpg')).toEqual({
      status: 200,
      path: join(disk.storage, 'sub/b.jpg'),
    });
    expect(await serve('storage/a.json', { storagePaths: [`${disk.storage}/`] })).toEqual(a);
  });

  it('refuses with 403 while serving is disabled or without d', async () => {
    expect(await serve('storage/a.json', { servingEnabled: false })).toEqual({
      status: 403,
      message: SERVING_DISABLED,
    });
    expect(await serve(null)).toEqual({ status: 403, message: '' });
    expect(await serve('')).toEqual({ status: 403, message: '' });
  });

  it('answers 404 outside the storages the caller can access', async () => {
    expect(await serve('storage2/c.json')).toEqual(notFound);
    expect(await serve('storage/a.json', { storagePaths: [] })).toEqual(notFound);
    // Whole segments: `storage` is not inside a storage at `stor`.
    expect(await serve('storage/a.json', { storagePaths: [join(disk.root, 'stor')] })).toEqual(
      notFound,
    );
    expect(await serve('storage/a.json', { storagePaths: ['storage'] })).toEqual(notFound);
  });

  it('answers 404 for missing files and directories', async () => {
    expect(await serve('storage/missing.json')).toEqual(notFound);
    expect(await serve('storage/sub')).toEqual(notFound);
    expect(await serve('storage/a.json\0.png')).toEqual(notFound);
  });

  it('never leaves the document root, however d is written', async () => {
    for (const d of [
      '../outside/secret.txt',
      'storage/../../outside/secret.txt',
      'storage/../../../../../../etc/passwd',
      join(disk.outside, 'secret.txt'),
      '%2e%2e/outside/secret.txt',
      'storage/%2e%2e/%2e%2e/outside/secret.txt',
      'storage/..%2f..%2foutside/secret.txt',
    ]) {
      expect(await serve(d, { storagePaths: [disk.storage, disk.outside] })).toEqual(notFound);
    }
  });

  it('follows symlinks only to files inside the storage', async () => {
    await link(join(disk.outside, 'secret.txt'), join(disk.storage, 'secret.txt'));
    await link(disk.outside, join(disk.storage, 'out'));
    await link(join(disk.root, 'storage2/c.json'), join(disk.storage, 'other.json'));
    await link(join(disk.storage, 'a.json'), join(disk.storage, 'sub/alias.json'));
    expect(await serve('storage/secret.txt')).toEqual(notFound);
    expect(await serve('storage/out/secret.txt')).toEqual(notFound);
    expect(await serve('storage/other.json')).toEqual(notFound);
    expect(await serve('storage/sub/alias.json')).toEqual({
      status: 200,
      path: join(disk.storage, 'a.json'),
    });
  });
});
