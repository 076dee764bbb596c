import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ServerSecrets } from './server-secrets.service';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Secrets kept at rest (a legacy key's copy, later storage credentials) sealed with AES-256-GCM
 * under a key derived from the server secret (`SECRET_KEY`, or the random key kept in the
 * database). Changing `SECRET_KEY` makes earlier seals unreadable: `open` then gives null.
 */
@Injectable()
export class SecretBox {
  private key?: Promise<Buffer>;

  constructor(private readonly secrets: ServerSecrets) {}

  async seal(plaintext: string): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', await this.sealingKey(), iv);
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${VERSION}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  /** The sealed text, or null when it was sealed under another key or is damaged. */
  async open(sealed: string): Promise<string | null> {
    const [version, iv, body] = sealed.split(':');
    if (version !== VERSION || !iv || !body) return null;
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        await this.sealingKey(),
        Buffer.from(iv, 'base64url'),
      );
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      return null;
    }
  }

  private sealingKey(): Promise<Buffer> {
    this.key ??= this.secrets
      .serverKey()
      .then((secret) =>
        Buffer.from(
          hkdfSync('sha256', secret, Buffer.alloc(0), 'label-studio-server secret-box', 32),
        ),
      )
      .catch((error: unknown) => {
        this.key = undefined;
        throw error;
      });
    return this.key;
  }
}
