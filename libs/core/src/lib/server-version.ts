import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** This server's version: the one of the workspace package.json above this file (src or dist). */
function workspaceVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'label-studio-server' && manifest.version) return manifest.version;
    }
  }
  return '0.0.0';
}

/**
 * The Label Studio release whose API this server implements (what clients compare against),
 * and this server's own version.
 */
export const SERVER_VERSION = {
  release: '1.22.0',
  server: workspaceVersion(),
} as const;
