import { analyzeLabelConfig } from './label-config';
import { LabelConfigError } from './label-config.error';
import {
  DEFAULT_LABEL_CONFIG_MAX_BYTES,
  MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG,
  MAX_LABEL_CONFIG_DEPTH,
  MAX_LABEL_CONFIG_ELEMENTS,
  MAX_LABEL_CONFIG_INPUT_CHARS,
  MAX_LABEL_CONFIG_TARGETS,
} from './label-config-limits';

function rejectionOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LabelConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

/** A valid config of exactly `bytes` UTF-8 bytes, mostly two-byte characters. */
function configOfBytes(bytes: number): string {
  const head = '<View><Header value="';
  const tail = '"/></View>';
  const room = bytes - head.length - tail.length;
  return head + 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2) + tail;
}

/** `<View>` holding `count - 1` more tags: `count` tags in all. */
const configWithTags = (count: number, after = '</View>') =>
  '<View>' + '<Header/>'.repeat(count - 1) + after;

/** Views nested `levels` deep. */
const nestedViews = (levels: number, innermost = '') =>
  '<View>'.repeat(levels) + innermost + '</View>'.repeat(levels);

describe('label config size cap', () => {
  const maxBytes = 2048;

  it('accepts a config of exactly the cap, counted in UTF-8 bytes', () => {
    const config = configOfBytes(maxBytes);
    expect(Buffer.byteLength(config)).toBe(maxBytes);
    expect(() => analyzeLabelConfig(config, {}, { maxBytes })).not.toThrow();
  });

  it('refuses a config one byte over the cap, though it has fewer characters than bytes', () => {
    const config = configOfBytes(maxBytes + 1);
    expect(config.length).toBeLessThan(maxBytes);
    expect(rejectionOf(() => analyzeLabelConfig(config, {}, { maxBytes }))).toBe(
      'Label config is too large: at most 2048 bytes (UTF-8) are allowed',
    );
  });

  it('refuses an oversized config before parsing it', () => {
    const malformed = '<View><Header value="' + 'x'.repeat(maxBytes);
    expect(rejectionOf(() => analyzeLabelConfig(malformed, {}, { maxBytes }))).toMatch(
      /^Label config is too large/,
    );
  });

  it('applies the default of LABEL_CONFIG_MAX_BYTES (1 MiB) when no cap is given', () => {
    expect(DEFAULT_LABEL_CONFIG_MAX_BYTES).toBe(1024 * 1024);
    expect(() => analyzeLabelConfig(configOfBytes(DEFAULT_LABEL_CONFIG_MAX_BYTES))).not.toThrow();
    expect(
      rejectionOf(() => analyzeLabelConfig(configOfBytes(DEFAULT_LABEL_CONFIG_MAX_BYTES + 1))),
    ).toMatch(/^Label config is too large: at most 1048576 bytes/);
  });
});

describe('label config tag count cap', () => {
  it(`accepts exactly ${MAX_LABEL_CONFIG_ELEMENTS} tags`, () => {
    expect(() => analyzeLabelConfig(configWithTags(MAX_LABEL_CONFIG_ELEMENTS))).not.toThrow();
  });

  it('refuses one tag more, naming where the cap was reached', () => {
    const config = configWithTags(MAX_LABEL_CONFIG_ELEMENTS + 1);
    expect(rejectionOf(() => analyzeLabelConfig(config))).toMatch(
      /^Label config has too many tags, at most 10000 are allowed: line 1, column \d+$/,
    );
  });

  it('stops reading at the tag over the cap: what follows is never parsed', () => {
    const hostile = configWithTags(MAX_LABEL_CONFIG_ELEMENTS + 1, '<Header value="never closed');
    expect(rejectionOf(() => analyzeLabelConfig(hostile))).toMatch(/^Label config has too many/);
  });
});

