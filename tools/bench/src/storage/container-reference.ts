import { buffer } from 'node:stream/consumers';
import {
  BlobServiceClient,
  ContainerClient,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { AZURITE_ACCOUNT, BenchAzurite } from './azurite-process';
import { inParallel, objectKeys, taskObject } from './bucket-reference';

function containerOf(azure: BenchAzurite): ContainerClient {
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT.name, AZURITE_ACCOUNT.key);
  return new BlobServiceClient(azure.accountUrl, credential).getContainerClient(azure.container);
}

/** Creates the container (once) and uploads `count` small JSON task blobs under `prefix`. */
export async function seedBlobs(
  azure: BenchAzurite,
  prefix: string,
  first: number,
  count: number,
): Promise<void> {
  const container = containerOf(azure);
  await container.createIfNotExists();
  await inParallel(objectKeys(prefix, first, count), (key) => {
    const body = taskObject(key);
    return container.getBlockBlobClient(key).upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  });
}

/**
 * The bare cost of what a sync must do with the container, with the same SDK the storage uses:
 * the flat listing under the prefix page by page, then every blob downloaded to its end,
 * `CONCURRENCY` at once (`read` false: the listing alone). Seconds.
 */
export async function listAndDownloadSeconds(
  azure: BenchAzurite,
  prefix: string,
  read = true,
): Promise<number> {
  const container = containerOf(azure);
  const started = process.hrtime.bigint();
  for await (const page of container.listBlobsFlat({ prefix: `${prefix}/` }).byPage()) {
    const names = page.segment.blobItems.map((blob) => blob.name);
    if (read) {
      await inParallel(names, async (name) => {
        const blob = await container.getBlobClient(name).download();
        if (blob.readableStreamBody) await buffer(blob.readableStreamBody);
      });
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
