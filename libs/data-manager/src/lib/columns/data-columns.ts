import { ColumnResponse } from './column.response';

/** The data key Label Studio gives a task imported without a key (a bare URL or text). */
export const UNDEFINED_DATA_KEY = '$undefined$';

/** Object tag types the UI shows as such; every other one is a String column. */
const MEDIA_TYPES = new Set(['Image', 'Audio', 'AudioPlus', 'Video', 'Unknown']);

/**
 * The data keys of the label config in the order the config names them (`data_types` is a JSON
 * object, whose key order PostgreSQL's jsonb does not keep). Repeater keys (`image[{{idx}}]`) are
 * left out: their list key is there already.
 */
export function configDataKeys(dataTypes: Record<string, string>, labelConfig: string): string[] {
  const position = (key: string) => {
    const found = labelConfig.indexOf(`$${key}`);
    return found === -1 ? Number.MAX_SAFE_INTEGER : found;
  };
  return Object.keys(dataTypes)
    .filter((key) => !key.includes('['))
    .sort((a, b) => position(a) - position(b) || a.localeCompare(b));
}

/**
 * One column per data key (the label config's first, typed by their object tag, then keys only
 * tasks have, `Unknown` and hidden beside the labeling stream), and the `data` root column that
 * lists them as its children.
 */
export function dataColumns(
  dataTypes: Record<string, string>,
  labelConfig: string,
  taskKeys: string[],
): { children: ColumnResponse[]; root: ColumnResponse } {
  const configKeys = configDataKeys(dataTypes, labelConfig);
  const types = new Map(configKeys.map((key) => [key, dataTypes[key]]));
  for (const key of taskKeys) if (!types.has(key)) types.set(key, 'Unknown');
  // with an object tag in the config, a key-less task's value is read through that tag
  if (configKeys.length > 0) types.delete(UNDEFINED_DATA_KEY);
  const children: ColumnResponse[] = [...types].map(([key, type]) => ({
    id: key,
    title: key === UNDEFINED_DATA_KEY ? 'data' : key,
    type: MEDIA_TYPES.has(type) ? type : 'String',
    target: 'tasks',
    parent: 'data',
    visibility_defaults: {
      explore: true,
      labeling: configKeys.includes(key) || key === UNDEFINED_DATA_KEY,
    },
    project_defined: true,
  }));
  const root: ColumnResponse = {
    id: 'data',
    title: 'data',
    type: 'List',
    target: 'tasks',
    children: children.map((column) => column.id),
    project_defined: false,
  };
  return { children, root };
}
