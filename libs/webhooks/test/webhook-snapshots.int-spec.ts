import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { OutboxRelay } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { eventually, Receiver } from '@ls/webhooks/testing';
import { newSentimentProject, sentiment, webhooksTestApp } from './webhooks-test-app';

/**
 * Payloads show each change as it was made: the relay is held back (no wake-up, no polling)
 * until every change below has committed, then drained once.
 */
describe('webhook payload snapshots (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let quiet: TestAccount;
  const receiver = new Receiver();
  const http = () => testApp.http();
  const relayNow = () => testApp.app.get(OutboxRelay).drain();
  const outbox = async () =>
    (
      (await testApp.app
        .get(DataSource)
        .query('SELECT name, attachments FROM outbox_event ORDER BY id')) as {
        name: string;
        attachments: unknown;
      }[]
    ).map(({ name, attachments }) => ({
      name,
      attachments: typeof attachments === 'string' ? JSON.parse(attachments) : attachments,
    }));

  const newProject = (account: TestAccount, title: string) =>
    newSentimentProject(testApp, account, title);

  beforeAll(async () => {
    await receiver.start();
    testApp = await webhooksTestApp({
      OUTBOX_COALESCE_MS: '10000',
      OUTBOX_POLL_MS: '600000',
      DATABASE_POOL_SIZE: '3',
    });
    owner = await createAccount(testApp.app);
    quiet = await createAccount(testApp.app);
    await relayNow();
  });

  afterAll(async () => {
    await testApp?.close();
    await receiver.stop();
  });

  it('shows the objects as each change left them, not as they are when sent', async () => {
    const hook = (
      await http()
        .post('/api/webhooks/')
        .set(owner.headers)
        .send({ url: receiver.url('/snap') })
        .expect(201)
    ).body;
    const project = await newProject(owner, 'First title');
    await http()
      .patch(`/api/projects/${project}/`)
      .set(owner.headers)
      .send({ title: 'Second title' })
      .expect(200);
    const task = (
      await http()
        .post('/api/tasks/')
        .set(owner.headers)
        .send({ project, data: { text: 'as imported' } })
        .expect(201)
    ).body.id as number;
    await http()
      .patch(`/api/tasks/${task}/`)
      .set(owner.headers)
      .send({ data: { text: 'edited later' } })
      .expect(200);
    const annotation = (
      await http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(owner.headers)
        .send({ result: sentiment('Positive') })
        .expect(201)
    ).body.id as number;
    await http()
      .patch(`/api/annotations/${annotation}/`)
      .set(owner.headers)
      .send({ result: sentiment('Negative') })
      .expect(200);
    await http().delete(`/api/annotations/${annotation}/`).set(owner.headers).expect(204);
    // Another organization, without webhooks: its events keep nothing.
    await newProject(quiet, 'Nobody listens');

    const recorded = await outbox();
    expect(recorded.map((row) => row.name)).toEqual([
      'projects.project.created',
      'projects.project.updated',
      'tasks.tasks.created',
      'annotations.annotations.created',
      'annotations.annotation.updated',
      'annotations.annotations.deleted',
      'projects.project.created',
    ]);
    expect(recorded.map((row) => row.attachments !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(receiver.received(undefined, '/snap')).toEqual([]);

    await relayNow();
    await eventually(() => expect(receiver.received(undefined, '/snap')).toHaveLength(6));
    const bodies = receiver.received(undefined, '/snap').map((r) => r.body);
    expect(bodies.map((body) => body.action)).toEqual([
      'PROJECT_CREATED',
      'PROJECT_UPDATED',
      'TASKS_CREATED',
      'ANNOTATION_CREATED',
      'ANNOTATION_UPDATED',
      'ANNOTATIONS_DELETED',
    ]);
    const [created, updated, tasks, annotated, changed, deleted] = bodies;
    // Fields as at the change; counters as when sent (Label Studio shows live counters).
    expect(created.project).toMatchObject({ id: project, title: 'First title', task_number: 1 });
    expect(updated.project).toMatchObject({ id: project, title: 'Second title' });
    expect(tasks).toMatchObject({
      tasks: [{ id: task, data: { text: 'as imported' } }],
      project: { id: project, title: 'Second title' },
    });
    expect(annotated).toMatchObject({
      annotation: { id: annotation, result: sentiment('Positive') },
      task: { id: task, data: { text: 'edited later' } },
    });
    expect(changed).toMatchObject({
      annotation: { id: annotation, result: sentiment('Negative') },
    });
    expect(deleted).toMatchObject({ annotations: [{ id: annotation }] });
    expect(await outbox()).toEqual([]);
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });

  it('reads the objects when sent for a webhook created after the change', async () => {
    const project = await newProject(owner, 'Before the webhook');
    const hook = (
      await http()
        .post('/api/webhooks/')
        .set(owner.headers)
        .send({ url: receiver.url('/late'), project })
        .expect(201)
    ).body;
    await http()
      .post('/api/tasks/')
      .set(owner.headers)
      .send({ project, data: { text: 'after' } })
      .expect(201);
    await relayNow();
    await eventually(() => expect(receiver.received(undefined, '/late')).toHaveLength(1));
    expect(receiver.received(undefined, '/late')[0].body).toMatchObject({
      action: 'TASKS_CREATED',
      tasks: [{ data: { text: 'after' } }],
      project: { id: project, title: 'Before the webhook', task_number: 1 },
    });
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });

  it('keeps the payloads of more concurrent writes than the pool has connections', async () => {
    const project = await newProject(owner, 'Busy');
    const hook = (
      await http()
        .post('/api/webhooks/')
        .set(owner.headers)
        .send({ url: receiver.url('/busy'), project })
        .expect(201)
    ).body;
    // Past the time the organization's webhooks are trusted from cache: the writes ask again,
    // each from inside its transaction.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const texts = Array.from({ length: 12 }, (_, n) => `concurrent ${n}`);
    await Promise.all(
      texts.map((text) =>
        http().post('/api/tasks/').set(owner.headers).send({ project, data: { text } }).expect(201),
      ),
    );
    expect((await outbox()).filter((row) => row.attachments !== null)).toHaveLength(12);
    await relayNow();
    await eventually(() => expect(receiver.received(undefined, '/busy')).toHaveLength(12));
    const sent = receiver.received(undefined, '/busy').map((r) => r.body.tasks as unknown[]);
    expect(sent.map((tasks) => (tasks[0] as { data: { text: string } }).data.text).sort()).toEqual(
      [...texts].sort(),
    );
    // Annotations ask before their transaction too (PostgreSQL's one-statement path), while
    // others already in theirs ask again.
    const taskIds = sent.map((tasks) => (tasks[0] as { id: number }).id);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await Promise.all(
      taskIds.flatMap((task) =>
        [sentiment('Positive'), sentiment('Negative')].map((result) =>
          http().post(`/api/tasks/${task}/annotations/`).set(owner.headers).send({ result }),
        ),
      ),
    );
    await relayNow();
    await eventually(() =>
      expect(receiver.received('ANNOTATION_CREATED', '/busy')).toHaveLength(24),
    );
    expect(await outbox()).toEqual([]);
    await http().delete(`/api/webhooks/${hook.id}/`).set(owner.headers).expect(204);
  });
});
