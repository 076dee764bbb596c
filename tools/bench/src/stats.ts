/** The value at `fraction` (0..1) of ascending `sorted` samples. */
export function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

export function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}
