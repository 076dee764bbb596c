import { inputDataKey, ParsedLabelConfig } from '@ls/projects';
import { ExportConfig } from './export-format';

/**
 * What the formats read of a project's `parsed_label_config`: the data keys are those the
 * controls' object tags read (as Label Studio's converter counts them, so an object tag no
 * control points to does not make a config "multi-key").
 */
export function exportConfigFromControls(controls: ParsedLabelConfig): ExportConfig {
  const dataKeys: string[] = [];
  const objectTypes: Record<string, string> = {};
  for (const control of Object.values(controls)) {
    control.inputs.forEach((input, index) => {
      const dataKey = inputDataKey(input);
      if (!dataKeys.includes(dataKey)) dataKeys.push(dataKey);
      const objectName = control.to_name[index];
      if (objectName !== undefined) objectTypes[objectName] = input.type;
    });
  }
  return { controls, dataKeys, objectTypes };
}
