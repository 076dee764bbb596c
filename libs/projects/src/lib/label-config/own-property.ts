/**
 * `record[key] = value` for keys that come from the config: `__proto__` is defined as an own
 * property, since assigning it would replace the record's prototype instead.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true });
  } else {
    record[key] = value;
  }
}
