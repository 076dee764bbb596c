import { serializeUserSimple, User } from '@ls/auth';
import { ConvertedFormat } from './converted-format.entity';
import { ExportSnapshot } from './export-snapshot.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeConvertedFormat(converted: ConvertedFormat) {
  return {
    id: converted.id,
    status: converted.status,
    export_type: converted.export_type,
    traceback: converted.traceback,
  };
}

/** `Export`: the snapshot as its list and detail routes show it. */
export function serializeExportSnapshot(
  snapshot: ExportSnapshot,
  createdBy: User | null | undefined,
  converted: ConvertedFormat[],
) {
  return {
    id: snapshot.id,
    title: snapshot.title,
    created_by: createdBy ? serializeUserSimple(createdBy) : undefined,
    created_at: snapshot.created_at.toISOString(),
    finished_at: iso(snapshot.finished_at),
    status: snapshot.status,
    md5: snapshot.md5,
    counters: snapshot.counters,
    converted_formats: converted.map(serializeConvertedFormat),
  };
}

/** `LseExportCreate`: the new snapshot with the options it was asked with. */
export function serializeCreatedExport(snapshot: ExportSnapshot, createdBy: User) {
  return {
    ...serializeExportSnapshot(snapshot, createdBy, []),
    task_filter_options: snapshot.options.tasks,
    annotation_filter_options: snapshot.options.annotations,
    serialization_options: snapshot.options.serialization,
  };
}
