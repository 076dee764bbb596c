import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { memberCounts } from './members/member-counts';
import { ProjectCounters, ProjectStats, ZERO_COUNTERS } from './ports/project-stats';
import { Project } from './project.entity';
import { includedCounterFields, pickCounters } from './project.serializer';

export type ProjectSerializer<T> = (
  project: Project,
  counters: Partial<ProjectCounters>,
  membersCount: number,
) => T;

/** Project rows with their counters: one counters call and one members count per page. */
@Injectable()
export class ProjectRows {
  constructor(
    private readonly stats: ProjectStats,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  async serialize<T>(
    auth: AuthContext,
    rows: Project[],
    serialize: ProjectSerializer<T>,
    include?: string,
  ): Promise<T[]> {
    const fields = includedCounterFields(include);
    const ids = rows.map((row) => row.id);
    const [counters, members] = await Promise.all([
      this.stats.countersFor(ids, auth.user.id),
      memberCounts(this.projects, auth, ids),
    ]);
    return rows.map((row) =>
      serialize(
        row,
        pickCounters(counters.get(row.id) ?? ZERO_COUNTERS, fields),
        members.get(row.id) ?? 0,
      ),
    );
  }
}
