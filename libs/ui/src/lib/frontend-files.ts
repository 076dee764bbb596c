import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the files the pages load live: the Label Studio frontend build (`label-studio-frontend`,
 * pinned in package.json: data manager under `dm/`, editor under `lsf/`) and this library's own
 * scripts and styles (`assets/`, beside the compiled code once built, in the library in sources).
 */
export interface FrontendFiles {
  /** `dist` of the frontend package: `dm/js/main.js`, `lsf/js/main.js`, their CSS... */
  bundles: string;
  /** This library's own scripts and stylesheet. */
  own: string;
}

export function locateFrontendFiles(): FrontendFiles {
  const bundles = join(dirname(require.resolve('label-studio-frontend/package.json')), 'dist');
  const candidates = [join(__dirname, '..', 'assets'), join(__dirname, '..', '..', 'assets')];
  const own = candidates.find((path) => existsSync(join(path, 'ui.css')));
  if (!own) throw new Error(`The UI's assets are missing (looked in ${candidates.join(', ')})`);
  return { bundles, own };
}

/** A file path inside a served folder: plain segments only, no traversal, no hidden files. */
export function isServablePath(path: string): boolean {
  return (
    /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/.test(path) &&
    !path.split('/').some((segment) => segment.startsWith('.'))
  );
}
