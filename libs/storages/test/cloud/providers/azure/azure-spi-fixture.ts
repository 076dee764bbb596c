import { Agent, request as httpsRequest } from 'node:https';
import { IncomingMessage } from 'node:http';
import { BlobServiceClient, newPipeline, StorageSharedKeyCredential } from '@azure/storage-blob';
import { AZURITE_ACCOUNT, AzuriteServer, startAzurite } from '../../support/azurite-server';
import {
  EntraApplication,
  EntraResponder,
  startEntraResponder,
} from '../../support/entra-responder';
import { makeTestTls, TestTls } from '../../support/test-tls';

/** The service principal the tests sign in as. */
export const SPI_APP: EntraApplication = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '0f4e2b1c-3a5d-4c6e-8f70-1a2b3c4d5e6f',
  clientSecret: 'Xy8Q~not-a-real-secret-but-long-enough.1234',
  objectId: '6d3c1b2a-0f9e-4d8c-b7a6-958473625140',
};

/**
 * More principals of the same tenant. Tokens are shared by every connection of a principal, so
 * a test counting token requests signs in as one no other test has used.
 */
export const OTHER_APPS: EntraApplication[] = Array.from({ length: 4 }, (_, n) => ({
  tenantId: SPI_APP.tenantId,
  clientId: `0f4e2b1c-3a5d-4c6e-8f70-00000000000${n}`,
  clientSecret: `Other~secret-of-application-${n}`,
  objectId: `6d3c1b2a-0f9e-4d8c-b7a6-00000000000${n}`,
}));

/**
 * What the `azure_spi` tests run against: azurite over HTTPS taking bearer tokens
 * (`--oauth basic`), an Entra ID responder handing them out, both with a certificate of a test
 * CA (what `STORAGE_CA_FILE` would trust).
 */
export interface SpiWorld {
  tls: TestTls;
  azurite: AzuriteServer;
  entra: EntraResponder;
  /** An agent trusting the test CA, for the test's own requests (SAS downloads). */
  agent: Agent;
  /** Creates containers with the account key (what the account's owner would do). */
  createContainers(...names: string[]): Promise<void>;
  /** GET (or another method) on a URL of the test servers. */
  request(url: string, method?: string, body?: string): Promise<{ status: number; body: Buffer }>;
  stop(): Promise<void>;
}

export async function startSpiWorld(): Promise<SpiWorld> {
  const tls = makeTestTls();
  const azurite = await startAzurite({ https: tls, oauth: true });
  const entra = await startEntraResponder({ tls, applications: [SPI_APP, ...OTHER_APPS] });
  const agent = new Agent({ ca: tls.ca, keepAlive: false });
  const pipeline = newPipeline(
    new StorageSharedKeyCredential(AZURITE_ACCOUNT.name, AZURITE_ACCOUNT.key),
  );
  pipeline.factories.push({
    create: (next) => ({
      sendRequest: (request) => {
        request.agent = agent;
        return next.sendRequest(request);
      },
    }),
  });
  const admin = new BlobServiceClient(
    azurite.endpoint.replace('{account}', AZURITE_ACCOUNT.name),
    pipeline,
  );
  return {
    tls,
    azurite,
    entra,
    agent,
    createContainers: async (...names) => {
      for (const name of names) await admin.getContainerClient(name).createIfNotExists();
    },
    request: (url, method = 'GET', body) =>
      new Promise((resolve, reject) => {
        const headers = body ? { 'x-ms-blob-type': 'BlockBlob' } : {};
        const sent = httpsRequest(url, { agent, method, headers }, (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }),
          );
          response.on('error', reject);
        });
        sent.on('error', reject);
        sent.end(body);
      }),
    stop: async () => {
      agent.destroy();
      await entra.stop();
      await azurite.stop();
      tls.remove();
    },
  };
}
