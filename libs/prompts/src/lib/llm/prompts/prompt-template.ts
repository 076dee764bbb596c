/** A template's text cut into literal parts and `{field}` placeholders. */
export type TemplatePart = { text: string } | { field: string };

/** Why a template cannot be read: an unclosed `{`, a lone `}` or an empty `{}`. */
export class TemplateSyntaxError extends Error {}

/**
 * Reads a prompt template: `{name}` is the task data field `name`; `{{` and `}}` are a literal
 * brace (as Python's `str.format`, which Label Studio's templates follow).
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    const next = template[index + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      text += char;
      index += 2;
      continue;
    }
    if (char === '}') {
      throw new TemplateSyntaxError(
        `A single "}" at position ${index}: write "}}" for a literal brace.`,
      );
    }
    if (char !== '{') {
      text += char;
      index += 1;
      continue;
    }
    const end = template.indexOf('}', index + 1);
    if (end < 0) {
      throw new TemplateSyntaxError(
        `The "{" at position ${index} is not closed: write "{{" for a literal brace.`,
      );
    }
    const field = template.slice(index + 1, end).trim();
    if (!field || field.includes('{')) {
      throw new TemplateSyntaxError(
        `The placeholder at position ${index} names no field: write {field}, or "{{" for a brace.`,
      );
    }
    if (text) parts.push({ text });
    text = '';
    parts.push({ field });
    index = end + 1;
  }
  if (text) parts.push({ text });
  return parts;
}

/** The fields a template's placeholders name, each once, in order of first use. */
export function templateFields(template: string): string[] {
  const fields = new Set<string>();
  for (const part of parseTemplate(template)) if ('field' in part) fields.add(part.field);
  return [...fields];
}

/** The template with each placeholder replaced by `values[field]` (text as is, else JSON). */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return parseTemplate(template)
    .map((part) => {
      if ('text' in part) return part.text;
      const value = values[part.field];
      return typeof value === 'string' ? value : JSON.stringify(value ?? null);
    })
    .join('');
}
