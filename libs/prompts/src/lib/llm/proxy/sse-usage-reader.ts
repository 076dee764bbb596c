import { StringDecoder } from 'node:string_decoder';

/**
 * Reads the `usage` object out of an OpenAI-style server-sent event stream as its bytes pass by
 * (the last chunk carries it when `stream_options.include_usage` was asked for).
 */
export class SseUsageReader {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private found: unknown = null;

  push(chunk: Buffer): void {
    this.pending += this.decoder.write(chunk);
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.read(line);
  }

  usage(): unknown {
    this.pending += this.decoder.end();
    if (this.pending) this.read(this.pending);
    this.pending = '';
    return this.found;
  }

  private read(line: string): void {
    const data = line.startsWith('data:') ? line.slice(5).trim() : '';
    if (!data || data === '[DONE]' || !data.includes('"usage"')) return;
    try {
      const event = JSON.parse(data) as { usage?: unknown };
      if (event.usage) this.found = event.usage;
    } catch {
      // Not a JSON event: nothing to count.
    }
  }
}
