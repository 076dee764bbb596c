import { join } from 'node:path';
import {
  isStrictlyWithin,
  isWithin,
  localFilesPathProblem,
  SERVING_DISABLED,
} from '../../../../src/lib/cloud/providers/localfiles/local-files-rules';
import { file, link, LocalDisk, localDisk } from './local-files-fixture';

describe('local files rules', () => {
  let disk: LocalDisk;
  const problemOf = (path: unknown, servingEnabled = true) =>
    localFilesPathProblem(path, { documentRoot: disk.root, servingEnabled });
  const outsideMessage = (path: string) =>
    `Path ${path} must start with LOCAL_FILES_DOCUMENT_ROOT=${disk.root} ` +
    `and must be a child, e.g.: ${join(disk.root, 'abc')}`;

  beforeEach(async () => {
    disk = await localDisk();
  });

  afterEach(() => disk.remove());

  it('accepts an existing directory strictly inside the document root', () => {
    expect(problemOf(disk.storage)).toBeNull();
    expect(problemOf(`${disk.storage}/`)).toBeNull();
  });

  it('says serving is disabled before looking at the disk', () => {
    expect(problemOf(disk.storage, false)).toBe(SERVING_DISABLED);
    expect(problemOf('/no/such/path', false)).toBe(SERVING_DISABLED);
    expect(SERVING_DISABLED).toContain('LOCAL_FILES_SERVING_ENABLED environment variable');
  });

  it('refuses paths that are not strictly inside the document root', () => {
    for (const path of [disk.root, disk.outside, '/', 'storage', `${disk.root}/../outside`]) {
      expect(problemOf(path)).toBe(outsideMessage(path));
    }
    // Not a segment of the root: `<root>x` starts with the root's text only.
    expect(problemOf(`${disk.root}x`)).toBe(outsideMessage(`${disk.root}x`));
  });

  it('refuses a missing path, a file, and no path at all', async () => {
    await file(join(disk.storage, 'a.json'), '{}');
    expect(problemOf(join(disk.storage, 'missing'))).toBe(
      `Path ${join(disk.storage, 'missing')} does not exist`,
    );
    expect(problemOf(join(disk.storage, 'a.json'))).toBe(
      `Path ${join(disk.storage, 'a.json')} is not a directory`,
    );
    expect(problemOf(undefined)).toBe('Path  does not exist');
  });

  it('resolves symlinks: a link inside the root to a directory outside is refused', async () => {
    await link(disk.outside, join(disk.root, 'escape'));
    await link(disk.storage, join(disk.root, 'alias'));
    expect(problemOf(join(disk.root, 'escape'))).toBe(outsideMessage(join(disk.root, 'escape')));
    expect(problemOf(join(disk.root, 'alias'))).toBeNull();
  });

  it('compares whole path segments', () => {
    expect(isWithin('/data/a/b', '/data/a')).toBe(true);
    expect(isWithin('/data/a', '/data/a')).toBe(true);
    expect(isWithin('/data/ab', '/data/a')).toBe(false);
    expect(isWithin('/data/a', '/')).toBe(true);
    expect(isStrictlyWithin('/data/a', '/data/a')).toBe(false);
    expect(isStrictlyWithin('/data/a/b', '/data/a/')).toBe(true);
  });
});
