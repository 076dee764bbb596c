import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { RemoteFetcher } from '../../remote/remote-fetcher';
import { UPLOAD_DIR, UploadFileStore } from '../../uploads/upload-file-store';
import { MediaFile, MediaResolver } from '../formats/export-format';

const UPLOAD_PATH = /^(?:https?:\/\/[^/]+)?\/data\/upload\/(\d+)\/([^/?#]+)$/;

/**
 * Media of one export: the project's own uploads read from the file store, http(s) URLs
 * downloaded through the SSRF-safe fetcher (never a reserved address when `SSRF_PROTECTION` is
 * on). Another project's upload is not read. Downloads go to a temporary folder that `close`
 * removes.
 */
export class ExportMedia implements MediaResolver {
  private readonly logger = new Logger(ExportMedia.name);
  private downloads: string | undefined;

  constructor(
    private readonly projectId: number,
    private readonly uploads: UploadFileStore,
    private readonly fetcher: RemoteFetcher,
  ) {}

  async open(url: string): Promise<MediaFile | null> {
    try {
      const upload = UPLOAD_PATH.exec(url);
      if (upload) return await this.openUpload(Number(upload[1]), decodeURIComponent(upload[2]));
      if (/^https?:\/\//i.test(url)) return await this.download(url);
    } catch (error) {
      this.logger.warn({ err: error, url }, 'A media file of an export could not be read');
    }
    return null;
  }

  async close(): Promise<void> {
    if (this.downloads) await rm(this.downloads, { recursive: true, force: true });
  }

  private async openUpload(projectId: number, name: string): Promise<MediaFile | null> {
    if (projectId !== this.projectId || name === '.' || name === '..') return null;
    const content = await this.uploads.read(`${UPLOAD_DIR}/${projectId}/${name}`);
    return { name, content };
  }

  private async download(url: string): Promise<MediaFile> {
    this.downloads ??= await mkdtemp(join(tmpdir(), 'ls-export-media-'));
    const target = join(this.downloads, randomUUID());
    const file = await this.fetcher.download(url, target);
    return {
      name: file.filename || basename(new URL(url).pathname),
      content: createReadStream(target),
    };
  }
}

/** Makes the media resolver of each export. */
@Injectable()
export class ExportMediaFactory {
  constructor(
    private readonly uploads: UploadFileStore,
    private readonly fetcher: RemoteFetcher,
  ) {}

  forProject(projectId: number): ExportMedia {
    return new ExportMedia(projectId, this.uploads, this.fetcher);
  }
}
