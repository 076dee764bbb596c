import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { assertIdListSize, TransactionRunner } from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { ImportedTasks } from '@ls/tasks';
import { ByteSpan, LocalFile, StoredFileInfo } from '../files/file-store';
import { FileUpload } from './file-upload.entity';
import { FileUploadRecords } from './file-upload-records';
import { uploadChanged, uploadNotFound } from './upload-errors';
import { StoredFile, UPLOAD_DIR, UploadBudget, UploadFileStore } from './upload-file-store';

/** Which uploads of a project a list asks for (`GET /api/projects/{id}/file-uploads`). */
export interface FileUploadSelection {
  ids?: number[];
  all?: boolean;
  /** Comma-separated fields of `FileUpload`, `-` for descending; unknown ones are ignored. */
  ordering?: string;
}

/** A stored file a caller may read: its row, and its size, date and first bytes (its type). */
export interface ServedUpload {
  upload: FileUpload;
  file: StoredFileInfo;
}

/** A path after `/data/upload/` that could name a stored file: no empty, `.` or `..` segments. */
const isPlainPath = (name: string) =>
  !name.includes('\\') &&
  !name.includes('\0') &&
  name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');

/**
 * Files uploaded into projects (`FileUpload`): each a row ({@link FileUploadRecords}) and a file
 * in the file store ({@link UploadFileStore}), kept in step here. Reading multipart requests is
 * the HTTP adapter's (`MultipartUploads`).
 */
@Injectable()
export class UploadsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly importedTasks: ImportedTasks,
    private readonly records: FileUploadRecords,
    private readonly files: UploadFileStore,
  ) {}

  /** The budget of one request: `IMPORT_MAX_FILE_SIZE` bytes for all its files together. */
  newBudget(): UploadBudget {
    return this.files.newBudget();
  }

  /**
   * Streams `content` to a new file of the project and records it. Refuses an extension Label
   * Studio does not accept (400) and content over the budget (413, the partial file removed).
   * `content` is read to its end or destroyed. The caller has checked the project is the caller's.
   */
  async saveFile(
    auth: AuthContext,
    project: Pick<Project, 'id'>,
    originalName: string,
    content: Readable,
    budget: UploadBudget = this.newBudget(),
  ): Promise<FileUpload> {
    const stored = await this.files.write(project.id, originalName, content, budget);
    try {
      return await this.records.insert({
        project_id: project.id,
        user_id: auth.user.id,
        file: stored.file,
        size: stored.size,
      });
    } catch (error) {
      await this.files.remove(stored.file);
      throw error;
    }
  }

  /** Where the upload's file is when uploads are kept in `DATA_DIR` (no `UPLOADS_STORAGE`). */
  pathOf(upload: Pick<FileUpload, 'file'>): string {
    return this.files.pathOf(upload.file);
  }

  /** The path the file is served at: `/data/upload/<project>/<8 hex>-<name>`. */
  urlOf(upload: Pick<FileUpload, 'file'>): string {
    return this.files.urlOf(upload.file);
  }

  /** The upload's content, or the bytes of `span`, streamed from the store. */
  read(upload: Pick<FileUpload, 'file'>, span?: ByteSpan): Promise<Readable> {
    return this.files.read(upload.file, span);
  }

  /** The upload as a file on this machine's disk, for a reader that needs one; release it. */
  localCopy(upload: Pick<FileUpload, 'file'>): Promise<LocalFile> {
    return this.files.localCopy(upload.file);
  }

  /** With `UPLOADS_PRESIGN` and a store that has them, a URL that downloads the file; else null. */
  presignedUrl(served: ServedUpload): Promise<string | null> {
    return this.files.presignedUrl(served.upload.file, served.file.head);
  }

  /** An upload of a project of the caller's organization; 404 otherwise. */
  get(auth: AuthContext, id: number): Promise<FileUpload> {
    return this.records.get(auth, id);
  }

  /**
   * The caller's uploads in a project, as Label Studio lists them: those named by `ids`, or all of
   * them with `all` or when the project is a draft; ordered by the database.
   */
  async listed(
    auth: AuthContext,
    projectId: number,
    selection: FileUploadSelection,
  ): Promise<FileUpload[]> {
    const project = await this.projects.get(auth, projectId);
    const which =
      project.is_draft || selection.all ? { all: true as const } : { ids: selection.ids ?? [] };
    return this.records.listed(project.id, auth.user.id, which, selection.ordering);
  }

  /**
   * Removes uploads of a project, whoever sent them: those of `ids`, or all of them when `ids` is
   * `null` (Label Studio's `DELETE /api/projects/{id}/file-uploads`). Returns how many.
   */
  async removeFromProject(
    auth: AuthContext,
    projectId: number,
    ids: number[] | null,
  ): Promise<number> {
    if (ids !== null) assertIdListSize('file_upload_ids', ids);
    const project = await this.projects.get(auth, projectId);
    return this.remove(await this.records.ofProject(project.id, ids));
  }

  /**
   * Deletes uploads and their files. Tasks made from them stay, no longer linked to a file (the
   * tasks library detaches them). The caller has checked the uploads are the caller's to delete.
   */
  async remove(uploads: FileUpload[]): Promise<number> {
    if (uploads.length === 0) return 0;
    const ids = uploads.map((upload) => upload.id);
    await this.transactions.run(async ({ manager }) => {
      await this.importedTasks.detachUploads(manager, ids);
      await this.records.delete(manager, ids);
    });
    await Promise.all(uploads.map((upload) => this.files.discard(upload.file)));
    return uploads.length;
  }

  /**
   * The upload takes `stored` (a new file of its project) as its content: a new name and URL, the
   * old file removed. 409, and `stored` removed, when another request replaced it meanwhile.
   */
  async replace(upload: FileUpload, stored: StoredFile): Promise<FileUpload> {
    // Only if no other request replaced it meanwhile, so no file is left without its row.
    if (!(await this.records.replaceFile(upload, stored))) {
      await this.files.remove(stored.file);
      throw uploadChanged();
    }
    await this.files.discard(upload.file);
    return { ...upload, ...stored };
  }

  /**
   * The upload stored as `upload/<relativeName>` (the path after `/data/upload/`) when it belongs
   * to a project of the caller's organization and its file is in the store; otherwise 404,
   * whether it exists or not.
   */
  async served(auth: AuthContext, relativeName: string): Promise<ServedUpload> {
    if (!isPlainPath(relativeName)) throw uploadNotFound();
    const upload = await this.records.storedAs(auth, posix.join(UPLOAD_DIR, relativeName));
    const file = upload && (await this.files.served(upload.file));
    if (!upload || !file) throw uploadNotFound();
    return { upload, file };
  }
}
