import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { Project } from '@ls/projects';
import { converterItems } from '../formats/converter-items';
import { exportConfigFromControls } from '../formats/export-config';
import { ExportFormatName } from '../formats/export-format';
import { converterFor, downloadsMedia } from '../formats/export-formats';
import { ExportMediaFactory } from '../media/export-media';
import { ConvertedResult, DirectoryOutput } from '../output/directory-output';
import { readExportTasks } from '../tasks/export-json-file';

/** A format the project's config does not allow, or that is unknown (400 at the routes). */
export class UnsupportedExportFormat extends Error {
  constructor(readonly format: string) {
    super(`${format} is not supported export format`);
  }
}

export interface ConversionRequest {
  project: Project;
  /** The export's JSON, written by `writeExportJson`. */
  jsonPath: string;
  format: string;
  downloadResources: boolean;
  /** An empty folder of the caller's, for the converted files (the caller removes it). */
  workDir: string;
  now: Date;
}

/**
 * Converts an export's JSON to a format, as Label Studio's converter does: JSON is the file
 * itself; other formats read it again as converter items and write their files, returned as the
 * only file or as a zip. `null` when the conversion wrote nothing.
 */
@Injectable()
export class ExportConversion {
  constructor(private readonly media: ExportMediaFactory) {}

  async convert(request: ConversionRequest): Promise<ConvertedResult | null> {
    const { project, jsonPath } = request;
    const config = exportConfigFromControls(project.parsed_label_config ?? {});
    const { format, supported } = converterFor(request.format as ExportFormatName, config);
    if (!supported) throw new UnsupportedExportFormat(request.format);
    if (!format) return { extension: '.json', open: () => createReadStream(jsonPath) };
    const output = new DirectoryOutput(request.workDir);
    const media = this.media.forProject(project.id);
    try {
      const regionIds = format.keepsRegionIds?.(config) ?? false;
      await format.convert(
        () => converterItems(readExportTasks(jsonPath), config, { regionIds }),
        {
          config,
          projectId: project.id,
          downloadResources: downloadsMedia(format.name, request.downloadResources),
          media,
          now: request.now,
        },
        output,
      );
    } finally {
      await media.close();
    }
    return output.result();
  }
}
