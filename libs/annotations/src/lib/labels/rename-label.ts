const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const samePath = (a: unknown, b: string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * `result` with `oldLabel` replaced by `newLabel` in the items of control `fromName`; the same
 * array when nothing matched. A label is one name (`["Cat"]`) or a taxonomy path.
 */
export function renameInResult(
  result: unknown[] | null,
  fromName: string,
  oldLabel: string[],
  newLabel: string[],
): unknown[] | null {
  if (!result) return result;
  let changed = false;
  const renamed = result.map((item) => {
    if (!isObject(item) || item.from_name !== fromName || !isObject(item.value)) return item;
    const type = String(item.type);
    const values = Object.hasOwn(item.value, type) ? item.value[type] : undefined;
    if (!Array.isArray(values)) return item;
    const next = values.map((value) => {
      if (oldLabel.length === 1 && value === oldLabel[0]) return newLabel[newLabel.length - 1];
      if (samePath(value, oldLabel)) return newLabel;
      return value;
    });
    if (next.every((value, i) => value === values[i])) return item;
    changed = true;
    return { ...item, value: { ...item.value, [type]: next } };
  });
  return changed ? renamed : result;
}
