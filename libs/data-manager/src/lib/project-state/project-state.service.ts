import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { ProjectStats, ProjectsService, serializeProject, ZERO_COUNTERS } from '@ls/projects';
import { ProjectStateResponse } from './project-state.response';

/** Label Studio's `ProjectStateAPI`: the project and what the data manager may do with it. */
@Injectable()
export class ProjectStateService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly stats: ProjectStats,
  ) {}

  async stateOf(auth: AuthContext, projectId: number): Promise<ProjectStateResponse> {
    const project = await this.projects.get(auth, projectId);
    const counters =
      (await this.stats.countersFor([project.id], auth.user.id)).get(project.id) ?? ZERO_COUNTERS;
    const membersCount = await this.projects.memberCount(auth);
    return {
      ...serializeProject(project, counters, membersCount),
      // every member manages the data as in the Community edition (libs/auth README, Roles)
      can_delete_tasks: true,
      can_manage_annotations: true,
      can_manage_tasks: true,
      // storage syncs run as jobs whose state their storages show; none blocks the data manager
      source_syncing: false,
      target_syncing: false,
      task_count: counters.task_number,
      annotation_count: counters.total_annotations_number + counters.skipped_annotations_number,
      config_has_control_tags: Object.keys(project.parsed_label_config ?? {}).length > 0,
    };
  }
}
