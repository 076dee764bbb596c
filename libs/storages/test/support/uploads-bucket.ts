import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { PNG } from 'pngjs';
import { AnnotationsHttpModule } from '@ls/annotations';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { S3RVER_CREDENTIALS, S3TestServer, startS3Server } from '@ls/storages/testing';
import { TasksHttpModule } from '@ls/tasks';
import { connectS3 } from '../../src/lib/cloud/providers/s3/s3-connect';
import { S3Connection } from '../../src/lib/cloud/providers/s3/s3-connection';

export const FILES_MODULES = [
  ProjectsHttpModule,
  TasksHttpModule,
  AnnotationsHttpModule,
  DataManagerHttpModule,
  StoragesHttpModule,
];

/** A 40 x 30 PNG. */
export function pngImage(): Buffer {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(200);
  return PNG.sync.write(image);
}

/**
 * The bucket of `UPLOADS_STORAGE` on a real S3-compatible server (s3rver), and a connection of
 * its own to look at the objects the server wrote.
 */
export class UploadsBucket {
  static readonly NAME = 'uploads';

  private constructor(
    private readonly server: S3TestServer,
    private readonly connection: S3Connection,
  ) {}

  static async start(): Promise<UploadsBucket> {
    const server = await startS3Server([UploadsBucket.NAME]);
    const connection = connectS3(
      {
        bucket: UploadsBucket.NAME,
        s3_endpoint: server.endpoint,
        aws_access_key_id: S3RVER_CREDENTIALS.accessKeyId,
        aws_secret_access_key: S3RVER_CREDENTIALS.secretAccessKey,
      },
      { guard: null, requestTimeoutMs: 5000 },
    );
    return new UploadsBucket(server, connection);
  }

  get endpoint(): string {
    return this.server.endpoint;
  }

  /** The settings that put the server's files in this bucket under `prefix`. */
  env(prefix: string): Record<string, string> {
    return {
      UPLOADS_STORAGE: `s3://${UploadsBucket.NAME}/${prefix}`,
      UPLOADS_S3_ENDPOINT: this.server.endpoint,
      UPLOADS_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      UPLOADS_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    };
  }

  async keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const page of this.connection.list({ prefix, recursive: true })) {
      keys.push(...page.map((object) => object.key));
    }
    return keys.sort();
  }

  async bytes(key: string): Promise<Buffer> {
    return buffer((await this.connection.read(key)).body);
  }

  async stop(): Promise<void> {
    await this.connection.close();
    await this.server.stop();
  }
}

/**
 * What the server left in `DATA_DIR` of the files it keeps in the bucket: nothing expected (a
 * direct export works in a folder of its own under `DATA_DIR/export`, removed once sent).
 */
export function localFilesOf(dataDir: string): Record<string, string[]> {
  const filesIn = (folder: string) =>
    existsSync(join(dataDir, folder)) ? readdirSync(join(dataDir, folder)) : [];
  return {
    upload: filesIn('upload'),
    import: filesIn('import'),
    export: filesIn('export').filter((name) => !name.startsWith('direct-')),
    tmp: filesIn('tmp'),
  };
}

export const NO_LOCAL_FILES = { upload: [], import: [], export: [], tmp: [] };
