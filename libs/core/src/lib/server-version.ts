import { version as packageVersion } from '../../../../package.json';

/**
 * The Label Studio release whose API this server implements (what clients compare against),
 * and this server's own version.
 */
export const SERVER_VERSION = {
  release: '1.22.0',
  server: packageVersion,
} as const;
