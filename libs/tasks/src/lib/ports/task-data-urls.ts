import { Injectable } from '@nestjs/common';

/** A task's id and data, as the serializers are about to show it. */
export interface TaskDataRef {
  id: number;
  data: Record<string, unknown>;
}

export interface TaskDataUrlSource {
  /**
   * The data of each task with the storage URIs it holds (`s3://bucket/key`) replaced by URLs a
   * browser can open; a task whose data has none keeps its object. Keyed by task id.
   */
  resolve(projectId: number, tasks: TaskDataRef[]): Promise<Map<number, Record<string, unknown>>>;
}

/**
 * Where the storages library plugs in the resolving of storage URIs in task data
 * (`resolve_uri`). Until it registers, data is shown as stored.
 */
@Injectable()
export class TaskDataUrls {
  private source?: TaskDataUrlSource;

  register(source: TaskDataUrlSource): void {
    this.source = source;
  }

  /** Replaces the data of `tasks` (same project) in place where it holds storage URIs. */
  async applyTo(projectId: number, tasks: TaskDataRef[]): Promise<void> {
    if (!this.source || tasks.length === 0) return;
    const resolved = await this.source.resolve(projectId, tasks);
    for (const task of tasks) {
      const data = resolved.get(task.id);
      if (data) task.data = data;
    }
  }
}
