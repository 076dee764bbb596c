/**
 * The pages' Content-Security-Policy: scripts, styles, fonts and every request only from this
 * server, so the frontend bundles can talk to nothing else. No inline script at all (page data
 * travels in `application/json` blocks). `'unsafe-eval'` because the data manager's table reads
 * every cell's value with `new Function` (without it every cell is empty and the list crashes);
 * it runs code the bundle builds, never a script from elsewhere. The editor compiles WebAssembly
 * (audio decoding) and its components set inline styles; images and media may be blobs and data
 * URLs it creates.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
