import { plainToInstance } from 'class-transformer';
import { ValidationError, getMetadataStorage, validateSync } from 'class-validator';
import { AppConfig, ConfigOverrides } from './app-config';

/** A bad setting; the message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The names of the settings: every validated property of {@link AppConfig}. */
export function settingNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

function pickSettings(env: Record<string, string | undefined>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of settingNames()) {
    if (env[name] !== undefined) picked[name] = env[name];
  }
  return picked;
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const messages = Object.values(error.constraints ?? {}).join('; ');
  const shown = /PASSWORD|TOKEN|SECRET/.test(error.property)
    ? '<hidden>'
    : JSON.stringify(raw[error.property]);
  return `${messages} (got ${shown})`;
}

/**
 * Reads and validates the settings. Later sources win: defaults, then `env`, then `overrides`.
 * Throws {@link ConfigError} on the first invalid variable.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: ConfigOverrides = {},
): AppConfig {
  const raw = { ...pickSettings(env), ...overrides };
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(`Invalid setting ${errors[0].property}: ${describe(errors[0], raw)}`);
  }
  return config;
}

/** For a process's entry point: a bad setting ends the process with one line naming it. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
