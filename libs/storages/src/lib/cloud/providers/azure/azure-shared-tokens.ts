import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/** Service principals whose tokens are kept at once. */
const SHARED_PRINCIPALS = 1000;
/** A token is handed out again only while it has this long left (the SDK renews 2 min before). */
const MIN_REMAINING_MS = 5 * 60 * 1000;

/** Tokens by principal and scopes; keys are hashes, so no secret is kept in them. */
const tokens = new LRUCache<string, AccessToken>({ max: SHARED_PRINCIPALS });

/**
 * A credential whose tokens outlive its connection: a connection is opened for each sync, each
 * batch of exported annotations and each validation, and without this every one of them would
 * ask Entra ID for a token (which throttles). Tokens are shared by connections of the same
 * principal (authority, tenant, client id and secret alike) until shortly before they expire.
 */
export class SharedTokenCredential implements TokenCredential {
  private readonly principal: string;

  constructor(
    private readonly credential: TokenCredential,
    identity: readonly string[],
  ) {
    this.principal = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  }

  async getToken(
    scopes: string | string[],
    options?: GetTokenOptions,
  ): Promise<AccessToken | null> {
    const key = `${this.principal} ${[scopes].flat().join(' ')}`;
    const kept = tokens.get(key);
    if (kept && kept.expiresOnTimestamp - Date.now() > MIN_REMAINING_MS) return kept;
    // Asked by this connection's own agents; a request of another connection is not joined,
    // since closing that one would fail it.
    const token = await this.credential.getToken(scopes, options);
    if (token) tokens.set(key, token);
    return token;
  }
}
