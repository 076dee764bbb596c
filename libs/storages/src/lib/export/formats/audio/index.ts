import { ExportFormat } from '../export-format';
import { ASR_MANIFEST_FORMAT } from './asr-manifest.format';

export { ASR_MANIFEST_FORMAT, supportsAsrManifest } from './asr-manifest.format';

export const AUDIO_EXPORT_FORMATS: ExportFormat[] = [ASR_MANIFEST_FORMAT];
