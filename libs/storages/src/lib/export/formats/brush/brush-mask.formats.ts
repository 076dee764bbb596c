import { ConverterItem, ExportFormat, ExportOutput } from '../export-format';
import { brushLayersOf, supportsBrush } from './brush-layers';
import { npyFile, pngFile } from './mask-files';

type MaskFile = (mask: Uint8Array, width: number, height: number) => Buffer;

/** One file per brush region of each item, at the top of the archive (as the SDK writes). */
async function writeMasks(
  items: AsyncIterable<ConverterItem>,
  output: ExportOutput,
  extension: string,
  fileOf: MaskFile,
): Promise<void> {
  for await (const item of items) {
    for (const layer of brushLayersOf(item)) {
      await output.add(
        `${layer.fileStem}.${extension}`,
        fileOf(layer.mask, layer.width, layer.height),
      );
    }
  }
}

export const BRUSH_TO_NUMPY_FORMAT: ExportFormat = {
  name: 'BRUSH_TO_NUMPY',
  title: 'Brush labels to NumPy',
  description: 'Export your brush labels as NumPy 2d arrays. Each label outputs as one image.',
  link: 'https://labelstud.io/guide/export.html#Brush-labels-to-NumPy-amp-PNG',
  tags: ['image segmentation'],
  supports: supportsBrush,
  convert: (items, _context, output) => writeMasks(items(), output, 'npy', npyFile),
};

export const BRUSH_TO_PNG_FORMAT: ExportFormat = {
  name: 'BRUSH_TO_PNG',
  title: 'Brush labels to PNG',
  description: 'Export your brush labels as PNG images. Each label outputs as one image.',
  link: 'https://labelstud.io/guide/export.html#Brush-labels-to-NumPy-amp-PNG',
  tags: ['image segmentation'],
  supports: supportsBrush,
  convert: (items, _context, output) => writeMasks(items(), output, 'png', pngFile),
};
