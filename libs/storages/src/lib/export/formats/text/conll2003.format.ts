import { Readable } from 'node:stream';
import { ConverterItem, ExportConfig, ExportFormat } from '../export-format';
import { bioTags } from './bio-tags';

/** A Text object (not `valueType="url"`) and a Labels control, one data key (sdk rules). */
export function supportsConll2003(config: ExportConfig): boolean {
  if (config.dataKeys.length > 1) return false;
  const controls = Object.values(config.controls);
  const hasText = controls.some((control) =>
    control.inputs.some((input) => input.type === 'Text' && input.valueType !== 'url'),
  );
  return hasText && controls.some((control) => control.type === 'Labels');
}

/** The item's tokens and tags: one `token -X- _ TAG` line each, then a blank line. */
function documentOf(item: ConverterItem, dataKey: string | undefined): string {
  const text = dataKey === undefined ? undefined : item.input[dataKey];
  const spans = Object.values(item.output).find(
    (values) => values.length > 0 && values[0].type.toLowerCase() === 'labels',
  );
  const lines = bioTags(typeof text === 'string' ? text : '', spans).map(
    ({ token, tag }) => `${token} -X- _ ${tag}\n`,
  );
  return lines.join('') + '\n';
}

async function* conllText(
  items: AsyncIterable<ConverterItem>,
  dataKey: string | undefined,
): AsyncIterable<string> {
  yield '-DOCSTART- -X- O\n';
  for await (const item of items) yield documentOf(item, dataKey);
}

export const CONLL2003_FORMAT: ExportFormat = {
  name: 'CONLL2003',
  title: 'CONLL2003',
  description: 'Popular format used for the CoNLL-2003 named entity recognition challenge.',
  link: 'https://labelstud.io/guide/export.html#CONLL2003',
  tags: ['sequence labeling', 'text tagging', 'named entity recognition'],
  supports: supportsConll2003,
  async convert(items, context, output) {
    const text = conllText(items(), context.config.dataKeys[0]);
    await output.add('result.conll', Readable.from(text));
  },
};
