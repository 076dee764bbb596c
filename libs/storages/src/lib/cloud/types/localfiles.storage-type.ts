import { basename } from 'node:path';
import { LocalFilesConnection } from '../providers/localfiles/local-files-connection';
import { localFilesPathProblem } from '../providers/localfiles/local-files-rules';
import { StorageType } from '../storages/storage-type';

export const LOCAL_FILES_STORAGE: StorageType = {
  type: 'localfiles',
  title: 'Local files',
  schemaNames: { import: 'LocalFilesImportStorage', export: 'LocalFilesExportStorage' },
  fields: [
    { name: 'path', kind: 'string', description: 'Absolute path to the local directory' },
    {
      name: 'recursive_scan',
      kind: 'boolean',
      description: 'Scan recursively',
      direction: 'import',
      default: false,
    },
  ],
  // Label Studio matches a local file's name, not its path.
  filterTarget: (key) => basename(key),
  enabled: (config) => config.ENABLE_LOCAL_FILES_STORAGE,
  check: (settings, context) =>
    localFilesPathProblem(settings.path, {
      documentRoot: context.localFilesDocumentRoot,
      servingEnabled: context.localFilesServingEnabled,
    }),
  connect: (settings, context) =>
    new LocalFilesConnection(typeof settings.path === 'string' ? settings.path : null, {
      documentRoot: context.localFilesDocumentRoot,
      servingEnabled: context.localFilesServingEnabled,
    }),
};
