// Public API of @ls/projects: projects, their label configs, and the ports higher libraries fill.
export { ProjectsModule } from './lib/projects.module';
export { ProjectsHttpModule } from './lib/projects-http.module';
export { Project, SAMPLING_MODES, SKIP_QUEUE_MODES } from './lib/project.entity';
export { ProjectsService } from './lib/projects.service';

export { ProjectStats, COUNTER_FIELDS, ZERO_COUNTERS } from './lib/ports/project-stats';
export type { ProjectCounters, ProjectStatsSource } from './lib/ports/project-stats';
export { LabelUsage } from './lib/ports/label-usage';
export type { LabelsInUse, LabelUsageSource, ResultShapeUsage } from './lib/ports/label-usage';

export { analyzeLabelConfig } from './lib/label-config/label-config';
export type { AnalyzedLabelConfig } from './lib/label-config/label-config';
export { LabelConfigError } from './lib/label-config/label-config.error';
export type {
  ControlWeight,
  ParsedControl,
  ParsedLabelConfig,
} from './lib/label-config/parsed-label-config';
