import type { ExportOutput } from '../export-format';

/**
 * Writes one file per path where the SDK rewrites a file for every annotation of a task: the
 * items of a task come one after another, so the file is held until the path changes and the
 * last rewrite wins. A path seen again later (another task with the same image name) keeps its
 * first content: an archive cannot rewrite a file.
 */
export class GroupedFileWriter {
  private pending: { path: string; content: string } | null = null;
  private readonly written = new Set<string>();

  constructor(private readonly output: ExportOutput) {}

  /** Offers content for a path; `replace` false only creates the file when it has none yet. */
  async offer(path: string, content: string, replace: boolean): Promise<void> {
    if (this.pending?.path === path) {
      if (replace) this.pending.content = content;
      return;
    }
    await this.flush();
    if (!this.written.has(path)) this.pending = { path, content };
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    const { path, content } = this.pending;
    this.pending = null;
    this.written.add(path);
    await this.output.add(path, content);
  }
}
