type JsonKind = 'string' | 'number' | 'array' | 'object' | 'boolean' | 'null';

/** The JSON kinds of `data[$key]` each object tag accepts; any other tag takes a string. */
const ACCEPTED_KINDS: Record<string, JsonKind[]> = {
  Text: ['string', 'number'],
  Header: ['string', 'number'],
  HyperText: ['string'],
  Image: ['string', 'array'],
  Audio: ['string'],
  AudioPlus: ['string'],
  Video: ['string'],
  Paragraphs: ['array', 'string'],
  Table: ['object'],
  TimeSeries: ['object', 'array', 'string'],
  TimeSeriesChannel: ['object', 'array', 'string'],
  List: ['array'],
};

function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonKind;
}

/** A Repeater key such as `images[{{idx}}]` names the list `images`. */
const dataKeyOf = (key: string) => key.replace(/\[.*$/, '');

/**
 * Problems of one task's data against the project's `data_types` (`{key: ObjectTag}`): every key
 * the label config reads must be there, with a value its object tag can show. Empty when valid.
 */
export function taskDataProblems(data: unknown, dataTypes: Record<string, string>): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return ['Task data must be an object'];
  }
  const problems: string[] = [];
  for (const [rawKey, tag] of Object.entries(dataTypes)) {
    const key = dataKeyOf(rawKey);
    const repeated = key !== rawKey;
    if (!Object.hasOwn(data, key)) {
      problems.push(
        `"${key}" key is expected in task data (the label config's <${tag}> reads $${rawKey})`,
      );
      continue;
    }
    const value = (data as Record<string, unknown>)[key];
    const accepted: JsonKind[] = repeated
      ? ['array']
      : Object.hasOwn(ACCEPTED_KINDS, tag)
        ? ACCEPTED_KINDS[tag]
        : ['string'];
    const kind = kindOf(value);
    if (!accepted.includes(kind)) {
      const shown = JSON.stringify(value);
      problems.push(
        `data['${key}']=${shown && shown.length > 80 ? `${shown.slice(0, 77)}...` : shown} is of type '${kind}', but the object tag <${tag}> expects the following types: [${accepted.join(', ')}]`,
      );
    }
  }
  return problems;
}
