import { cohortSize, drawCohortStatement } from './overlap-statements';

describe('overlap cohort', () => {
  it('holds int(tasks * percentage / 100 + 0.5) tasks, as Label Studio counts', () => {
    expect(cohortSize(4, 50)).toBe(2);
    expect(cohortSize(5, 25)).toBe(1);
    expect(cohortSize(8, 25)).toBe(2);
    expect(cohortSize(3, 50)).toBe(2);
    expect(cohortSize(0, 40)).toBe(0);
  });

  it('binds every setting, on both databases', () => {
    const settings = {
      id: 7,
      maximum_annotations: 3,
      overlap_cohort_percentage: 50,
      skip_queue: null,
    };
    const postgres = drawCohortStatement(settings, 2, 'postgres');
    expect(postgres.values).toEqual([3, 3, 2, 3, 7, 7]);
    const sqlite = drawCohortStatement(settings, 2, 'sqlite');
    expect(sqlite.values).toEqual(postgres.values);
    expect(sqlite.sql.match(/\?/g)).toHaveLength(6);
  });
});
