import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { FileStore, LocalFile } from '../../files/file-store';
import { contentTypeOf } from '../export-names';

const EXPORT_DIR = 'export';

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.'));

/**
 * Export snapshots' files in the file store (`DATA_DIR` or the bucket of `UPLOADS_STORAGE`),
 * named `export/...` in the records. A file is put there only once complete.
 */
@Injectable()
export class ExportFiles {
  private readonly logger = new Logger(ExportFiles.name);

  constructor(private readonly files: FileStore) {}

  /** The stored name of a file of the export folder: `export/<relative>`. */
  nameOf(relative: string): string {
    return `${EXPORT_DIR}/${relative}`;
  }

  /** A new path under `DATA_DIR/tmp` to write a file at before {@link putLocal}. */
  temporaryPath(): Promise<string> {
    return this.files.temporaryPath();
  }

  /** A new empty folder under `DATA_DIR/tmp` for a conversion's files; the caller removes it. */
  temporaryDir(prefix: string): Promise<string> {
    return this.files.temporaryDir(prefix);
  }

  /** Moves the complete local file at `path` to `name`. */
  putLocal(name: string, path: string): Promise<void> {
    return this.files.putLocal(this.checked(name), path, contentTypeOf(extensionOf(name)));
  }

  put(name: string, content: Readable): Promise<void> {
    return this.files.put(this.checked(name), content, contentTypeOf(extensionOf(name)));
  }

  read(name: string): Promise<Readable> {
    return this.files.read(this.checked(name));
  }

  localCopy(name: string): Promise<LocalFile> {
    return this.files.localCopy(this.checked(name));
  }

  /** Once its record is gone: a file that cannot be removed is logged, not an error. */
  async remove(name: string | null): Promise<void> {
    if (!name) return;
    await this.files
      .delete(this.checked(name))
      .catch((error: unknown) =>
        this.logger.warn({ err: error, file: name }, 'Could not remove an export file'),
      );
  }

  private checked(name: string): string {
    if (!name.startsWith(`${EXPORT_DIR}/`)) throw new Error(`Not an export file: ${name}`);
    return name;
  }
}
