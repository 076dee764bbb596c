import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice } from './fixtures';

/**
 * Tasks take their overlap from the project's `maximum_annotations` and
 * `overlap_cohort_percentage` whenever they were created, and `is_labeled` / `completed_at`
 * follow (behavior.md 2.2, 2.3, 2.5).
 */
describe('overlap and is_labeled follow the project settings (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let colleague: TestAccount;
  let third: TestAccount;
  let api: ReturnType<typeof apiOf>;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    colleague = await createAccount(testApp.app, { organizationId: owner.organizationId });
    third = await createAccount(testApp.app, { organizationId: owner.organizationId });
    api = apiOf(testApp, owner);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const patchProject = (id: number, body: Record<string, unknown>) =>
    http().patch(`/api/projects/${id}/`).set(owner.headers).send(body).expect(200);
  const task = async (id: number) =>
    (await http().get(`/api/tasks/${id}/`).set(owner.headers).expect(200)).body;
  /** `[overlap, is_labeled]` of each task of the project, as stored, by id. */
  const stored = async (projectId: number) =>
    (
      await dataSource.query(
        `SELECT overlap, is_labeled FROM task WHERE project_id = ${Number(projectId)} ORDER BY id`,
      )
    ).map((row: Record<string, unknown>) => [Number(row.overlap), Boolean(row.is_labeled)]);
  const finished = async (projectId: number) =>
    (await http().get(`/api/projects/${projectId}/`).set(owner.headers).expect(200)).body
      .finished_task_number;

  it('tasks created before and after maximum_annotations changes take it, and is_labeled follows', async () => {
    const project = await api.project({ maximum_annotations: 2 });
    const early = await api.task(project);
    await api.annotate(early);
    expect(await task(early)).toMatchObject({ overlap: 2, is_labeled: false });
    expect(await task(early)).not.toHaveProperty('completed_at');
    await apiOf(testApp, colleague).annotate(early);
    const labeled = await task(early);
    expect(labeled).toMatchObject({ overlap: 2, is_labeled: true, total_annotations: 2 });
    expect(labeled.completed_at).toBe(labeled.annotations[1].created_at);

    await patchProject(project, { maximum_annotations: 3 });
    expect(await task(early)).toMatchObject({ overlap: 3, is_labeled: false });
    expect(await task(early)).not.toHaveProperty('completed_at');
    const late = await api.task(project);
    expect(await task(late)).toMatchObject({ overlap: 3, is_labeled: false });
    await apiOf(testApp, third).annotate(early);
    expect(await task(early)).toMatchObject({ is_labeled: true });

    await patchProject(project, { maximum_annotations: 1 });
    expect(await stored(project)).toEqual([
      [1, true],
      [1, false],
    ]);
    await api.annotate(late);
    expect(await stored(project)).toEqual([
      [1, true],
      [1, true],
    ]);
    expect(await finished(project)).toBe(2);
  });

  it('overlap_cohort_percentage gives the overlap to that share of tasks, annotated ones first', async () => {
    const project = await api.project({ maximum_annotations: 2 });
    const tasks = [];
    for (let i = 0; i < 4; i += 1) tasks.push(await api.task(project));
    await api.annotate(tasks[0]);
    await apiOf(testApp, colleague).annotate(tasks[0]);
    await api.annotate(tasks[2]);
    expect(await stored(project)).toEqual([
      [2, true],
      [2, false],
      [2, false],
      [2, false],
    ]);

    // 50% of 4 tasks: the finished one, then the one with the most annotations.
    await patchProject(project, { overlap_cohort_percentage: 50 });
    expect(await stored(project)).toEqual([
      [2, true],
      [1, false],
      [2, false],
      [1, false],
    ]);
    // 25%: only the finished one keeps the overlap; the third is now done with one annotation.
    await patchProject(project, { overlap_cohort_percentage: 25 });
    expect(await stored(project)).toEqual([
      [2, true],
      [1, false],
      [1, true],
      [1, false],
    ]);
    // A new maximum goes to the tasks that have an overlap.
    await patchProject(project, { maximum_annotations: 3 });
    expect(await stored(project)).toEqual([
      [3, false],
      [1, false],
      [1, true],
      [1, false],
    ]);
    // Tasks added to a project with a cohort re-draw it: 25% of 8 is 2.
    for (let i = 0; i < 4; i += 1) await api.task(project);
    expect((await stored(project)).map(([overlap]: number[]) => overlap)).toEqual([
      3, 1, 3, 1, 1, 1, 1, 1,
    ]);
    // Back to 100%: every task needs the maximum.
    await patchProject(project, { overlap_cohort_percentage: 100 });
    expect((await stored(project)).map(([overlap]: number[]) => overlap)).toEqual([
      3, 3, 3, 3, 3, 3, 3, 3,
    ]);
    expect(await finished(project)).toBe(0);
  });

  it('switching skip_queue to IGNORE_SKIPPED counts skips, and back', async () => {
    const project = await api.project();
    const skipped = await api.task(project);
    await api.annotate(skipped, { result: [choice('Positive')] }, '?was_cancelled=1');
    expect(await task(skipped)).toMatchObject({ is_labeled: false, cancelled_annotations: 1 });
    await patchProject(project, { skip_queue: 'IGNORE_SKIPPED' });
    expect(await task(skipped)).toMatchObject({ is_labeled: true });
    await patchProject(project, { skip_queue: 'REQUEUE_FOR_OTHERS' });
    expect(await task(skipped)).toMatchObject({ is_labeled: false });
  });
});
