import { DataSource } from 'typeorm';
import { STORAGE_TYPES } from '@ls/storages';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

export const MATRIX_ROLES = ['OW', 'AD', 'MA', 'RE', 'AN'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

const CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="label" toName="text">' +
  '<Choice value="a"/><Choice value="b"/></Choices></View>';

/** One organization with a member of every role, and one object of every kind a route names. */
export interface PermissionWorld {
  accounts: Record<MatrixRole, TestAccount>;
  /** Ids by resource kind (`project`, `task`, ...), and by path parameter name where no kind is declared. */
  ids: Record<string, string>;
  /** A published project every role is a member of. */
  project: number;
}

type Http = TestApp['http'];

async function body<T = Record<string, unknown>>(
  request: PromiseLike<{ status: number; body: unknown }>,
  expected: number,
): Promise<T> {
  const response = await request;
  if (response.status !== expected) {
    throw new Error(
      `fixture: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body as T;
}

export async function buildPermissionWorld(testApp: TestApp): Promise<PermissionWorld> {
  const http: Http = () => testApp.http();
  const db = testApp.app.get(DataSource);
  const owner = await createAccount(testApp.app, { organizationTitle: 'Matrix' });
  const join = { organizationId: owner.organizationId };
  const accounts: Record<MatrixRole, TestAccount> = {
    OW: owner,
    AD: await createAccount(testApp.app, { ...join, role: 'AD' }),
    MA: await createAccount(testApp.app, { ...join, role: 'MA' }),
    RE: await createAccount(testApp.app, { ...join, role: 'RE' }),
    AN: await createAccount(testApp.app, { ...join, role: 'AN' }),
  };
  const as = (role: MatrixRole) => accounts[role].headers;

  const project = (
    await body<{ id: number }>(
      http().post('/api/projects').set(as('OW')).send({
        title: 'Matrix',
        label_config: CONFIG,
        is_published: true,
        show_annotation_history: true,
      }),
      201,
    )
  ).id;
  const paused = await createAccount(testApp.app, { ...join, role: 'AN' });
  for (const user of [accounts.MA, accounts.RE, accounts.AN, paused]) {
    await body(
      http().post(`/api/projects/${project}/members/`).set(as('OW')).send({ user: user.userId }),
      201,
    );
  }
  await body(
    http().post('/api/projects').set(as('OW')).send({ title: 'Nobody else', label_config: CONFIG }),
    201,
  );
  const tasks = await body<{ id: number }[]>(
    http()
      .post(`/api/projects/${project}/import?return_task_ids=true&commit_to_project=true`)
      .set(as('OW'))
      .send(Array.from({ length: 12 }, (_, n) => ({ text: `task ${n + 1}` }))),
    201,
  ).then(
    async () =>
      (await db.query(`SELECT id FROM task WHERE project_id = ${Number(project)} ORDER BY id`)) as {
        id: number;
      }[],
  );
  const task = tasks[0].id;
  const annotation = (
    await body<{ id: number }>(
      http()
        .post(`/api/tasks/${task}/annotations/`)
        .set(as('AN'))
        .send({
          result: [
            { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['a'] } },
          ],
        }),
      201,
    )
  ).id;
  await body(
    http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(as('OW'))
      .send({
        result: [
          { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['b'] } },
        ],
      }),
    201,
  );
  await body(
    http()
      .post(`/api/tasks/${tasks[1].id}/annotations/`)
      .set(as('OW'))
      .send({
        result: [
          { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['b'] } },
        ],
      }),
    201,
  );
  const prediction = (
    await body<{ id: number }>(
      http()
        .post('/api/predictions/')
        .set(as('OW'))
        .send({ task, result: [], score: 0.5, model_version: 'v1' }),
      201,
    )
  ).id;
  const draft = (
    await body<{ id: number }>(
      http()
        .post(`/api/tasks/${task}/drafts`)
        .set(as('AN'))
        .send({
          result: [
            { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['b'] } },
          ],
        }),
      201,
    )
  ).id;
  const view = (
    await body<{ id: number }>(
      http().post('/api/dm/views/').set(as('OW')).send({ project, data: {} }),
      201,
    )
  ).id;
  const importId = String(
    (
      await db.query(
        `SELECT max(id) AS id FROM project_import WHERE project_id = ${Number(project)}`,
      )
    )[0].id,
  );
  const upload = await body<{ file_upload_ids: number[] }>(
    http()
      .post(`/api/projects/${project}/import?commit_to_project=false`)
      .set(as('OW'))
      .attach('file', Buffer.from('text\nfrom a file\n'), 'tasks.csv'),
    201,
  );
  const fileUpload = upload.file_upload_ids[0];
  const reimport = await body<{ reimport: number }>(
    http()
      .post(`/api/projects/${project}/reimport`)
      .set(as('OW'))
      .send({ file_upload_ids: [fileUpload], files_as_tasks_list: true }),
    201,
  );
  const [{ file: uploadedFile }] = (await db.query(
    `SELECT file FROM file_upload WHERE id = ${Number(fileUpload)}`,
  )) as { file: string }[];
  const exportId = (
    await body<{ id: number }>(
      http().post(`/api/projects/${project}/exports/`).set(as('OW')).send({}),
      201,
    )
  ).id;
  const webhook = (
    await body<{ id: number }>(
      http()
        .post('/api/webhooks/')
        .set(as('OW'))
        .send({ url: 'https://example.com/hook', project }),
      201,
    )
  ).id;
  const labels = await body<{ results: { id: number; links: number[] }[] }>(
    http()
      .post('/api/labels/')
      .set(as('OW'))
      .send([{ project, from_name: 'label', value: 'c', title: 'c' }]),
    201,
  );
  const workspace = (
    await body<{ id: number }>(
      http().post('/api/workspaces/').set(as('OW')).send({ title: 'Space' }),
      201,
    )
  ).id;
  for (const member of [accounts.MA, accounts.AN]) {
    await body(
      http()
        .post(`/api/workspaces/${workspace}/memberships/`)
        .set(as('OW'))
        .send({ user: member.userId }),
      200,
    );
  }
  await body(
    http()
      .post(`/api/organizations/${owner.organizationId}/permissions`)
      .set(as('OW'))
      .send({ permission: 'views.drop_all', roles: ['AD', 'MA'] }),
    200,
  );
  const tag = (
    await body<{ id: number }>(
      http()
        .post(`/api/organizations/${owner.organizationId}/member-tags`)
        .set(as('OW'))
        .send({ label: 'team' }),
      201,
    )
  ).id;
  const tagImport = await body<{ import: number }>(
    http()
      .post(`/api/organizations/${owner.organizationId}/member-tags/imports`)
      .set(as('OW'))
      .attach('file', Buffer.from(`email,tags\n${accounts.AN.email},team\n`), 'tags.csv'),
    201,
  );
  const pause = (
    await body<{ id: number }>(
      http()
        .post(`/api/projects/${project}/members/${paused.userId}/pauses/`)
        .set(as('OW'))
        .send({ reason: 'MANUAL', verbose_reason: 'matrix' }),
      201,
    )
  ).id;
  const projectRole = (
    await body<{ id: number }>(
      http()
        .post('/api/projects/roles/')
        .set(as('OW'))
        .send({ project, user: accounts.AN.userId, role: 'AN' }),
      201,
    )
  ).id;
  const storageIds: Record<string, string> = {};
  for (const type of STORAGE_TYPES.map(({ type }) => type)) {
    for (const direction of ['import', 'export']) {
      const inserted = await db.getRepository('CloudStorage').insert({
        project_id: project,
        type,
        direction,
        title: 'matrix',
        settings: {},
        meta: {},
      });
      const row = inserted.identifiers[0] as { id: number };
      storageIds[direction === 'import' ? `storage_${type}` : `export_storage_${type}`] = String(
        row.id,
      );
    }
  }
  const backend = (
    await db
      .getRepository('MlBackend')
      .insert({ project_id: project, url: 'http://127.0.0.1:9/', title: 'matrix' })
  ).identifiers[0] as { id: number };

  const connection = (
    await db.getRepository('ModelProviderConnection').insert({
      organization_id: owner.organizationId,
      created_by_id: owner.userId,
      provider: 'OpenAI',
      scope: 'Organization',
      cached_available_models: 'gpt-4o',
    })
  ).identifiers[0] as { id: number };
  const prompt = await body<{ id: number }>(
    http()
      .post('/api/prompts/')
      .set(as('OW'))
      .send({ title: 'Matrix', associated_projects: [project] }),
    201,
  );
  const promptVersion = await body<{ id: number }>(
    http()
      .post(`/api/prompts/${prompt.id}/versions`)
      .set(as('OW'))
      .send({ title: 'Matrix v1', prompt: 'Classify {text}', provider_model_id: 'gpt-4o' }),
    201,
  );
  // A finished run as a row: starting one queues a provider job.
  const modelRun = (
    await db.getRepository('ModelRun').insert({
      organization_id: owner.organizationId,
      prompt_id: prompt.id,
      version_id: promptVersion.id,
      project_id: project,
      status: 'Completed',
    })
  ).identifiers[0] as { id: number };

  const ids: Record<string, string> = {
    project: String(project),
    task: String(task),
    annotation: String(annotation),
    prediction: String(prediction),
    draft: String(draft),
    view: String(view),
    file_upload: String(fileUpload),
    import: importId,
    reimport: String(reimport.reimport),
    uploaded_file: uploadedFile.replace(/^upload\//, ''),
    member_tag_import: String(tagImport.import),
    action_id: 'next_task',
    permission: 'views.drop_all',
    export: String(exportId),
    webhook: String(webhook),
    label: String(labels.results[0].id),
    label_link: String(labels.results[0].links[0]),
    workspace: String(workspace),
    member_tag: String(tag),
    pause: String(pause),
    project_role: String(projectRole),
    ml_backend: String(backend.id),
    model_provider_connection: String(connection.id),
    prompt: String(prompt.id),
    prompt_version: String(promptVersion.id),
    model_run: String(modelRun.id),
    indicator_key: 'predictions',
    organization: String(owner.organizationId),
    user: String(paused.userId),
    ...storageIds,
  };
  return { accounts, ids, project };
}
