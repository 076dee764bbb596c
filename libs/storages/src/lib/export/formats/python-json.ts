import { pythonFloat } from './python-text';

/**
 * JSON text as Python's `json.dump` writes it, for formats whose files Label Studio's SDK writes
 * with it: `", "`/`": "` separators without indent, `","` plus newlines with one, Python's float
 * repr for values wrapped in {@link PyFloat}, and optional ASCII-only escaping.
 */

/** A number Python holds as a float (written `80.0`, not `80`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type PyJsonValue =
  string | number | boolean | null | PyFloat | PyJsonValue[] | { [key: string]: PyJsonValue };

export interface PyJsonOptions {
  /** Spaces per level; none writes everything on one line. */
  indent?: number;
  /** Escape every character outside printable ASCII (`json.dump`'s default `ensure_ascii=True`). */
  ensureAscii: boolean;
  /** The nesting level the value starts at (to write one element of a larger document). */
  level?: number;
}

export function pyJson(value: PyJsonValue, options: PyJsonOptions): string {
  return write(value, options, options.level ?? 0);
}

function write(value: PyJsonValue, options: PyJsonOptions, level: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (typeof value === 'string') return pyString(value, options.ensureAscii);
  if (value instanceof PyFloat) return pyFloat(value.value);
  const entries = Array.isArray(value)
    ? value.map((element) => write(element, options, level + 1))
    : Object.entries(value).map(
        ([key, element]) =>
          `${pyString(key, options.ensureAscii)}: ${write(element, options, level + 1)}`,
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  if (options.indent === undefined) return open + entries.join(', ') + close;
  const inner = '\n' + ' '.repeat(options.indent * (level + 1));
  const outer = '\n' + ' '.repeat(options.indent * level);
  return open + inner + entries.join(',' + inner) + outer + close;
}

/** A float as `json.dump` writes it: `repr`, but `NaN` and `Infinity` as JavaScript spells them. */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return pythonFloat(value);
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function pyString(text: string, ensureAscii: boolean): string {
  if (!ensureAscii) return JSON.stringify(text);
  let quoted = '"';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const code = text.charCodeAt(index);
    if (Object.hasOwn(SHORT_ESCAPES, char)) quoted += SHORT_ESCAPES[char];
    else if (code < 0x20 || code > 0x7e) quoted += '\\u' + code.toString(16).padStart(4, '0');
    else quoted += char;
  }
  return quoted + '"';
}
