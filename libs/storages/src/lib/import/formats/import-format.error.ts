/**
 * An uploaded file that cannot be turned into task items. The message is meant for the user
 * (it names the file, and the line when there is one); callers answer it as a 400.
 */
export class ImportFormatError extends Error {
  override readonly name = 'ImportFormatError';
}
