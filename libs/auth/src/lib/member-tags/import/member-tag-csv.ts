import Papa from 'papaparse';
import { MEMBER_TAG_LABEL_MAX_LENGTH } from '../../entities/organization-member-tag.entity';

/** One row of a member tag CSV: a member's email and the labels to put on them. */
export interface MemberTagRow {
  email: string;
  tags: string[];
}

/** What is wrong with a CSV file or a label list, said for the person who made it. */
export class MemberTagCsvError extends Error {
  override readonly name = 'MemberTagCsvError';
}

const REQUIRED_COLUMNS = ['email', 'tags'] as const;

function checkedLabel(label: string, where: string): string {
  if (label.length > MEMBER_TAG_LABEL_MAX_LENGTH) {
    throw new MemberTagCsvError(
      `${where}: tag "${label.slice(0, 40)}…" is longer than ${MEMBER_TAG_LABEL_MAX_LENGTH} characters`,
    );
  }
  return label;
}

/** The pieces of a comma-separated list; a piece may be in double quotes (`""` is a quote). */
function listPieces(text: string, where: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') current += char;
      else if (text[i + 1] === '"') current += text[i++];
      else quoted = false;
    } else if (char === '"' && current.trim() === '') {
      current = '';
      quoted = true;
    } else if (char === ',') {
      pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) throw new MemberTagCsvError(`${where}: a quoted tag is not closed`);
  pieces.push(current);
  return pieces;
}

/**
 * Labels written as a comma-separated list, a label with a comma in double quotes
 * (`team a, "lang, en"`); surrounding spaces dropped, each label once.
 */
export function labelsOfList(text: string, where = 'Tags'): string[] {
  const labels = listPieces(text, where)
    .map((label) => label.trim())
    .filter((label) => label !== '');
  return [...new Set(labels)].map((label) => checkedLabel(label, where));
}

/**
 * The rows of a member tag CSV: a header with `email` and `tags` columns (any case, any order,
 * other columns ignored), then one member per row. Rows without an email are left out.
 */
export function parseMemberTagCsv(text: string): MemberTagRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ',',
    skipEmptyLines: 'greedy',
  });
  const quoting = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoting) {
    throw new MemberTagCsvError(
      `Can't parse the CSV file: ${quoting.message} (row ${(quoting.row ?? 0) + 1})`,
    );
  }
  const [header, ...records] = parsed.data;
  if (!header) throw new MemberTagCsvError('The CSV file is empty');
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new MemberTagCsvError(
      `The CSV file must contain the columns email and tags; missing: ${missing.join(', ')}`,
    );
  }
  const emailColumn = names.indexOf('email');
  const tagsColumn = names.indexOf('tags');
  const rows: MemberTagRow[] = [];
  records.forEach((record, index) => {
    const email = (record[emailColumn] ?? '').trim();
    if (email === '') return;
    rows.push({ email, tags: labelsOfList(record[tagsColumn] ?? '', `Row ${index + 2}`) });
  });
  return rows;
}
