import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice, SENTIMENT_CONFIG, span, storedAndRecounted } from './fixtures';

describe('annotations and predictions (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let colleague: TestAccount;
  let api: ReturnType<typeof apiOf>;
  let colleagueApi: ReturnType<typeof apiOf>;
  let dataSource: DataSource;
  const events: string[] = [];

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    colleague = await createAccount(testApp.app, { organizationId: owner.organizationId });
    api = apiOf(testApp, owner);
    colleagueApi = apiOf(testApp, colleague);
    dataSource = testApp.app.get(DataSource);
    testApp.app.get(EventEmitter2).onAny((name) => events.push(String(name)));
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const taskRow = async (id: number) =>
    (await http().get(`/api/tasks/${id}/`).set(owner.headers).expect(200)).body;
  const count = async (table: string, where = '1 = 1') =>
    Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  it('creates an annotation, returns it as the contract shows, and counts it on the task', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const created = await api.annotate(task, { lead_time: 4.5 });
    expectContract('Annotation', created);
    expect(created).toMatchObject({
      task,
      project,
      completed_by: owner.userId,
      was_cancelled: false,
      ground_truth: false,
      lead_time: 4.5,
      result: [choice('Positive')],
    });
    expect(created.created_username).toContain(`${owner.email}, ${owner.userId}`);
    expect(created.created_ago).toMatch(/^0\u00a0minutes$/);

    const detail = await taskRow(task);
    expectContract('RoleBasedTask', detail);
    expectContract('LseTask', detail);
    expect(detail).toMatchObject({
      total_annotations: 1,
      cancelled_annotations: 0,
      is_labeled: true,
      annotators: [owner.userId],
      annotations_ids: String(created.id),
      updated_by: [{ user_id: owner.userId }],
    });
    expect(detail.annotations.map((a: { id: number }) => a.id)).toEqual([created.id]);

    const listed = await http()
      .get(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .expect(200);
    expectContract(['Annotation'], listed.body);
    expect(listed.body).toHaveLength(1);

    const stored = await dataSource.query(
      `SELECT result, lead_time, completed_by_id FROM annotation WHERE id = ${created.id}`,
    );
    expect(Number(stored[0].completed_by_id)).toBe(owner.userId);
    expect(Number(stored[0].lead_time)).toBe(4.5);
    expect(events).toEqual(
      expect.arrayContaining(['tasks.tasks.created', 'annotations.annotations.created']),
    );
  });

  it('counts a cancelled annotation as skipped, not labeled, and leaves it out of the list', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const skipped = await api.annotate(task, { result: [] }, '?was_cancelled=1');
    expect(skipped.was_cancelled).toBe(true);
    expect(await taskRow(task)).toMatchObject({
      total_annotations: 0,
      cancelled_annotations: 1,
      is_labeled: false,
    });
    const listed = await http()
      .get(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .expect(200);
    expect(listed.body).toEqual([]);
    const counters = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(counters.body).toMatchObject({
      skipped_annotations_number: 1,
      total_annotations_number: 0,
      finished_task_number: 0,
      num_tasks_with_annotations: 0,
    });

    // Un-skipping moves the unit back and labels the task.
    const patched = await http()
      .patch(`/api/annotations/${skipped.id}/`)
      .set(owner.headers)
      .send({ was_cancelled: false, result: [choice('Neutral')] })
      .expect(200);
    expectOperationResponse('api_annotations_partial_update', 200, patched.body);
    expect(patched.body).toMatchObject({ was_cancelled: false, result: [choice('Neutral')] });
    const got = await http().get(`/api/annotations/${skipped.id}/`).set(owner.headers).expect(200);
    expectOperationResponse('api_annotations_retrieve', 200, got.body);
    expect(got.body.updated_by).toBe(owner.userId);
    expect(await taskRow(task)).toMatchObject({
      total_annotations: 1,
      cancelled_annotations: 0,
      is_labeled: true,
    });
  });

  it('is labeled after two annotations on overlap 2, and deleting one restores the counters', async () => {
    const project = await api.project({ maximum_annotations: 2 });
    const task = await api.task(project);
    const first = await api.annotate(task);
    expect(await taskRow(task)).toMatchObject({ total_annotations: 1, is_labeled: false });
    // Issue 11 item 8: the second annotation labels the task, whoever made it.
    const second = await api.annotate(task, { result: [choice('Negative')] });
    expect(await taskRow(task)).toMatchObject({
      total_annotations: 2,
      is_labeled: true,
      overlap: 2,
    });
    const third = await colleagueApi.annotate(task);
    expect(await taskRow(task)).toMatchObject({ total_annotations: 3, is_labeled: true });

    await http().delete(`/api/annotations/${third.id}/`).set(owner.headers).expect(204);
    await http().delete(`/api/annotations/${second.id}/`).set(owner.headers).expect(204);
    expect(await taskRow(task)).toMatchObject({ total_annotations: 1, is_labeled: false });
    expect(await count('annotation', `id = ${second.id}`)).toBe(0);
    await http().delete(`/api/annotations/${first.id}/`).set(owner.headers).expect(204);
    expect(await taskRow(task)).toMatchObject({ total_annotations: 0, is_labeled: false });
    expect(events).toContain('annotations.annotations.deleted');
  });

  it('keeps one ground truth per task', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const first = await api.annotate(task, { ground_truth: true });
    const second = await api.annotate(task, { ground_truth: true });
    const rows = await dataSource.query(
      `SELECT id, ground_truth FROM annotation WHERE task_id = ${task} ORDER BY id`,
    );
    expect(
      rows.map((r: { id: number; ground_truth: unknown }) => [
        Number(r.id),
        Boolean(r.ground_truth),
      ]),
    ).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    const detail = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(detail.body.ground_truth_number).toBe(1);
    expect(detail.body.useful_annotation_number).toBe(1);
    await api.annotate(task, { result: [choice('Negative')] });
    const agreement = await http()
      .get(`/api/tasks/${task}/agreement/`)
      .set(owner.headers)
      .expect(200);
    expect(agreement.body).toEqual({ task, annotations: 3, agreement: (1 / 3) * 100 });
  });

  it.each([
    ['an unknown control', [{ ...choice('Positive'), from_name: 'mood' }], 'from_name "mood"'],
    ['an unknown object', [{ ...choice('Positive'), to_name: 'image' }], 'to_name "image"'],
    [
      'a type the control does not produce',
      [{ ...choice('Positive'), type: 'rating' }],
      'type "rating"',
    ],
    ['a choice the config lacks', [choice('Angry')], '"Angry" not among the labels of "sentiment"'],
    ['a label the config lacks', [span('LOC')], '"LOC" not among the labels of "ner"'],
    ['an item that is not an object', ['Positive'], 'must be an object'],
  ])(
    'refuses a result with %s (400 naming the item), storing nothing',
    async (_, result, message) => {
      const project = await api.project();
      const task = await api.task(project);
      const response = await http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(owner.headers)
        .send({ result: [choice('Positive'), ...result] })
        .expect(400);
      expect(response.body.validation_errors.result.join('\n')).toContain(`result[1]`);
      expect(response.body.validation_errors.result.join('\n')).toContain(message);
      expect(await count('annotation', `task_id = ${task}`)).toBe(0);
      expect(await taskRow(task)).toMatchObject({ total_annotations: 0 });
    },
  );

  it('stores one annotation per unique_id, also when two arrive at once', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        http()
          .post(`/api/tasks/${task}/annotations/`)
          .set(owner.headers)
          .send({ result: [choice('Positive')], unique_id: `uid-${task}` }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 400, 400]);
    const refused = responses.find((r) => r.status === 400);
    expect(refused?.body.validation_errors.unique_id[0]).toContain('already exists');
    expect(await count('annotation', `task_id = ${task}`)).toBe(1);
    expect(await taskRow(task)).toMatchObject({ total_annotations: 1 });
  });

  it('checks each annotation against the current label config, also right after it changed', async () => {
    const project = await api.project();
    const task = await api.task(project);
    await api.annotate(task, { result: [choice('Positive')] });
    const withMixed = SENTIMENT_CONFIG.replace(
      '<Choice value="Neutral"/>',
      '<Choice value="Neutral"/><Choice value="Mixed"/>',
    );
    await http()
      .patch(`/api/projects/${project}/`)
      .set(owner.headers)
      .send({ label_config: withMixed })
      .expect(200);
    await api.annotate(task, { result: [choice('Mixed')] });
    const withoutNegative = withMixed.replace('<Choice value="Negative"/>', '');
    await http()
      .patch(`/api/projects/${project}/`)
      .set(owner.headers)
      .send({ label_config: withoutNegative })
      .expect(200);
    const refused = await http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: [choice('Negative')] })
      .expect(400);
    expect(refused.body.validation_errors.result[0]).toContain('"Negative"');
    expect(await count('annotation', `task_id = ${task}`)).toBe(2);
    await http().delete(`/api/tasks/${task}/`).set(owner.headers).expect(204);
    await http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: [choice('Mixed')] })
      .expect(404);
  });

  it('accepts a result sent as a JSON string and refuses one that is not a list', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const created = await api.annotate(task, { result: JSON.stringify([choice('Neutral')]) });
    expect(created.result).toEqual([choice('Neutral')]);
    const refused = await http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: { choices: ['Neutral'] } })
      .expect(400);
    expect(refused.body.validation_errors.result[0]).toContain('must be list');
  });

  it('serves predictions: create, list by task and project, get, put, patch, delete, with counters', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const other = await api.task(project);
    const prediction = await api.predict(task);
    expectOperationResponse('api_predictions_create', 201, prediction);
    expect(prediction).toMatchObject({ task, project, score: 0.5, model_version: 'v1' });
    await api.predict(other, { model_version: 'v2', score: 0.9 });
    expect(await taskRow(task)).toMatchObject({
      total_predictions: 1,
      predictions_model_versions: 'v1',
    });

    const byTask = await http()
      .get(`/api/predictions/?task=${task}`)
      .set(owner.headers)
      .expect(200);
    expectOperationResponse('api_predictions_list', 200, byTask.body);
    expect(byTask.body.map((p: { id: number }) => p.id)).toEqual([prediction.id]);
    const byProject = await http()
      .get(`/api/predictions/?project=${project}`)
      .set(owner.headers)
      .expect(200);
    expect(byProject.body).toHaveLength(2);

    const got = await http()
      .get(`/api/predictions/${prediction.id}/`)
      .set(owner.headers)
      .expect(200);
    expectContract('Prediction', got.body);
    const put = await http()
      .put(`/api/predictions/${prediction.id}/`)
      .set(owner.headers)
      .send({ result: [choice('Neutral')], score: 0.7, model_version: 'v3' })
      .expect(200);
    expect(put.body).toMatchObject({
      score: 0.7,
      model_version: 'v3',
      result: [choice('Neutral')],
    });
    const patched = await http()
      .patch(`/api/predictions/${prediction.id}/`)
      .set(owner.headers)
      .send({ score: 0.1 })
      .expect(200);
    expect(patched.body).toMatchObject({ score: 0.1, model_version: 'v3' });
    expectOperationResponse('api_predictions_partial_update', 200, patched.body);
    expectOperationResponse('api_predictions_update', 200, put.body);
    const stored = await dataSource.query(
      `SELECT score, model_version FROM prediction WHERE id = ${prediction.id}`,
    );
    expect([Number(stored[0].score), stored[0].model_version]).toEqual([0.1, 'v3']);

    const bad = await http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task, result: [choice('Angry')] })
      .expect(400);
    expect(bad.body.validation_errors.result[0]).toContain('"Angry"');
    await http().post('/api/predictions/').set(owner.headers).send({ result: [] }).expect(400);

    await http().delete(`/api/predictions/${prediction.id}/`).set(owner.headers).expect(204);
    expect(await taskRow(task)).toMatchObject({ total_predictions: 0 });
    const counters = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(counters.body.total_predictions_number).toBe(1);
    expect(events).toContain('annotations.predictions.created');
  });

  it('creates one annotation on many tasks in bulk and deletes in bulk', async () => {
    const project = await api.project();
    const tasks = [await api.task(project), await api.task(project), await api.task(project)];
    const bulk = await http()
      .post('/api/annotations/bulk/')
      .set(owner.headers)
      .send({ tasks: tasks.slice(0, 2), result: [choice('Positive')] })
      .expect(201);
    expectOperationResponse('api_annotations_bulk_create', 201, bulk.body);
    expect(bulk.body).toHaveLength(2);
    const selected = await http()
      .post('/api/annotations/bulk/')
      .set(owner.headers)
      .send({
        project,
        selected_items: { all: true, excluded: [tasks[0]] },
        result: [choice('Neutral')],
      })
      .expect(201);
    expect(selected.body).toHaveLength(2);
    expect(await count('annotation', `project_id = ${project} AND bulk_created = true`)).toBe(4);
    const { stored, recounted } = await storedAndRecounted(dataSource, project);
    expect(stored).toEqual(recounted);
    expect(stored.map((t) => t.total_annotations)).toEqual([1, 2, 1]);

    const ids = [...bulk.body, ...selected.body].map((a: { id: number }) => a.id);
    const missing = await http()
      .post('/api/annotations/bulk-delete/')
      .set(owner.headers)
      .send({ project, ids: [ids[0], 999999] })
      .expect(400);
    expect(missing.body.validation_errors.ids[0]).toContain('999999');
    expect(await count('annotation', `project_id = ${project}`)).toBe(4);
    const deleted = await http()
      .post('/api/annotations/bulk-delete/')
      .set(owner.headers)
      .send({ project, ids: ids.slice(0, 3) })
      .expect(200);
    expectOperationResponse('api_annotations_bulk_delete_create', 200, deleted.body);
    expect(deleted.body).toEqual({ deleted_count: 3 });
    const after = await storedAndRecounted(dataSource, project);
    expect(after.stored).toEqual(after.recounted);
    expect(after.stored.map((t) => t.total_annotations)).toEqual([0, 0, 1]);
  });

  it('keeps every task and project counter equal to a recount after a mixed scenario', async () => {
    const project = await api.project({ maximum_annotations: 2 });
    const tasks: number[] = [];
    for (let i = 0; i < 12; i += 1) tasks.push(await api.task(project, `text ${i}`));
    const annotations: number[] = [];
    for (const [i, task] of tasks.entries()) {
      if (i % 2 === 0) annotations.push((await api.annotate(task)).id);
      if (i % 3 === 0) annotations.push((await colleagueApi.annotate(task)).id);
      if (i % 4 === 0) await colleagueApi.annotate(task, { result: [] }, '?was_cancelled=1');
      if (i % 5 === 0) await api.predict(task);
      if (i === 7) await api.annotate(task, { ground_truth: true });
    }
    await http().delete(`/api/annotations/${annotations[1]}/`).set(owner.headers).expect(204);
    await http().delete(`/api/annotations/${annotations[4]}/`).set(owner.headers).expect(204);
    await http().delete(`/api/tasks/${tasks[11]}/`).set(owner.headers).expect(204);
    await http()
      .patch(`/api/annotations/${annotations[2]}/`)
      .set(owner.headers)
      .send({ was_cancelled: true })
      .expect(200);

    const { stored, recounted } = await storedAndRecounted(dataSource, project);
    expect(stored).toHaveLength(11);
    expect(stored).toEqual(recounted);

    const project_ = (await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200))
      .body;
    const where = `project_id = ${project}`;
    expect(project_).toMatchObject({
      task_number: 11,
      finished_task_number: recounted.filter((t) => t.is_labeled).length,
      total_annotations_number: await count('annotation', `${where} AND was_cancelled = false`),
      skipped_annotations_number: await count('annotation', `${where} AND was_cancelled = true`),
      total_predictions_number: await count('prediction', where),
      ground_truth_number: await count('annotation', `${where} AND ground_truth = true`),
      useful_annotation_number: await count(
        'annotation',
        `${where} AND was_cancelled = false AND ground_truth = false`,
      ),
    });
    expect(project_.num_tasks_with_annotations).toBe(
      Number(
        (
          await dataSource.query(
            `SELECT COUNT(DISTINCT task_id) AS n FROM annotation WHERE ${where} AND was_cancelled = false AND ground_truth = false`,
          )
        )[0].n,
      ),
    );
    // The owner's queue: unlabeled tasks plus tasks the owner annotated.
    const queueTotal = Number(
      (
        await dataSource.query(
          `SELECT COUNT(*) AS n FROM task t WHERE t.project_id = ${project} AND (t.is_labeled = false OR EXISTS
            (SELECT 1 FROM annotation a WHERE a.task_id = t.id AND a.completed_by_id = ${owner.userId}))`,
        )
      )[0].n,
    );
    expect(project_.queue_total).toBe(queueTotal);
    expect(project_.queue_done).toBe(
      Number(
        (
          await dataSource.query(
            `SELECT COUNT(DISTINCT task_id) AS n FROM annotation WHERE ${where} AND completed_by_id = ${owner.userId}`,
          )
        )[0].n,
      ),
    );
    const members = await http()
      .get(`/api/projects/${project}/annotators/`)
      .set(owner.headers)
      .expect(200);
    expect(JSON.stringify(members.body)).toContain(String(colleague.userId));
  });

  it('leaves no orphan rows when a task or a project is deleted, and keeps them when a member leaves', async () => {
    const project = await api.project();
    const task = await api.task(project);
    const kept = await api.task(project);
    await api.annotate(task);
    await api.predict(task);
    await http()
      .post(`/api/tasks/${task}/events/`)
      .set(owner.headers)
      .send({ event_key: 'annotation_loaded', event_time: new Date().toISOString() })
      .expect(201);
    await http().delete(`/api/tasks/${task}/`).set(owner.headers).expect(204);
    for (const table of ['annotation', 'prediction', 'task_event']) {
      expect(await count(table, `task_id = ${task}`)).toBe(0);
    }
    expect(events).toContain('tasks.tasks.deleted');

    await colleagueApi.annotate(kept);
    await http()
      .delete(`/api/organizations/${owner.organizationId}/memberships/${colleague.userId}/`)
      .set(owner.headers)
      .expect(204);
    expect(await count('annotation', `task_id = ${kept}`)).toBe(1);
    expect(await taskRow(kept)).toMatchObject({ total_annotations: 1, is_labeled: true });

    await http().delete(`/api/projects/${project}/`).set(owner.headers).expect(204);
    for (const table of ['task', 'annotation', 'prediction']) {
      expect(await count(table, `project_id = ${project}`)).toBe(0);
    }
  });
});

describe('predictions with VALIDATE_PREDICTIONS=false (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
      env: { VALIDATE_PREDICTIONS: 'false' },
    });
    owner = await createAccount(testApp.app);
  });

  afterAll(() => testApp.close());

  it('stores prediction results the label config does not describe, still refusing non-lists', async () => {
    const api = apiOf(testApp, owner);
    const task = await api.task(await api.project());
    const free = [
      { from_name: 'model_only', to_name: 'text', type: 'choices', value: { choices: ['X'] } },
    ];
    const prediction = await api.predict(task, { result: free });
    expect(prediction.result).toEqual(free);
    await testApp
      .http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task, result: 'not a list' })
      .expect(400);
    // Annotations are always checked.
    await testApp
      .http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: free })
      .expect(400);
  });
});
