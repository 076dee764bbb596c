import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { ProjectsService } from '@ls/projects';
import { ColumnSources } from './column-sources';
import { ColumnsResponse } from './columns.response';
import { dataColumns } from './data-columns';
import { fixedColumns } from './fixed-columns';

/** The columns of a project's data manager table (Label Studio's `get_all_columns`). */
@Injectable()
export class ColumnsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly sources: ColumnSources,
  ) {}

  async columnsOf(auth: AuthContext, projectId: number): Promise<ColumnsResponse> {
    const project = await this.projects.get(auth, projectId);
    const [taskKeys, modelVersions] = await Promise.all([
      this.sources.taskDataKeys(project.id),
      this.sources.modelVersions(project.id),
    ]);
    const { children, root } = dataColumns(
      project.data_types ?? {},
      project.label_config ?? '',
      taskKeys,
    );
    return { columns: [...children, ...fixedColumns(modelVersions), root] };
  }
}
