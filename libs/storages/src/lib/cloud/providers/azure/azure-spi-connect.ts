import { ClientSecretCredential } from '@azure/identity';
import { StorageConnectionError } from '../storage-provider';
import {
  accountUrl,
  AzureConnection,
  AzureConnectionOptions,
  checkAzureSettings,
} from './azure-connection';
import { AzureAgents } from './azure-http';
import { authorityHostOf, IdentityTransport } from './azure-identity-http';
import { identityError } from './azure-identity-errors';
import type { AzureSpiSettings } from './azure-settings';
import { SharedTokenCredential } from './azure-shared-tokens';

export interface AzureSpiConnectionOptions extends AzureConnectionOptions {
  /** `AZURE_AUTHORITY_HOST`: Entra ID's authority host; '' for Azure's public cloud. */
  authorityHost: string;
}

/** Entra ID's tenant ids: a GUID or a domain name; they become a path segment of the authority. */
const TENANT_ID = /^[0-9a-zA-Z-.]{1,256}$/;

/**
 * An `azure_spi` storage's connection: bearer tokens of a service principal (client secret
 * grant of Microsoft Entra ID), kept until shortly before they expire and shared with the other
 * connections of the same principal. Throws `StorageConnectionError` for unusable settings.
 */
export function connectAzureSpi(
  settings: AzureSpiSettings,
  options: AzureSpiConnectionOptions,
): AzureConnection {
  const container = checkAzureSettings(settings);
  const { account_name: name, tenant_id: tenant, client_id: clientId } = settings;
  const secret = settings.client_secret;
  if (!name || !tenant || !clientId || !secret) {
    throw new StorageConnectionError(
      'Azure account name, tenant ID, client ID and client secret must be set using account_name, tenant_id, client_id and client_secret fields.',
    );
  }
  if (!TENANT_ID.test(tenant) || tenant.includes('..')) {
    throw new StorageConnectionError(
      `Invalid tenant ID "${tenant}": the directory (tenant) ID or domain of Microsoft Entra ID`,
    );
  }
  const authority = authorityHostOf(options.authorityHost);
  if (!authority) {
    throw new StorageConnectionError(
      `Invalid Microsoft Entra ID authority host "${options.authorityHost}": an https:// URL`,
    );
  }
  if (!accountUrl(options.endpoint, name).startsWith('https:')) {
    throw new StorageConnectionError(
      'Azure Blob Storage takes service principal tokens over HTTPS only: the Blob endpoint must be an https:// URL',
    );
  }
  const agents = new AzureAgents(options.guard, { extraCa: options.extraCa });
  const transport = new IdentityTransport(agents.https, options.requestTimeoutMs);
  const credential = new SharedTokenCredential(
    new ClientSecretCredential(tenant, clientId, secret, transport.credentialOptions(authority)),
    [authority, tenant, clientId, secret],
  );
  return new AzureConnection({ ...settings, container, account_name: name }, options, {
    credential,
    agents,
    credentialError: (error) => identityError(error, { authority, transport, secret }),
  });
}