describe('label config nesting depth cap', () => {
  it(`accepts tags nested ${MAX_LABEL_CONFIG_DEPTH} deep`, () => {
    expect(() => analyzeLabelConfig(nestedViews(MAX_LABEL_CONFIG_DEPTH))).not.toThrow();
    expect(() =>
      analyzeLabelConfig(nestedViews(MAX_LABEL_CONFIG_DEPTH - 1, '<Header/>')),
    ).not.toThrow();
  });

  it('refuses one level more, naming where the cap was reached', () => {
    const config = nestedViews(MAX_LABEL_CONFIG_DEPTH + 1);
    expect(rejectionOf(() => analyzeLabelConfig(config))).toMatch(
      /^Label config nests tags too deeply, at most 100 levels are allowed: line 1, column \d+$/,
    );
    expect(
      rejectionOf(() => analyzeLabelConfig(nestedViews(MAX_LABEL_CONFIG_DEPTH, '<Header/>'))),
    ).toMatch(/^Label config nests tags too deeply/);
  });

  it('refuses a far deeper document with a 400-class error, not a crash', () => {
    expect(rejectionOf(() => analyzeLabelConfig(nestedViews(10_000)))).toMatch(
      /^Label config nests tags too deeply/,
    );
  });

  it('stops reading at the tag too deep: what follows is never parsed', () => {
    const hostile = '<View>'.repeat(MAX_LABEL_CONFIG_DEPTH + 1) + '<Header value="never closed';
    expect(rejectionOf(() => analyzeLabelConfig(hostile))).toMatch(/^Label config nests tags/);
  });
});

describe('label config cap on attributes per tag', () => {
  const tagWithAttributes = (count: number) =>
    '<View><Header' + Array.from({ length: count }, (_, i) => ` a${i}="v"`).join('') + '/></View>';

  it(`accepts ${MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG} attributes on a tag`, () => {
    expect(() =>
      analyzeLabelConfig(tagWithAttributes(MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG)),
    ).not.toThrow();
  });

  it('refuses one attribute more, naming where the cap was reached', () => {
    const config = tagWithAttributes(MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG + 1);
    expect(rejectionOf(() => analyzeLabelConfig(config))).toMatch(
      /^Tag <Header> has too many attributes, at most 256 are allowed: line 1, column \d+$/,
    );
  });
});

describe('label config toName target cap', () => {
  const configNaming = (targets: number) =>
    `<View><Text name="t" value="$t"/><TextArea name="a" toName="${Array(targets).fill('t').join(',')}"/></View>`;

  it(`accepts ${MAX_LABEL_CONFIG_TARGETS} toName targets in all`, () => {
    expect(() => analyzeLabelConfig(configNaming(MAX_LABEL_CONFIG_TARGETS))).not.toThrow();
  });

  it('refuses one target more', () => {
    expect(rejectionOf(() => analyzeLabelConfig(configNaming(MAX_LABEL_CONFIG_TARGETS + 1)))).toBe(
      'Label config names too many toName targets, at most 10000 are allowed in all (reached on <TextArea> at View/TextArea)',
    );
  });
});

describe('label config cap on object values repeated in parsed_label_config', () => {
  // 16 controls naming one object whose value is 64 Ki characters: exactly the budget.
  const longValue = 'v'.repeat(MAX_LABEL_CONFIG_INPUT_CHARS / 16);
  const controls = Array.from({ length: 16 }, (_, i) => `<TextArea name="a${i}" toName="long"/>`);
  const config = (extra = '') =>
    `<View><Text name="long" value="$${longValue}"/><Text name="short" value="$x"/>${controls.join('')}${extra}</View>`;

  it('accepts controls that repeat exactly the budget', () => {
    const { parsed_label_config } = analyzeLabelConfig(config());
    expect(parsed_label_config.a15.inputs).toEqual([
      { type: 'Text', value: longValue, valueType: null },
    ]);
  });

  it('refuses one character more, instead of storing gigabytes of repeated values', () => {
    expect(
      rejectionOf(() => analyzeLabelConfig(config('<TextArea name="one-more" toName="short"/>'))),
    ).toBe(
      "Label config makes parsed_label_config too large: its controls' toName targets repeat more than 1048576 characters of object values",
    );
  });
});

describe('label config entities', () => {
  it('refuses entity declarations, so nothing can expand ("billion laughs")', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>',
      '<View><Header value="&lol2;"/></View>',
    ].join('\n');
    expect(rejectionOf(() => analyzeLabelConfig(lol))).toBe(
      'DTDs and entity declarations are not allowed in a label config',
    );
  });

  it("decodes XML's own entities, as Label Studio does, and refuses any other", () => {
    const { parsed_label_config } = analyzeLabelConfig(
      '<View><Text name="t" value="$t"/><Labels name="l" toName="t"><Label value="R&amp;D"/></Labels></View>',
    );
    expect(parsed_label_config.l.labels).toEqual(['R&D']);
    expect(rejectionOf(() => analyzeLabelConfig('<View><Header value="&lol;"/></View>'))).toMatch(
      /^Undefined entity/,
    );
  });
});
