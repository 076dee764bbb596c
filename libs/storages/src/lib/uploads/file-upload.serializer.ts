import { FileUpload } from './file-upload.entity';
import { FileUploadResponse } from './responses/file-upload.response';

/**
 * Label Studio's `FileUpload`: `file` is the stored name relative to the data folder
 * (`upload/<project>/<8 hex>-<name>`), as its serializer sends it (`use_url=False`); the file
 * itself is served at `/data/` + that name.
 */
export function serializeFileUpload(
  upload: Pick<FileUpload, 'id' | 'file' | 'size'>,
): FileUploadResponse {
  return { id: upload.id, file: upload.file, size: upload.size };
}
