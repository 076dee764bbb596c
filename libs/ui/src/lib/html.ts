/** Text made safe for HTML text and attribute values (quoted). */
export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A JSON value for a `<script type="application/json">` block: never executed (the page's
 * Content-Security-Policy allows no inline script), read by our scripts with `JSON.parse`.
 * `<` is escaped so no value can close the block.
 */
export function jsonBlock(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${escapeHtml(id)}">${json}</script>`;
}
