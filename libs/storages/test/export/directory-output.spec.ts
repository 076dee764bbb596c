import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { zipEntries } from '@ls/core/testing';
import { DirectoryOutput } from '../../src/lib/export/output/directory-output';

describe('export output', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'export-output-'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('returns a single file as it is', async () => {
    const output = new DirectoryOutput(root);
    await output.add('result.csv', Readable.from(['a,b\r\n', '1,2\r\n']));
    const result = await resultOf(output);
    expect(result.extension).toBe('.csv');
    expect((await buffer(result.open())).toString()).toBe('a,b\r\n1,2\r\n');
  });

  it('zips several files with their relative paths', async () => {
    const output = new DirectoryOutput(root);
    await output.add('classes.txt', 'Car\nPerson\n');
    await output.add('labels/aa11-cat.txt', Buffer.from('0 0.25 0.4 0.3 0.4\n'));
    const result = await resultOf(output);
    expect(result.extension).toBe('.zip');
    const entries = await zipEntries(await buffer(result.open()));
    expect(Object.keys(entries)).toEqual(['classes.txt', 'labels/aa11-cat.txt']);
    expect(entries['classes.txt'].toString()).toBe('Car\nPerson\n');
    expect(entries['labels/aa11-cat.txt'].toString()).toBe('0 0.25 0.4 0.3 0.4\n');
  });

  it('refuses a path outside its directory or written twice, and has no result when empty', async () => {
    const output = new DirectoryOutput(root);
    await expect(output.add('../escape.txt', 'x')).rejects.toThrow('outside');
    expect(await output.result()).toBeNull();
    await output.add('a.txt', 'x');
    await expect(output.add('a.txt', 'y')).rejects.toThrow('twice');
  });
});

async function resultOf(output: DirectoryOutput) {
  const result = await output.result();
  if (!result) throw new Error('no result');
  return result;
}
