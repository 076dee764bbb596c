import { buffer } from 'node:stream/consumers';
import { Entry, fromBuffer, ZipFile } from 'yauzl';

/** The files of a zip, by their path in it. */
export function zipEntries(zip: Buffer): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (error, file?: ZipFile) => {
      if (error || !file) return reject(error);
      const entries: Record<string, Buffer> = {};
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, async (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          entries[entry.fileName] = await buffer(stream);
          file.readEntry();
        });
      });
      file.on('end', () => resolve(entries));
      file.readEntry();
    });
  });
}
