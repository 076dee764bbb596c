import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GcsResponder, startGcsResponder } from '../../support/gcs-responder';
import { GoogleWifResponder, startGoogleWifResponder } from '../../support/google-wif-responder';

export const WIF_PROJECT_NUMBER = '123456789012';
export const WIF_POOL = 'label-studio-pool';
export const WIF_PROVIDER = 'oidc-provider';
export const WIF_AUDIENCE = `//iam.googleapis.com/projects/${WIF_PROJECT_NUMBER}/locations/global/workloadIdentityPools/${WIF_POOL}/providers/${WIF_PROVIDER}`;
export const WIF_ACCOUNT = 'bucket-reader@test-project.iam.gserviceaccount.com';

/** The settings of a storage federated as the fixture's account. */
export const wifFields = {
  google_project_number: WIF_PROJECT_NUMBER,
  google_wif_pool_id: WIF_POOL,
  google_wif_provider_id: WIF_PROVIDER,
  google_service_account_email: WIF_ACCOUNT,
};

export interface WifFixture {
  wif: GoogleWifResponder;
  gcs: GcsResponder;
  /** The server's subject token file (`GCS_WIF_SUBJECT_TOKEN_FILE`). */
  tokenFile: string;
  /** Writes a new subject token to the file and makes STS accept only it. */
  rotateSubjectToken(token: string): void;
  stop(): Promise<void>;
}

/**
 * Google's STS and IAM Credentials for one workload identity pool provider and service account,
 * and a GCS whose signed URLs are checked with that account's Google-managed key.
 */
export async function startWifFixture(buckets: string[]): Promise<WifFixture> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const directory = mkdtempSync(join(tmpdir(), 'gcswif-'));
  const tokenFile = join(directory, 'token');
  const firstToken = 'eyJhbGciOiJSUzI1NiJ9.first-subject-token.signature';
  writeFileSync(tokenFile, `${firstToken}\n`);
  const wif = await startGoogleWifResponder({
    audience: WIF_AUDIENCE,
    subjectToken: firstToken,
    serviceAccountEmail: WIF_ACCOUNT,
    signingKey: privateKey,
  });
  const gcs = await startGcsResponder({
    publicKey,
    clientEmail: WIF_ACCOUNT,
    buckets,
    acceptToken: (token) => wif.acceptsAccessToken(token),
  });
  return {
    wif,
    gcs,
    tokenFile,
    rotateSubjectToken(token) {
      writeFileSync(tokenFile, token);
      wif.rotate(token);
    },
    async stop() {
      await Promise.all([wif.stop(), gcs.stop()]);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
