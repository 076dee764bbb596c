// Public API of @ls/ui: the browser pages of Label Studio served on this server's API.
export { UiModule } from './lib/ui.module';
export { LABEL_CONFIG_TEMPLATES } from './lib/label-config-templates';
export type { LabelConfigTemplate } from './lib/label-config-templates';
