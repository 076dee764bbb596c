import { NOTHING_TO_COUNT, TaskCountsSource } from './task-counts-source';
import { countAddedStatement, recountStatement } from './counter-statements';

const counts: TaskCountsSource = {
  totalAnnotationsSql: '(TOTAL)',
  cancelledAnnotationsSql: '(CANCELLED)',
  totalPredictionsSql: '(PREDICTIONS)',
  completedAnnotationsSql: (project) => `(COMPLETED ${project.skip_queue ?? 'none'})`,
  perTaskSql: () => NOTHING_TO_COUNT.perTaskSql(undefined as never, undefined as never),
};

describe('task counter statements', () => {
  it('recount: the counting SQL of the registered source, every value bound', () => {
    const { sql, values } = recountStatement(
      counts,
      [3, 1, 3],
      { skip_queue: null },
      9,
      'postgres',
    );
    expect(sql).toContain('total_annotations = (TOTAL)');
    expect(sql).toContain('cancelled_annotations = (CANCELLED)');
    expect(sql).toContain('total_predictions = (PREDICTIONS)');
    expect(sql).toContain('is_labeled = (COMPLETED none) >= task.overlap');
    expect(sql).toContain('updated_by_id = $2');
    expect(sql).toContain('WHERE id IN ($3, $4)');
    expect(values.slice(1)).toEqual([9, 3, 1]);
  });

  it('recount without a user leaves updated_by_id alone', () => {
    const { sql, values } = recountStatement(counts, [5], { skip_queue: null }, null, 'sqlite');
    expect(sql).not.toContain('updated_by_id');
    expect(sql).toContain('WHERE id IN (?)');
    expect(values.slice(1)).toEqual([5]);
  });

  it('count added: one counter moves, is_labeled recounted only for tasks not labeled yet', () => {
    const skip = countAddedStatement(
      counts,
      [4],
      { skip_queue: 'IGNORE_SKIPPED' },
      true,
      2,
      'postgres',
    );
    expect(skip.sql).toContain('cancelled_annotations = cancelled_annotations + 1');
    expect(skip.sql).toContain(
      'is_labeled = CASE WHEN is_labeled THEN is_labeled ELSE (COMPLETED IGNORE_SKIPPED) >= task.overlap END',
    );
    const kept = countAddedStatement(counts, [4], { skip_queue: null }, false, 2, 'sqlite');
    expect(kept.sql).toContain('total_annotations = total_annotations + 1');
    expect(kept.values.slice(1)).toEqual([2, 4]);
  });
});
