import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { text } from 'node:stream/consumers';
import { S3RVER_CREDENTIALS } from '@ls/storages/testing';

export interface AssumeRoleCall {
  roleArn: string | null;
  externalId: string | null;
  roleSessionName: string | null;
  /** Access key id the request was signed with: whose credentials asked. */
  signedWith: string | null;
  /** When the credentials handed out expire; null when the call was refused. */
  expiration: Date | null;
}

export interface StsResponderOptions {
  /** Lifetime of the credentials handed out (`Expiration` = now + this). */
  durationSeconds: number;
  /** What AssumeRole hands out; default s3rver's pair, so the credentials work against it. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** When set, AssumeRole with another ExternalId is refused (403 AccessDenied), as a trust policy would. */
  requiredExternalId?: string;
}

export interface StsResponder {
  /** `http://127.0.0.1:<port>`, for the STS endpoint option. */
  endpoint: string;
  calls: AssumeRoleCall[];
  stop(): Promise<void>;
}

/** A stand-in for STS that answers AssumeRole (Query API) as AWS does and records the calls. */
export async function startStsResponder(options: StsResponderOptions): Promise<StsResponder> {
  const calls: AssumeRoleCall[] = [];
  const server = createServer((request, response) => {
    answer(request, response, options, calls).catch((error: Error) => {
      response.writeHead(500).end(error.message);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  options: StsResponderOptions,
  calls: AssumeRoleCall[],
) {
  const form = new URLSearchParams(await text(request));
  if (request.method !== 'POST' || form.get('Action') !== 'AssumeRole') {
    return sendXml(response, 400, errorXml('InvalidAction', 'Only AssumeRole is answered here'));
  }
  const call: AssumeRoleCall = {
    roleArn: form.get('RoleArn'),
    externalId: form.get('ExternalId'),
    roleSessionName: form.get('RoleSessionName'),
    signedWith: /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? null,
    expiration: null,
  };
  calls.push(call);
  if (options.requiredExternalId !== undefined && call.externalId !== options.requiredExternalId) {
    const message = `User is not authorized to perform: sts:AssumeRole on resource: ${call.roleArn}`;
    return sendXml(response, 403, errorXml('AccessDenied', message));
  }
  const credentials = options.credentials ?? S3RVER_CREDENTIALS;
  const expiration = new Date(Date.now() + options.durationSeconds * 1000);
  call.expiration = expiration;
  sendXml(
    response,
    200,
    `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>${xml(`${call.roleArn}/${call.roleSessionName}`)}</Arn>
      <AssumedRoleId>${xml(`AROATEST:${call.roleSessionName}`)}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${xml(credentials.accessKeyId)}</AccessKeyId>
      <SecretAccessKey>${xml(credentials.secretAccessKey)}</SecretAccessKey>
      <SessionToken>${randomBytes(24).toString('base64')}</SessionToken>
      <Expiration>${expiration.toISOString()}</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>
</AssumeRoleResponse>`,
  );
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error>
  <RequestId>${randomUUID()}</RequestId>
</ErrorResponse>`;
}

function sendXml(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { 'Content-Type': 'text/xml' }).end(body);
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
