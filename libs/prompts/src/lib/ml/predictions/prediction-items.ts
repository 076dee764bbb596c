/** One item of a `/predict` answer: a prediction of one task. */
export interface PredictionItem {
  result: unknown[];
  score: number | null;
  model_version: string | null;
}

/** The `results` of a `/predict` answer (`{"results": [...]}`, or the bare list), or null. */
export function resultsOf(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  const results = (body as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results : null;
}

/** A number the way Label Studio's `safe_float` reads one: anything else is null. */
function scoreOf(value: unknown): number | null {
  const score = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof score === 'number' && Number.isFinite(score) ? score : null;
}

/** The item as a prediction, or null when it has no `result` list (Label Studio skips it). */
export function predictionItemOf(item: unknown): PredictionItem | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const { result, score, model_version } = item as Record<string, unknown>;
  if (!Array.isArray(result)) return null;
  return {
    result,
    score: scoreOf(score),
    model_version: typeof model_version === 'string' && model_version !== '' ? model_version : null,
  };
}
