import { ConverterItem, OutputValue } from '../export-format';

/**
 * A control's values as the flat formats show them (Label Studio's `prettify_result`): without
 * `type`; one Choices value with one choice, or one TextArea value with one text, as that string.
 */
export function prettifiedValues(values: OutputValue[]): unknown {
  let lastType: string | undefined;
  const pretty = values.map(({ type, ...value }) => {
    lastType = type;
    const single =
      type === 'Choices' ? value['choices'] : type === 'TextArea' ? value['text'] : null;
    return Array.isArray(single) && single.length === 1 ? single[0] : value;
  });
  return pretty.length === 1 && (lastType === 'Choices' || lastType === 'TextArea')
    ? pretty[0]
    : pretty;
}

/**
 * The annotation columns every flat record ends with; the annotator as its email when the export
 * expanded users, else its id (a number in JSON_MIN, text in CSV).
 */
export function annotationFields(item: ConverterItem, annotatorAsNumber: boolean) {
  return {
    annotator: annotatorOf(item, annotatorAsNumber),
    annotation_id: item.annotation_id,
    created_at: item.created_at,
    updated_at: item.updated_at,
    lead_time: item.lead_time,
  };
}

function annotatorOf(item: ConverterItem, asNumber: boolean): string | number | null {
  const annotator = item.completed_by;
  // An item without an annotation has none (Label Studio: an empty object, so no email).
  if (annotator === null) return null;
  if (typeof annotator === 'object') return annotator.email ?? null;
  if (typeof annotator === 'number' && asNumber) return annotator;
  return String(annotator);
}
