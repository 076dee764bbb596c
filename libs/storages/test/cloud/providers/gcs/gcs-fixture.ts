import { generateKeyPairSync, KeyObject } from 'node:crypto';

export interface ServiceAccountFixture {
  clientEmail: string;
  publicKey: KeyObject;
  /** The key file's JSON text, as `google_application_credentials` takes it. */
  credentials(tokenUri: string): string;
}

/** A service account with a fresh RSA key pair; its key file points at the test's token URI. */
export function serviceAccount(): ServiceAccountFixture {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'label-studio@test-project.iam.gserviceaccount.com';
  return {
    clientEmail,
    publicKey,
    credentials: (tokenUri) =>
      JSON.stringify({
        type: 'service_account',
        project_id: 'test-project',
        private_key_id: 'key-1',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        client_email: clientEmail,
        client_id: '1234567890',
        token_uri: tokenUri,
      }),
  };
}
