import type { ParsedControl, ParsedLabelConfig } from './label-config/parsed-label-config';

/**
 * The control `name` of a parsed label config, or undefined. Names come from results, queries
 * and imports, so only the config's own keys count: `__proto__` or `constructor` is unknown.
 */
export function controlNamed(config: ParsedLabelConfig, name: string): ParsedControl | undefined {
  return Object.hasOwn(config, name) ? config[name] : undefined;
}
