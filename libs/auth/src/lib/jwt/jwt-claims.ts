import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';

export type TokenType = 'access' | 'refresh';

/** simplejwt's claims, so tokens look the same as Label Studio's. */
export interface JwtClaims {
  token_type: TokenType;
  exp: number;
  iat: number;
  jti: string;
  user_id: number;
}

/** Access tokens live 5 minutes, as simplejwt's default. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 5 * 60;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const ALGORITHM = 'HS256';

export function signToken(
  key: string,
  tokenType: TokenType,
  userId: number,
  lifetimeSeconds: number,
  now = new Date(),
): { token: string; claims: JwtClaims } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: JwtClaims = {
    token_type: tokenType,
    exp: iat + lifetimeSeconds,
    iat,
    jti: randomUUID().replace(/-/g, ''),
    user_id: userId,
  };
  return { token: jwt.sign(claims, key, { algorithm: ALGORITHM }), claims };
}

/** Checks signature, expiry and type; throws {@link InvalidTokenError} otherwise. */
export function verifyToken(key: string, token: string, expected: TokenType): JwtClaims {
  let claims: JwtClaims;
  try {
    claims = jwt.verify(token, key, { algorithms: [ALGORITHM] }) as JwtClaims;
  } catch (error) {
    throw new InvalidTokenError(
      error instanceof jwt.TokenExpiredError ? 'Token is expired' : 'Token is invalid',
    );
  }
  if (claims.token_type !== expected || typeof claims.user_id !== 'number' || !claims.jti) {
    throw new InvalidTokenError('Token has wrong type');
  }
  return claims;
}

/**
 * The claims of a token shown without its signature (as the token list shows them): only good
 * for naming a token its owner wants to revoke, never for authenticating.
 */
export function readTruncatedToken(token: string): Pick<JwtClaims, 'jti' | 'user_id'> {
  const [, payload] = token.split('.');
  try {
    const claims = JSON.parse(
      Buffer.from(payload ?? '', 'base64url').toString('utf8'),
    ) as JwtClaims;
    if (typeof claims.jti === 'string' && typeof claims.user_id === 'number') return claims;
  } catch {
    // falls through to the error below
  }
  throw new InvalidTokenError('Token is invalid');
}

/** `header.payload` of a JWT. */
export const truncate = (token: string) => token.split('.').slice(0, 2).join('.');
