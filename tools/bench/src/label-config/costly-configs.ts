import {
  DEFAULT_LABEL_CONFIG_MAX_BYTES,
  MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG,
  MAX_LABEL_CONFIG_DEPTH,
  MAX_LABEL_CONFIG_ELEMENTS,
  MAX_LABEL_CONFIG_TARGETS,
} from '@ls/projects';

/** A valid label config at the byte cap, built to cost the parser as much as one dimension can. */
export interface CostlyConfig {
  shape: string;
  config: string;
}

const BYTES = DEFAULT_LABEL_CONFIG_MAX_BYTES;
const id = (index: number) => String(index).padStart(5, '0');

/**
 * `head`, `count` units and `tail`, exactly BYTES long (ASCII): `unit(index, padding)` is given
 * as much padding as fits, the first unit any remainder.
 */
function fill(
  head: string,
  count: number,
  unit: (index: number, padding: string) => string,
  tail: string,
): string {
  const fixed = unit(0, '').length;
  const room = BYTES - head.length - tail.length - count * fixed;
  if (room < 0) throw new Error(`${count} units of ${fixed} bytes do not fit in ${BYTES} bytes`);
  const padding = 'x'.repeat(Math.floor(room / count));
  const units = Array.from({ length: count }, (_, index) =>
    unit(index, index === 0 ? padding + 'x'.repeat(room % count) : padding),
  );
  const config = head + units.join('') + tail;
  if (config.length !== BYTES) throw new Error(`built ${config.length} bytes, not ${BYTES}`);
  return config;
}

/** The most tags, the deepest nesting and the most labels: one control with ~9,900 labels. */
function labelsAtFullDepth(): string {
  const views = MAX_LABEL_CONFIG_DEPTH - 2;
  return fill(
    '<View>'.repeat(views) + '<Text name="text" value="$text"/><Labels name="label" toName="text">',
    MAX_LABEL_CONFIG_ELEMENTS - views - 2,
    (index, padding) => `<Label value="L${id(index)}" background="#00ff00" hint="${padding}"/>`,
    '</Labels>' + '</View>'.repeat(views),
  );
}

/** As many controls as the tag cap allows, each with one label. */
function manyControls(): string {
  return fill(
    '<View><Text name="text" value="$text"/>',
    (MAX_LABEL_CONFIG_ELEMENTS - 2) / 2,
    (index, padding) =>
      `<Labels name="c${id(index)}" toName="text"><Label value="${padding}"/></Labels>`,
    '</View>',
  );
}

/** Labels controls nested as deep as allowed above every other tag (quadratic for tree walks). */
function nestedControls(): string {
  const controls = MAX_LABEL_CONFIG_DEPTH - 2;
  const open = Array.from(
    { length: controls },
    (_, index) => `<Labels name="c${id(index)}" toName="text">`,
  ).join('');
  return fill(
    '<View><Text name="text" value="$text"/>' + open,
    MAX_LABEL_CONFIG_ELEMENTS - controls - 3,
    (index, padding) => `<Header value="${padding}"/>`,
    '<Label value="last"/>' + '</Labels>'.repeat(controls) + '</View>',
  );
}

/** `perTag` short attributes on each tag, as many tags as fit (or the tag cap allows). */
function attributesOnTags(perTag: number): string {
  const attributes = (padding: string) =>
    Array.from(
      { length: perTag },
      (_, index) => ` a${index.toString(36)}="${index === 0 ? padding : ''}"`,
    ).join('');
  const tagBytes = `<Header${attributes('')}/>`.length;
  return fill(
    '<View>',
    Math.min(MAX_LABEL_CONFIG_ELEMENTS - 1, Math.floor((BYTES - 16) / tagBytes)),
    (_index, padding) => `<Header${attributes(padding)}/>`,
    '</View>',
  );
}

function oneLongValue(): string {
  return fill('<View><Header value="', 1, (_index, padding) => padding, '"/></View>');
}

function textWithReferences(): string {
  return fill(
    '<View><Header>',
    Math.floor((BYTES - 64) / 12),
    (_index, padding) => `&amp; ${padding}&#38;`,
    '</Header></View>',
  );
}

/** The most toName targets, with long names. */
function longTargetLists(): string {
  const name = 'n'.repeat(100);
  const targets = Array<string>(MAX_LABEL_CONFIG_TARGETS).fill(name).join(',');
  const body = `<View><Text name="${name}" value="$text"/><TextArea name="a" toName="${targets}"/>`;
  const padding = 'x'.repeat(BYTES - body.length - '<Header value=""/></View>'.length);
  return `${body}<Header value="${padding}"/></View>`;
}

export function costlyConfigs(): CostlyConfig[] {
  return [
    { shape: 'labels at full depth', config: labelsAtFullDepth() },
    { shape: 'many controls', config: manyControls() },
    { shape: 'nested controls', config: nestedControls() },
    {
      shape: 'attributes: the most per tag',
      config: attributesOnTags(MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG),
    },
    { shape: 'attributes: 12 on every tag', config: attributesOnTags(12) },
    { shape: 'one long value', config: oneLongValue() },
    { shape: 'text with references', config: textWithReferences() },
    { shape: 'long toName lists', config: longTargetLists() },
  ];
}
