import { BoundSql } from '@ls/core';
import { TaskCountsSource } from '../counters/task-counts-source';
import { cohortSize, drawCohortStatement } from './overlap-statements';

const counts: TaskCountsSource = {
  totalAnnotationsSql: '0',
  cancelledAnnotationsSql: '0',
  totalPredictionsSql: '0',
  completedAnnotationsSql: () => '0',
  perTaskSql: (sql: BoundSql, project) =>
    `SELECT task_id, 0 AS total, 0 AS completed, 0 AS finished FROM annotation WHERE project_id = ${sql.bind(project.id)}`,
};

describe('overlap cohort', () => {
  it('holds int(tasks * percentage / 100 + 0.5) tasks, as Label Studio counts', () => {
    expect(cohortSize(4, 50)).toBe(2);
    expect(cohortSize(5, 25)).toBe(1);
    expect(cohortSize(8, 25)).toBe(2);
    expect(cohortSize(3, 50)).toBe(2);
    expect(cohortSize(0, 40)).toBe(0);
  });

  it('binds every setting, and the counting subquery in text order, on both databases', () => {
    const settings = {
      id: 7,
      maximum_annotations: 3,
      overlap_cohort_percentage: 50,
      skip_queue: null,
    };
    const postgres = drawCohortStatement(counts, settings, 2, 'postgres');
    expect(postgres.values).toEqual([3, 3, 2, 3, 7, 7]);
    expect(postgres.sql).toContain('WHERE project_id = $5) s ON');
    expect(postgres.sql).toContain('WHERE t.project_id = $6');
    const sqlite = drawCohortStatement(counts, settings, 2, 'sqlite');
    expect(sqlite.values).toEqual(postgres.values);
    expect(sqlite.sql.match(/\?/g)).toHaveLength(6);
  });
});
