import { ExportFormat } from '../export-format';
import { CONLL2003_FORMAT } from './conll2003.format';

export { CONLL2003_FORMAT, supportsConll2003 } from './conll2003.format';

export const TEXT_EXPORT_FORMATS: ExportFormat[] = [CONLL2003_FORMAT];
