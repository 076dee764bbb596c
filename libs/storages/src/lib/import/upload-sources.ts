import { FileUpload } from '../uploads/file-upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { formatOf } from './formats/supported-formats';
import { ImportSource } from './task-importer';

/** Uploaded files as import sources, in the order given. */
export function uploadSources(uploads: FileUpload[], files: UploadsService): ImportSource[] {
  return uploads.map((upload) => ({
    kind: 'file',
    file: {
      name: upload.file,
      url: files.urlOf(upload),
      localCopy: () => files.localCopy(upload),
    },
    fileUploadId: upload.id,
  }));
}

/** How many files of each format (`{".csv": 2}`). */
export function foundFormatsOf(uploads: FileUpload[]): Record<string, number> {
  const formats: Record<string, number> = {};
  for (const upload of uploads) {
    const format = formatOf(upload.file);
    if (format) formats[format] = (formats[format] ?? 0) + 1;
  }
  return formats;
}
