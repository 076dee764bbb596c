import { randomBytes } from 'node:crypto';

/** A legacy API key: 40 hex characters, as Label Studio's (Django REST framework) keys are. */
export const newLegacyKey = () => randomBytes(20).toString('hex');

/** What a key may look like: ours are 40 hex characters; LABEL_STUDIO_USER_TOKEN may be any such word. */
export const LEGACY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** The secret part of an organization's invite link. */
export const newInviteToken = () => randomBytes(24).toString('base64url');
