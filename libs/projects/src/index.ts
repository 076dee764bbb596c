// Public API of @ls/projects. The label config analysis is the first piece; the module and
// routes follow (see issue 4).
export { analyzeLabelConfig } from './lib/label-config/label-config';
export type { AnalyzedLabelConfig } from './lib/label-config/label-config';
export { LabelConfigError } from './lib/label-config/label-config.error';
export type {
  ControlWeight,
  ParsedControl,
  ParsedLabelConfig,
} from './lib/label-config/parsed-label-config';
