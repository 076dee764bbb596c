import { canonicalJson as canonical, isJsonObject as isObject } from '@ls/core';

/** What a result says, without region ids and item order (which differ between annotators). */
function essence(result: unknown[] | null): string {
  const items = (result ?? []).map((item) => {
    if (!isObject(item)) return canonical(item);
    const { id: _id, parentID: _parent, ...rest } = item;
    return canonical(rest);
  });
  return JSON.stringify(items.sort());
}

/**
 * Agreement of a task's completed annotations: the share of annotation pairs whose results say
 * the same thing, as a percentage; null with fewer than two annotations.
 */
export function taskAgreement(results: (unknown[] | null)[]): number | null {
  if (results.length < 2) return null;
  const essences = results.map(essence);
  let pairs = 0;
  let agreeing = 0;
  for (let i = 0; i < essences.length; i += 1) {
    for (let j = i + 1; j < essences.length; j += 1) {
      pairs += 1;
      if (essences[i] === essences[j]) agreeing += 1;
    }
  }
  return (agreeing / pairs) * 100;
}
