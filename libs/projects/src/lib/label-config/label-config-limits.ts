import { LabelConfigError } from './label-config.error';

/**
 * Caps on the work one label config can cost. Real configs stay far below them: Label Studio's
 * templates have tens of tags, the largest taxonomies a few thousand, nested under ten deep.
 */
export const MAX_LABEL_CONFIG_ELEMENTS = 10_000;
export const MAX_LABEL_CONFIG_DEPTH = 100;
/** Attributes of one tag (Label Studio's tags take a few dozen at most). */
export const MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG = 256;
/** Names listed by all `toName` attributes together (Label Studio's controls name one or two). */
export const MAX_LABEL_CONFIG_TARGETS = 10_000;
/**
 * Characters of object values that the `inputs` of parsed_label_config may repeat, all controls
 * together: each toName target copies its object's value there, so a long value named by many
 * controls would otherwise turn a small config into gigabytes of stored JSON.
 */
export const MAX_LABEL_CONFIG_INPUT_CHARS = 1024 * 1024;

/** The default of the `LABEL_CONFIG_MAX_BYTES` setting, for callers without the app's config. */
export const DEFAULT_LABEL_CONFIG_MAX_BYTES = 1024 * 1024;

/** Refuses a config over `maxBytes` of UTF-8 without parsing any of it. */
export function assertWithinByteCap(config: string, maxBytes: number): void {
  // UTF-8 takes at least a byte per UTF-16 code unit: a longer string is over without encoding it.
  if (config.length > maxBytes || Buffer.byteLength(config, 'utf8') > maxBytes) {
    throw new LabelConfigError(
      `Label config is too large: at most ${maxBytes} bytes (UTF-8) are allowed`,
    );
  }
}
