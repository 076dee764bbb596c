import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { BenchS3, S3RVER_KEYS } from './s3rver-process';

/** Objects read or written at once, by the reference and by the seeding alike. */
export const CONCURRENCY = 16;

function clientOf(s3: BenchS3): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_KEYS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export async function inParallel<T>(
  items: T[],
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += CONCURRENCY) {
    await Promise.all(items.slice(start, start + CONCURRENCY).map(work));
  }
}

/** The keys of `count` seeded task objects under `prefix`, `first` on. */
export const objectKeys = (prefix: string, first: number, count: number): string[] =>
  Array.from({ length: count }, (_, n) => `${prefix}/${String(first + n).padStart(7, '0')}.json`);

/** A seeded object's body: one small task. */
export const taskObject = (key: string): string => JSON.stringify({ text: `object ${key}` });

/** Puts `count` small JSON task objects under `prefix`, `first` on. */
export async function seedObjects(s3: BenchS3, prefix: string, first: number, count: number) {
  const client = clientOf(s3);
  try {
    await inParallel(objectKeys(prefix, first, count), (key) =>
      client.send(
        new PutObjectCommand({
          Bucket: s3.bucket,
          Key: key,
          Body: taskObject(key),
          ContentType: 'application/json',
        }),
      ),
    );
  } finally {
    client.destroy();
  }
}

/**
 * The bare cost of what a sync must do with the store: `ListObjectsV2` pagination under the
 * prefix, then `GetObject` of every key read to its end, `CONCURRENCY` at once, with the same
 * SDK (`read` false: the listing alone, what a re-sync with nothing new must do). Seconds.
 */
export async function listAndReadSeconds(
  s3: BenchS3,
  prefix: string,
  read = true,
): Promise<number> {
  const client = clientOf(s3);
  const started = process.hrtime.bigint();
  try {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: s3.bucket,
          Prefix: `${prefix}/`,
          ContinuationToken: token,
        }),
      );
      const keys = (page.Contents ?? []).map((object) => object.Key as string);
      if (read)
        await inParallel(keys, async (key) => {
          const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
          await object.Body?.transformToString();
        });
      token = page.NextContinuationToken;
    } while (token);
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    client.destroy();
  }
}
