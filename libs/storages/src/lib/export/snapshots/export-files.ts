import { Injectable } from '@nestjs/common';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { AppConfig } from '@ls/core';

/** Where exports live: `DATA_DIR/export/`, files named relative to `DATA_DIR` in the records. */
@Injectable()
export class ExportFiles {
  private readonly dataDir: string;
  readonly root: string;

  constructor(config: AppConfig) {
    this.dataDir = resolve(config.DATA_DIR);
    this.root = resolve(this.dataDir, 'export');
  }

  /** The absolute path of a stored file name; refuses one outside the export folder. */
  pathOf(file: string): string {
    const path = resolve(this.dataDir, file);
    if (!path.startsWith(this.root + sep)) throw new Error(`Not an export file: ${file}`);
    return path;
  }

  /** The stored name (relative to `DATA_DIR`) of a path under the export folder. */
  nameOf(path: string): string {
    return `export/${path
      .slice(this.root.length + 1)
      .split(sep)
      .join('/')}`;
  }

  async ensureFolderOf(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
  }

  async remove(file: string | null): Promise<void> {
    if (file) await rm(this.pathOf(file), { force: true, recursive: true });
  }
}
