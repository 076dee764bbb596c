import { buffer } from 'node:stream/consumers';
import { UNDEFINED_DATA_KEY } from '../../import/formats/read-tasks';
import { StorageConnection, StorageObjectMissingError } from '../providers/storage-provider';

/** One task read from a storage object: its raw item and where in the object it was. */
export interface ObjectTask {
  key: string;
  /** Position in the object's JSON list or JSON Lines; -1 for an object that is one task. */
  rowIndex: number;
  item: unknown;
}

/** A problem with one object (unreadable, not JSON): recorded in the sync's errors, not fatal. */
export class ObjectProblem extends Error {}

export interface ObjectReading {
  connection: StorageConnection;
  /** One task per object pointing at it instead of reading it. */
  useBlobUrls: boolean;
  /** Read every object as JSON whatever its name (Redis values). */
  alwaysJson: boolean;
  /** The config's one data key, for the object's URL; none or several: `$undefined$`. */
  dataKey: string | null;
  maxObjectBytes: number;
}

const TASK_EXTENSIONS = /\.(json|jsonl)$/i;

/** The tasks an object makes, as Label Studio's import storages read them. */
export async function tasksOfObject(key: string, reading: ObjectReading): Promise<ObjectTask[]> {
  if (reading.useBlobUrls) {
    const data = { [reading.dataKey ?? UNDEFINED_DATA_KEY]: reading.connection.uriOf(key) };
    return [{ key, rowIndex: -1, item: { data } }];
  }
  if (!reading.alwaysJson && !TASK_EXTENSIONS.test(key)) {
    throw new ObjectProblem(
      `File "${key}" is not a JSON/JSONL file. Only .json and .jsonl files can be processed as ` +
        'tasks. If you want to import images, audio or other media, enable "Treat every bucket ' +
        'object as a source file" (use_blob_urls).',
    );
  }
  const text = await readText(key, reading);
  if (/\.jsonl$/i.test(key) && !reading.alwaysJson) return jsonLinesTasks(key, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ObjectProblem(`Can't parse JSON from "${key}": ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) return parsed.map((item, rowIndex) => ({ key, rowIndex, item }));
  return [{ key, rowIndex: -1, item: parsed }];
}

async function readText(key: string, reading: ObjectReading): Promise<string> {
  const object = await reading.connection.read(key).catch((error: unknown) => {
    // Deleted between the listing and the read: nothing to make a task of.
    if (error instanceof StorageObjectMissingError) throw new ObjectProblem(error.message);
    throw error;
  });
  if (object.size !== null && object.size > reading.maxObjectBytes) {
    object.body.destroy();
    throw new ObjectProblem(
      `"${key}" is ${object.size} bytes, more than the ${reading.maxObjectBytes} a task file may have`,
    );
  }
  const bytes = await buffer(object.body);
  if (bytes.length > reading.maxObjectBytes) {
    throw new ObjectProblem(
      `"${key}" is more than the ${reading.maxObjectBytes} bytes a task file may have`,
    );
  }
  return bytes.toString('utf8');
}

function jsonLinesTasks(key: string, text: string): ObjectTask[] {
  const tasks: ObjectTask[] = [];
  const lines = text.split(/\r?\n/);
  for (const [line, content] of lines.entries()) {
    if (content.trim() === '') continue;
    try {
      tasks.push({ key, rowIndex: tasks.length, item: JSON.parse(content) });
    } catch (error) {
      throw new ObjectProblem(
        `Can't parse JSON line ${line + 1} of "${key}": ${(error as Error).message}`,
      );
    }
  }
  return tasks;
}
