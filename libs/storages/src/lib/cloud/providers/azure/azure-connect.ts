import { StorageSharedKeyCredential } from '@azure/storage-blob';
import { StorageConnectionError } from '../storage-provider';
import { AzureConnection, AzureConnectionOptions, checkAzureSettings } from './azure-connection';
import { AzureAgents } from './azure-http';
import type { AzureSettings } from './azure-settings';

/**
 * An `azure` storage's connection: the account's shared key. Throws `StorageConnectionError`
 * for unusable settings.
 */
export function connectAzure(
  settings: AzureSettings,
  options: AzureConnectionOptions,
): AzureConnection {
  const container = checkAzureSettings(settings);
  const { account_name: name, account_key: key } = settings;
  if (!name || !key) {
    throw new StorageConnectionError(
      'Azure account name and key must be set using account_name and account_key fields.',
    );
  }
  return new AzureConnection({ ...settings, container, account_name: name }, options, {
    credential: new StorageSharedKeyCredential(name, key),
    agents: new AzureAgents(options.guard, { extraCa: options.extraCa }),
  });
}
