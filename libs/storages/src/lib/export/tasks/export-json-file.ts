import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ExportTask } from '../formats/converter-items';
import { ExportBatch } from './export-task-reader';

const TASKS_PER_CHUNK = 32;

export interface WrittenExport {
  md5: string;
  bytes: number;
  counters: { task_number: number; annotation_number: number; prediction_number: number };
}

/**
 * Writes the export's JSON: a list of tasks, one per line (`[`, the tasks separated by `,` and a
 * line break, `]`), valid JSON that `readExportTasks` reads back a line at a time.
 */
export async function writeExportJson(
  batches: AsyncIterable<ExportBatch>,
  path: string,
): Promise<WrittenExport> {
  const counters = { task_number: 0, annotation_number: 0, prediction_number: 0 };
  async function* text(): AsyncIterable<string> {
    yield '[';
    for await (const batch of batches) {
      const separator = counters.task_number === 0 ? '\n' : ',\n';
      counters.task_number += batch.tasks.length;
      counters.annotation_number += batch.annotations;
      counters.prediction_number += batch.predictions;
      // Chunks of a few dozen tasks stay small strings, which V8 frees young; a whole batch in
      // one string would sit in the large-object space until a full collection.
      for (let first = 0; first < batch.tasks.length; first += TASKS_PER_CHUNK) {
        const chunk = batch.tasks.slice(first, first + TASKS_PER_CHUNK).join(',\n');
        yield (first === 0 ? separator : ',\n') + chunk;
      }
    }
    yield '\n]\n';
  }
  const md5 = createHash('md5');
  let bytes = 0;
  const measured = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(Readable.from(text(), { highWaterMark: 4 }), measured, createWriteStream(path));
  return { md5: md5.digest('hex'), bytes, counters };
}

/** The tasks of an export file written by `writeExportJson`, one at a time. */
export async function* readExportTasks(path: string): AsyncIterable<ExportTask> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '[' || line === ']' || line === '') continue;
    yield JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as ExportTask;
  }
}
