import {
  controlWeightsFor,
  ControlWeight,
  extractDataTypes,
  isSuitableForBulkAnnotation,
  parseControls,
  ParsedLabelConfig,
} from './parsed-label-config';
import { validateLabelConfig } from './validate-label-config';
import { parseXmlTree } from './xml-tree';

/** Everything a project derives from its label config. */
export interface AnalyzedLabelConfig {
  parsed_label_config: ParsedLabelConfig;
  data_types: Record<string, string>;
  config_has_control_tags: boolean;
  config_suitable_for_bulk_annotation: boolean;
  control_weights: Record<string, ControlWeight>;
}

export interface LabelConfigOptions {
  /** Largest config, in UTF-8 bytes; the API passes `LABEL_CONFIG_MAX_BYTES`. Default 1 MiB. */
  maxBytes?: number;
}

/**
 * Parses and validates a label config (throws `LabelConfigError` with a message a person can act
 * on) and derives what the project stores and shows from it.
 */
export function analyzeLabelConfig(
  config: unknown,
  currentWeights: Record<string, Partial<ControlWeight>> = {},
  { maxBytes }: LabelConfigOptions = {},
): AnalyzedLabelConfig {
  const root = parseXmlTree(config, maxBytes);
  validateLabelConfig(root);
  const parsed = parseControls(root);
  return {
    parsed_label_config: parsed,
    data_types: extractDataTypes(root),
    config_has_control_tags: Object.keys(parsed).length > 0,
    config_suitable_for_bulk_annotation: isSuitableForBulkAnnotation(root),
    control_weights: controlWeightsFor(parsed, currentWeights),
  };
}
