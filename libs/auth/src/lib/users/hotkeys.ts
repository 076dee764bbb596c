import { ValidationFailedException } from '@ls/core';

const ACTION_PATTERN = /^[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/;
const MAX_HOTKEYS = 500;

/**
 * A hotkey map as the labeling UI stores it: `{"<namespace>:<action>": {"key": "ctrl+s", "active": true}}`.
 * Every problem is named with the action it is about.
 */
export function validateHotkeys(value: unknown): Record<string, { key: string; active?: boolean }> {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationFailedException({
      custom_hotkeys: ['Must be an object of action: binding.'],
    });
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_HOTKEYS) problems.push(`At most ${MAX_HOTKEYS} hotkeys.`);
  for (const [action, binding] of entries) {
    if (!ACTION_PATTERN.test(action)) {
      problems.push(`"${action}": action must look like "namespace:action".`);
      continue;
    }
    if (typeof binding !== 'object' || binding === null || Array.isArray(binding)) {
      problems.push(`"${action}": binding must be an object with a "key".`);
      continue;
    }
    const { key, active, ...unknown } = binding as Record<string, unknown>;
    if (typeof key !== 'string' || key.trim() === '' || key.length > 100) {
      problems.push(`"${action}": "key" must be a non-empty string of at most 100 characters.`);
    }
    if (active !== undefined && typeof active !== 'boolean') {
      problems.push(`"${action}": "active" must be a boolean.`);
    }
    for (const name of Object.keys(unknown)) problems.push(`"${action}": unknown field "${name}".`);
  }
  if (problems.length > 0) throw new ValidationFailedException({ custom_hotkeys: problems });
  return value as Record<string, { key: string; active?: boolean }>;
}
