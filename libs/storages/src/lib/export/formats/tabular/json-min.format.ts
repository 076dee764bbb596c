import { Readable } from 'node:stream';
import { ConverterItem, ExportFormat } from '../export-format';
import { annotationFields, prettifiedValues } from './annotation-record';

/** One flat record per item: the task's data, its id, each control's values, the annotation. */
function recordOf(item: ConverterItem): Record<string, unknown> {
  const record: Record<string, unknown> = structuredClone(item.input);
  record['id'] = item.id;
  for (const [name, values] of Object.entries(item.output)) {
    record[name] = prettifiedValues(values);
  }
  return Object.assign(record, annotationFields(item, true));
}

async function* jsonMinText(items: AsyncIterable<ConverterItem>): AsyncIterable<string> {
  yield '[\n';
  let first = true;
  for await (const item of items) {
    yield (first ? '' : ',\n') + JSON.stringify(recordOf(item), null, 2);
    first = false;
  }
  yield '\n]';
}

export const JSON_MIN_FORMAT: ExportFormat = {
  name: 'JSON_MIN',
  title: 'JSON-MIN',
  description:
    'List of items where only "from_name", "to_name" values from the raw JSON format are exported. Use to export only the annotations for a dataset.',
  link: 'https://labelstud.io/guide/export.html#JSON-MIN',
  supports: () => true,
  async convert(items, _context, output) {
    await output.add('result.json', Readable.from(jsonMinText(items())));
  },
};
