import { createHash, randomBytes } from 'node:crypto';

/** A legacy API key: 40 hex characters, as Label Studio's (Django REST framework) keys are. */
export const newLegacyKey = () => randomBytes(20).toString('hex');

/**
 * What a key may look like: ours are 40 hex characters; LABEL_STUDIO_USER_TOKEN may be any such
 * word of at least 20 characters, so that no key is guessable by its length alone.
 */
export const LEGACY_KEY_PATTERN = /^[A-Za-z0-9_-]{20,40}$/;

/** The secret part of an organization's invite link or of one invitation. */
export const newInviteToken = () => randomBytes(24).toString('base64url');

/** How a secret token is stored and looked up: its SHA-256, hex. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The secret of a browser session (the `ls_session` cookie): 256 random bits. */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/** What a session token looks like; anything else is no session and never reaches the database. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
