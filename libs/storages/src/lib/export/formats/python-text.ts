/**
 * How Python writes values the SDK converter puts in text files, so those files read the same.
 */

/** `repr(float)`: shortest round-trip digits, `.0` on whole numbers, exponent below 1e-4 or from 1e16. */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** `os.path.splitext(name)[0]`: the name without its last extension; leading dots are no extension. */
export function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(name.slice(0, dot))) return name;
  return name.slice(0, dot);
}

/** Python's `sorted()` of strings: by code point, not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = (left[index].codePointAt(0) ?? 0) - (right[index].codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** Python's `str(datetime)` of a UTC moment: microseconds only when there are any. */
export function pythonDateTime(date: Date): string {
  const seconds = date.toISOString().slice(0, 19).replace('T', ' ');
  const milliseconds = date.getUTCMilliseconds();
  return milliseconds === 0
    ? seconds
    : `${seconds}.${String(milliseconds * 1000).padStart(6, '0')}`;
}
