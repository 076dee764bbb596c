import { ExportFormat } from '../export-format';
import { BRUSH_TO_COCO_FORMAT } from './brush-coco.format';
import { BRUSH_TO_NUMPY_FORMAT, BRUSH_TO_PNG_FORMAT } from './brush-mask.formats';

export { BRUSH_TO_COCO_FORMAT } from './brush-coco.format';
export { BRUSH_TO_NUMPY_FORMAT, BRUSH_TO_PNG_FORMAT } from './brush-mask.formats';
export { supportsBrush } from './brush-layers';
export { decodeBrushAlpha, BrushRleError } from './brush-rle';

export const BRUSH_EXPORT_FORMATS: ExportFormat[] = [
  BRUSH_TO_NUMPY_FORMAT,
  BRUSH_TO_PNG_FORMAT,
  BRUSH_TO_COCO_FORMAT,
];
