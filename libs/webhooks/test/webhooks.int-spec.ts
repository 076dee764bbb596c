import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { AnnotationsCreated } from '@ls/annotations';
import { Transaction, TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { verifySignature } from '@ls/webhooks';
import { eventually, Receiver } from '@ls/webhooks/testing';
import { newSentimentProject, sentiment, webhooksTestApp } from './webhooks-test-app';

const RESULT = sentiment('Positive');

/** Webhooks over the API, delivered to a receiver on 127.0.0.1 by the process's own relay. */
describe('webhooks (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  const receiver = new Receiver();

  const http = () => testApp.http();
  const createWebhook = async (body: Record<string, unknown>, account = owner) =>
    (await http().post('/api/webhooks/').set(account.headers).send(body).expect(201)).body as {
      id: number;
      secret: string;
    };
  const newProject = (title = 'Hooks') => newSentimentProject(testApp, owner, title);
  const newTask = async (project: number, text = 'good') =>
    (
      await http()
        .post('/api/tasks/')
        .set(owner.headers)
        .send({ project, data: { text } })
        .expect(201)
    ).body.id as number;

  beforeAll(async () => {
    await receiver.start();
    testApp = await webhooksTestApp({
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_MAX_ATTEMPTS: '5',
      WEBHOOK_MAX_CONSECUTIVE_FAILURES: '4',
      WEBHOOK_TIMEOUT_MS: '2000',
      OUTBOX_POLL_MS: '200',
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
  });

  afterAll(async () => {
    await testApp?.close();
    await receiver.stop();
  });

  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.answer = () => 200;
  });

  it('keeps webhooks with Label Studio rules, secret shown once, other organizations 404', async () => {
    const project = await newProject();
    const created = await createWebhook({
      url: receiver.url('/crud'),
      project,
      headers: { Authorization: 'Bearer abc' },
      send_for_all_actions: false,
      actions: ['ANNOTATION_CREATED'],
    });
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    const read = (await http().get(`/api/webhooks/${created.id}/`).set(owner.headers).expect(200))
      .body;
    expect(read).toMatchObject({
      project,
      organization: owner.organizationId,
      actions: ['ANNOTATION_CREATED'],
      headers: { Authorization: 'Bearer abc' },
      is_active: true,
      send_payload: true,
    });
    expect(read.secret).toBeUndefined();
    const listed = (
      await http().get('/api/webhooks/').query({ project }).set(owner.headers).expect(200)
    ).body as { id: number }[];
    expect(listed.map((w) => w.id)).toEqual([created.id]);

    const bad = [
      { url: 'ftp://example.com/x' },
      { url: receiver.url(), project, actions: ['PROJECT_CREATED'] },
      { url: receiver.url(), actions: ['NOT_AN_ACTION'] },
      { url: receiver.url(), headers: { 'bad header': 'x' } },
      {
        url: receiver.url(),
        headers: Object.fromEntries([...Array(11).keys()].map((i) => [`h${i}`, 'v'])),
      },
      { url: receiver.url(), headers: { h: 1 } },
      { project },
    ];
    for (const body of bad) {
      const answer = await http().post('/api/webhooks/').set(owner.headers).send(body).expect(400);
      expect(answer.body).toHaveProperty('validation_errors');
    }
    await http()
      .post('/api/webhooks/')
      .set(stranger.headers)
      .send({ url: receiver.url(), project })
      .expect(400);

    for (const request of [
      http().get(`/api/webhooks/${created.id}/`),
      http().patch(`/api/webhooks/${created.id}/`).send({ is_active: false }),
      http().put(`/api/webhooks/${created.id}/`).send({ url: receiver.url() }),
      http().delete(`/api/webhooks/${created.id}/`),
    ]) {
      await request.set(stranger.headers).expect(404);
    }
    expect((await http().get('/api/webhooks/').set(stranger.headers).expect(200)).body).toEqual([]);

    const patched = (
      await http()
        .patch(`/api/webhooks/${created.id}/`)
        .set(owner.headers)
        .send({ send_payload: false, project: 999 })
        .expect(200)
    ).body;
    expect(patched).toMatchObject({ send_payload: false, project });
    const info = (await http().get('/api/webhooks/info/').set(owner.headers).expect(200)).body;
    expect(Object.keys(info)).toHaveLength(15);
    expect(info.PROJECT_CREATED).toMatchObject({
      key: 'PROJECT_CREATED',
      'organization-only': true,
    });
    const orgOnly = (
      await http()
        .get('/api/webhooks/info/')
        .query({ 'organization-only': 'true' })
        .set(owner.headers)
    ).body;
    expect(Object.keys(orgOnly).sort()).toEqual(['PROJECT_CREATED', 'PROJECT_DELETED']);
    await http().delete(`/api/webhooks/${created.id}/`).set(owner.headers).expect(204);
    await http().get(`/api/webhooks/${created.id}/`).set(owner.headers).expect(404);
  });

  it('fires every action with its payload, signed and with the webhook headers', async () => {
    const hook = await createWebhook({ url: receiver.url('/all'), headers: { 'X-Team': 'blue' } });
    const project = await newProject('Every action');
    await http()
      .patch(`/api/projects/${project}/`)
      .set(owner.headers)
      .send({ title: 'Renamed' })
      .expect(200);
    const task = await newTask(project);
    const annotation = (
      await http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(owner.headers)
        .send({ result: RESULT })
        .expect(201)
    ).body.id as number;
    await http()
      .patch(`/api/annotations/${annotation}/`)
      .set(owner.headers)
      .send({ result: RESULT })
      .expect(200);
    const other = await newTask(project, 'other');
    await http()
      .post('/api/annotations/bulk/')
      .set(owner.headers)
      .send({ tasks: [other], project, result: RESULT })
      .expect(201);
    // Payloads show the objects as each change left them, even those deleted right after.
    await http().delete(`/api/annotations/${annotation}/`).set(owner.headers).expect(204);
    await http().delete(`/api/tasks/${task}/`).set(owner.headers).expect(204);
    await http().delete(`/api/projects/${project}/`).set(owner.headers).expect(204);

    const order = [
      'PROJECT_CREATED',
      'PROJECT_UPDATED',
      'TASKS_CREATED',
      'ANNOTATION_CREATED',
      'ANNOTATION_UPDATED',
      'TASKS_CREATED',
      'ANNOTATIONS_CREATED',
      'ANNOTATIONS_DELETED',
      'TASKS_DELETED',
      'PROJECT_DELETED',
    ];
    await eventually(() => expect(receiver.received(undefined, '/all')).toHaveLength(order.length));
    const seen = receiver.received(undefined, '/all');
    expect(seen.map((r) => r.body.action)).toEqual(order);
    for (const request of seen) {
      const signature = String(request.headers['x-label-studio-signature']);
      expect(verifySignature(hook.secret, request.raw, signature)).toBe(true);
      expect(verifySignature('another secret of some length', request.raw, signature)).toBe(false);
      expect(request.headers['x-team']).toBe('blue');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-label-studio-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(seen.map((r) => r.headers['x-label-studio-delivery'])).size).toBe(order.length);
    const body = (action: string) => {
      const found = seen.find((r) => r.body.action === action);
      if (!found) throw new Error(`no ${action} received`);
      return found.body as Record<string, unknown>;
    };
    expect(body('PROJECT_CREATED').project).toMatchObject({ id: project, title: 'Every action' });
    expect(body('PROJECT_UPDATED').project).toMatchObject({ id: project, title: 'Renamed' });
    expect(body('TASKS_CREATED')).toMatchObject({
      tasks: [{ id: task, data: { text: 'good' } }],
      project: { id: project },
    });
    expect(body('ANNOTATION_CREATED')).toMatchObject({
      annotation: { id: annotation, task, project, result: RESULT, completed_by: owner.userId },
      task: { id: task },
      project: { id: project },
    });
    expect(body('ANNOTATION_UPDATED').annotation).toMatchObject({ id: annotation });
    const bulk = body('ANNOTATIONS_CREATED');
    expect(bulk.annotation).toHaveLength(1);
    expect(bulk.task).toMatchObject([{ id: other }]);
    expect(body('ANNOTATIONS_DELETED')).toMatchObject({ annotations: [{ id: annotation }] });
    expect(body('TASKS_DELETED')).toMatchObject({ tasks: [{ id: task }] });
    expect(body('PROJECT_DELETED')).toEqual({
      action: 'PROJECT_DELETED',
      project: { id: project },
    });
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });

  it('sends only the action without payload, and only subscribed actions', async () => {
    const project = await newProject();
    const hook = await createWebhook({
      url: receiver.url('/bare'),
      project,
      send_payload: false,
      send_for_all_actions: false,
      actions: ['TASKS_CREATED'],
    });
    await newTask(project);
    const task = await newTask(project);
    await http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(owner.headers)
      .send({ result: RESULT })
      .expect(201);
    await eventually(() => expect(receiver.received(undefined, '/bare')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received(undefined, '/bare').map((r) => r.body)).toEqual([
      { action: 'TASKS_CREATED' },
      { action: 'TASKS_CREATED' },
    ]);
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });

  it('retries a failing receiver with backoff and the same delivery id, exactly once more', async () => {
    const project = await newProject();
    const hook = await createWebhook({ url: receiver.url('/flaky'), project });
    receiver.answer = () => (receiver.received(undefined, '/flaky').length < 3 ? 500 : 200);
    await newTask(project);
    await eventually(() => expect(receiver.received(undefined, '/flaky')).toHaveLength(4), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const tries = receiver.received(undefined, '/flaky');
    expect(tries.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(tries.map((r) => r.headers['x-label-studio-delivery'])).size).toBe(1);
    expect(new Set(tries.map((r) => r.raw)).size).toBe(1);
    const webhook = (await http().get(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(200))
      .body;
    expect(webhook.is_active).toBe(true);
    const stored = await testApp.app.get(DataSource).query(
      `SELECT status, attempts, last_status_code, last_error FROM webhook_delivery
          WHERE webhook_id = ${Number(hook.id)}`,
    );
    expect(stored).toEqual([
      { status: 'delivered', attempts: 4, last_status_code: 200, last_error: null },
    ]);
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });

  it('deactivates a webhook whose receiver keeps failing', async () => {
    const project = await newProject();
    const hook = await createWebhook({ url: receiver.url('/down'), project });
    receiver.answer = () => 503;
    await newTask(project);
    await newTask(project);
    await eventually(async () => {
      const webhook = (await http().get(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(200))
        .body;
      expect(webhook.is_active).toBe(false);
    }, 15_000);
    expect(receiver.received(undefined, '/down')).toHaveLength(4);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.received(undefined, '/down')).toHaveLength(4);
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });

  it('sends nothing for a change that rolled back', async () => {
    const project = await newProject();
    const hook = await createWebhook({ url: receiver.url('/rollback'), project });
    const task = await newTask(project);
    await eventually(() => expect(receiver.received('TASKS_CREATED', '/rollback')).toHaveLength(1));
    const transactions = testApp.app.get(TransactionRunner);
    await expect(
      transactions.run(async (tx: Transaction) => {
        const [row] = await tx.manager.query(
          `INSERT INTO annotation (result, task_id, project_id, completed_by_id, was_cancelled,
            ground_truth, bulk_created, created_at, updated_at)
            VALUES ('[]', ${task}, ${project}, ${owner.userId}, false, false, false,
            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id`,
        );
        tx.afterCommit(new AnnotationsCreated(owner.organizationId, project, [Number(row.id)]));
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received(undefined, '/rollback').map((r) => r.body.action)).toEqual([
      'TASKS_CREATED',
    ]);
    const annotations = (
      await http().get(`/api/tasks/${task}/annotations/`).set(owner.headers).expect(200)
    ).body;
    expect(annotations).toEqual([]);
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });
});
