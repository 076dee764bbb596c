import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { analyzeLabelConfig } from '@ls/projects';
import { converterItems, ExportTask } from '../../src/lib/export/formats/converter-items';
import { exportConfigFromControls } from '../../src/lib/export/formats/export-config';
import {
  ConversionContext,
  ConverterItem,
  ExportConfig,
  ExportOutput,
  MediaFile,
  MediaResolver,
} from '../../src/lib/export/formats/export-format';

/** The export config of a label config, as the export reads it from the project. */
export function exportConfigOf(labelConfig: string): ExportConfig {
  return exportConfigFromControls(analyzeLabelConfig(labelConfig).parsed_label_config);
}

/** Converter items of tasks, read afresh at each call, as the export's file gives them. */
export function itemsOf(
  tasks: ExportTask[],
  config: ExportConfig,
): () => AsyncIterable<ConverterItem> {
  return () => converterItems(structuredClone(tasks), config);
}

/** An output that keeps what a converter writes, by path. */
export class MemoryOutput implements ExportOutput {
  readonly files = new Map<string, Buffer>();

  async add(path: string, content: string | Buffer | Readable): Promise<void> {
    if (this.files.has(path)) throw new Error(`${path} written twice`);
    const bytes =
      typeof content === 'string'
        ? Buffer.from(content)
        : Buffer.isBuffer(content)
          ? content
          : await buffer(content);
    this.files.set(path, bytes);
  }

  text(path: string): string {
    const bytes = this.files.get(path);
    if (!bytes)
      throw new Error(`${path} not written (written: ${[...this.files.keys()].join(', ')})`);
    return bytes.toString('utf8');
  }
}

/** Media from a map of URL → bytes; anything else cannot be read. */
export function mediaOf(files: Record<string, Buffer> = {}): MediaResolver & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    async open(url: string): Promise<MediaFile | null> {
      opened.push(url);
      const bytes = Object.hasOwn(files, url) ? files[url] : undefined;
      if (!bytes) return null;
      return {
        name: decodeURIComponent(url.split('?')[0].split('/').pop() ?? ''),
        content: Readable.from([bytes]),
      };
    },
  };
}

export function contextOf(
  config: ExportConfig,
  options: Partial<Omit<ConversionContext, 'config'>> = {},
): ConversionContext {
  return {
    config,
    projectId: 3,
    downloadResources: false,
    media: mediaOf(),
    now: new Date('2024-05-01T10:10:00.000Z'),
    ...options,
  };
}
