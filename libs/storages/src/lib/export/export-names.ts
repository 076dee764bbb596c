/** `YYYY-MM-DD-HH-MM` of a moment, in UTC, as Label Studio names exports. */
export function exportMinute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', '-').replace(':', '-');
}

/** `project-<id>-at-<YYYY-MM-DD-HH-MM>-<md5[:8]>`: the name of an export's files. */
export function exportFileName(projectId: number, at: Date, md5: string): string {
  return `project-${projectId}-at-${exportMinute(at)}-${md5.slice(0, 8)}`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.conll': 'text/plain',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.npy': 'application/octet-stream',
};

export const contentTypeOf = (extension: string) =>
  CONTENT_TYPES[extension] ?? 'application/octet-stream';
