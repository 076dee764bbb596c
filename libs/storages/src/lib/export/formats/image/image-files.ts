import { buffer } from 'node:stream/consumers';
import { imageSize } from 'image-size';
import type { ConversionContext, ConverterItem, ExportOutput } from '../export-format';

/** The image URL of an item; of an image list, the last one (as the SDK's YOLO export). */
export function imageUrlOf(item: ConverterItem, dataKey: string | undefined): string | null {
  const value = dataKey === undefined ? undefined : item.input[dataKey];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const urls = value.filter((entry): entry is string => typeof entry === 'string');
    return urls.at(-1) ?? null;
  }
  return null;
}

/** The file name of a media URL: local-files' `d` path, else the URL path's last segment. */
export function imageBasename(url: string): string {
  const localFile = /[?&]d=([^&#]*)/.exec(url);
  const path = localFile && url.startsWith('/data/') ? localFile[1] : url.split(/[?#]/)[0];
  const last = path.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Cloud storage URIs, which the SDK does not fall back to when a download fails. */
export function isCloudStorageUri(url: string): boolean {
  return /^(s3|gs|azure-blob):/.test(url);
}

export interface ImageSize {
  width: number;
  height: number;
  /** Colour channels (bands) of the image, as Pillow counts them. */
  channels: number;
}

/** An image an item refers to, once the converter tried to copy it into the archive. */
export interface FetchedImage {
  /** The file name in `images/`. */
  name: string;
  /** Whether the file is in the archive. */
  downloaded: boolean;
  /** Read from the file's bytes when it was downloaded and could be decoded. */
  size: ImageSize | null;
}

/**
 * Copies items' images into `images/` when the export downloads resources: each file once
 * (an image shared by several items is written once), its size read from its bytes.
 */
export class ImageFetcher {
  private readonly written = new Set<string>();
  private last: { url: string; image: FetchedImage } | null = null;

  constructor(
    private readonly context: ConversionContext,
    private readonly output: ExportOutput,
  ) {}

  async fetch(url: string): Promise<FetchedImage> {
    if (this.last?.url === url) return this.last.image;
    const image = this.context.downloadResources
      ? await this.download(url)
      : { name: imageBasename(url), downloaded: false, size: null };
    this.last = { url, image };
    return image;
  }

  private async download(url: string): Promise<FetchedImage> {
    const file = await this.context.media.open(url);
    if (!file) return { name: imageBasename(url), downloaded: false, size: null };
    const bytes = await buffer(file.content);
    const path = `images/${file.name}`;
    if (!this.written.has(path)) {
      this.written.add(path);
      await this.output.add(path, bytes);
    }
    return { name: file.name, downloaded: true, size: sizeOf(bytes) };
  }
}

function sizeOf(bytes: Buffer): ImageSize | null {
  try {
    const { width, height } = imageSize(bytes);
    return { width, height, channels: channelsOf(bytes) };
  } catch {
    return null;
  }
}

const PNG_CHANNELS_BY_COLOR_TYPE: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Channels of a PNG (its colour type) or JPEG (its frame's components); 3 otherwise. */
export function channelsOf(bytes: Buffer): number {
  if (bytes.length > 25 && bytes.readUInt32BE(0) === 0x89504e47) {
    return PNG_CHANNELS_BY_COLOR_TYPE[bytes[25]] ?? 3;
  }
  if (bytes.length > 2 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegComponents(bytes);
  return 3;
}

function jpegComponents(bytes: Buffer): number {
  let offset = 2;
  while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1];
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isStartOfFrame) return bytes[offset + 9];
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return 3;
}
