// Public API of @ls/projects: projects, their label configs, and the ports higher libraries fill.
export { ProjectsModule } from './lib/projects.module';
export { ProjectsHttpModule } from './lib/projects-http.module';
export { Project, SAMPLING_MODES, SKIP_QUEUE_MODES } from './lib/project.entity';
export { ProjectsService } from './lib/projects.service';
export { Workspace } from './lib/workspaces/workspace.entity';
export { WorkspaceMember } from './lib/workspaces/workspace-member.entity';
export { ProjectMember } from './lib/members/project-member.entity';
export { ProjectRole } from './lib/roles/project-role.entity';
export { Pause, PAUSE_REASONS } from './lib/pauses/pause.entity';
export type { PauseReason } from './lib/pauses/pause.entity';
export { WorkspacesService } from './lib/workspaces/workspaces.service';
export { WorkspaceMembershipsService } from './lib/workspaces/workspace-memberships.service';
export { ProjectMembersService } from './lib/members/project-members.service';
export { ProjectRolesService } from './lib/roles/project-roles.service';
export { PausesService } from './lib/pauses/pauses.service';
/**
 * Who sees which project, as a SQL condition on a project alias (bound parameters only), for
 * libraries that list objects across projects; the project list and the auth guard use it.
 */
export { namedBinder, visibleProjectSql } from './lib/access/visibility-sql';
export type { Bind, Viewer } from './lib/access/visibility-sql';
export { effectiveRole } from './lib/access/project-access.service';
export { inOrganizationProjects, projectPlaceOf } from './lib/project-resources';
export { ProjectScope } from './lib/project-scope';
export type { ProjectOwned } from './lib/project-scope';

export { ProjectStats, COUNTER_FIELDS, countOf, ZERO_COUNTERS } from './lib/ports/project-stats';
export type { ProjectCounters, ProjectStatsSource } from './lib/ports/project-stats';
export { LabelUsage } from './lib/ports/label-usage';
export { TaskStates } from './lib/ports/task-states';
export { ProjectWebhooks } from './lib/ports/project-webhooks';
export type { ProjectWebhookSource, ProjectWebhookTarget } from './lib/ports/project-webhooks';
export type { OverlapSettings, TaskStatesSource } from './lib/ports/task-states';
export type {
  LabelsInUse,
  LabelUse,
  LabelUsageSource,
  ResultShapeUsage,
} from './lib/ports/label-usage';
export { controlNamed } from './lib/control-named';

export { analyzeLabelConfig } from './lib/label-config/label-config';
export type { AnalyzedLabelConfig, LabelConfigOptions } from './lib/label-config/label-config';
export {
  DEFAULT_LABEL_CONFIG_MAX_BYTES,
  MAX_LABEL_CONFIG_ATTRIBUTES_PER_TAG,
  MAX_LABEL_CONFIG_DEPTH,
  MAX_LABEL_CONFIG_ELEMENTS,
  MAX_LABEL_CONFIG_INPUT_CHARS,
  MAX_LABEL_CONFIG_TARGETS,
} from './lib/label-config/label-config-limits';
export { LabelConfigError } from './lib/label-config/label-config.error';
export type {
  ControlInput,
  ControlWeight,
  ParsedControl,
  ParsedLabelConfig,
} from './lib/label-config/parsed-label-config';
export { inputDataKey } from './lib/label-config/parsed-label-config';
/** The project as reads show it, for routes of higher libraries that extend it (project state). */
export { serializeProject } from './lib/project.serializer';
/** Project rows with their counters and member counts, as the project list serializes them. */
export { ProjectRows } from './lib/project-rows';
export { AllRolesProjectListResponse } from './lib/responses/all-roles-project-list.response';
export { ProjectPageResponse } from './lib/responses/project-page.response';
export { LseProjectResponse } from './lib/responses/lse-project.response';
export { ProjectCreated, ProjectDeleted, ProjectUpdated } from './lib/events/project-events';
