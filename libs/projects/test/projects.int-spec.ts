import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import {
  LabelsInUse,
  LabelUsage,
  ProjectCounters,
  ProjectsHttpModule,
  ProjectsModule,
  ProjectStats,
} from '@ls/projects';

const CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Person"/></RectangleLabels>
</View>`;

/** Every writable Community field, with values other than the defaults. */
const FULL_PROJECT = {
  title: 'Cars and people',
  description: 'Find them all',
  label_config: CONFIG,
  expert_instruction: '<b>Draw tight boxes</b>',
  show_instruction: true,
  show_skip_button: false,
  enable_empty_annotation: false,
  show_annotation_history: true,
  color: '#FF0000',
  maximum_annotations: 3,
  is_published: true,
  model_version: 'v7',
  is_draft: true,
  min_annotations_to_start_training: 10,
  show_collab_predictions: false,
  sampling: 'Uniform sampling',
  show_ground_truth_first: true,
  show_overlap_first: true,
  overlap_cohort_percentage: 40,
  task_data_login: 'reader',
  evaluate_predictions_automatically: true,
  skip_queue: 'IGNORE_SKIPPED',
  reveal_preannotations_interactively: true,
  pinned_at: '2026-01-02T03:04:05.000Z',
  agreement_methodology: 'consensus',
  require_comment_on_skip: true,
  custom_task_lock_ttl: 600,
};

describe('projects (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsModule, ProjectsHttpModule] });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const createProject = async (body: Record<string, unknown>, account = owner) =>
    (await http().post('/api/projects/').set(account.headers).send(body).expect(201)).body;

  it('creates a project with every writable field and reads them back', async () => {
    const created = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ ...FULL_PROJECT, task_data_password: 'secret' })
      .expect(201);
    expectContract('LseProjectCreate', created.body);
    expect(created.body).toMatchObject(FULL_PROJECT);
    expect(created.body).not.toHaveProperty('task_data_password');
    expect(created.body.created_by).toMatchObject({ id: owner.userId });
    expect(created.body.organization).toBe(owner.organizationId);
    expect(created.body.parsed_label_config.label.labels).toEqual(['Car', 'Person']);
    expect(created.body.data_types).toEqual({ image: 'Image' });
    expect(created.body.config_has_control_tags).toBe(true);
    expect(created.body.task_number).toBe(0);

    const fetched = await http()
      .get(`/api/projects/${created.body.id}/`)
      .set(owner.headers)
      .expect(200);
    expectContract('LseProjectResponse', fetched.body);
    expect(fetched.body).toMatchObject(FULL_PROJECT);
    const [row] = await db.query(
      `SELECT task_data_password, maximum_annotations FROM project WHERE id = ${Number(created.body.id)}`,
    );
    expect(row).toEqual({ task_data_password: 'secret', maximum_annotations: 3 });
  });

  it('gives Label Studio defaults to a project created empty', async () => {
    const created = await createProject({});
    expect(created).toMatchObject({
      title: null,
      label_config: '<View></View>',
      maximum_annotations: 1,
      show_skip_button: true,
      enable_empty_annotation: true,
      show_collab_predictions: true,
      sampling: 'Sequential sampling',
      skip_queue: 'REQUEUE_FOR_OTHERS',
      overlap_cohort_percentage: 100,
      config_has_control_tags: false,
      parsed_label_config: {},
    });
  });

  it('patches every writable field', async () => {
    const created = await createProject({ title: 'Before' });
    const patched = await http()
      .patch(`/api/projects/${created.id}/`)
      .set(owner.headers)
      .send(FULL_PROJECT)
      .expect(200);
    expectContract('LseProjectUpdate', patched.body);
    expect(patched.body).toMatchObject(FULL_PROJECT);
    const again = await http().get(`/api/projects/${created.id}/`).set(owner.headers);
    expect(again.body).toMatchObject(FULL_PROJECT);
    const unpinned = await http()
      .patch(`/api/projects/${created.id}/`)
      .set(owner.headers)
      .send({ pinned_at: null, title: '' })
      .skipContract("Label Studio keeps an empty title, under the contract's minLength of 3")
      .expect(200);
    expect(unpinned.body).toMatchObject({ pinned_at: null, title: '' });
  });

  it.each([
    [{ title: 'ab' }, 'title'],
    [{ maximum_annotations: 0 }, 'maximum_annotations'],
    [{ overlap_cohort_percentage: 101 }, 'overlap_cohort_percentage'],
    [{ sampling: 'Random' }, 'sampling'],
    [{ skip_queue: 'NEVER' }, 'skip_queue'],
    [{ show_skip_button: 'no' }, 'show_skip_button'],
    [{ label_config: '<View><Image name="i"></View>' }, 'label_config'],
    [
      {
        label_config:
          '<View><Image name="i" value="$i"/><Choices name="c" toName="x"><Choice value="a"/></Choices></View>',
      },
      'label_config',
    ],
  ])('rejects %p with a 400 naming %s, writing nothing', async (body, field) => {
    const [{ count: before }] = await db.query('SELECT COUNT(*) AS count FROM project');
    const response = await http().post('/api/projects/').set(owner.headers).send(body).expect(400);
    expect(Object.keys(response.body.validation_errors)).toEqual([field]);
    const [{ count: after }] = await db.query('SELECT COUNT(*) AS count FROM project');
    expect(Number(after)).toBe(Number(before));
  });

  it('lists with filters, ordering and pagination, scoped to the organization', async () => {
    const account = await createAccount(testApp.app);
    const titles = ['Alpha birds', 'Beta cars', 'Gamma birds', 'Delta boats', 'Epsilon'];
    const ids: number[] = [];
    for (const [index, title] of titles.entries()) {
      const project = await createProject(
        {
          title,
          description: index === 4 ? 'all about birds' : 'nothing',
          pinned_at: index === 1 ? new Date().toISOString() : null,
        },
        account,
      );
      ids.push(project.id);
    }
    await createProject({ title: 'Other org birds' }, stranger);
    const list = (query: string) =>
      http()
        .get(`/api/projects/?${query}`)
        .set(account.headers)
        .expect(200)
        .then((r) => r.body);
    const narrowedList = (query: string) =>
      http()
        .get(`/api/projects/?${query}`)
        .set(account.headers)
        .skipContract(
          'include= leaves out the counters it does not name; the contract requires them',
        )
        .expect(200)
        .then((r) => r.body);

    const all = await list('');
    expectContract('PaginatedAllRolesProjectListList', all);
    expect(all.count).toBe(5);
    // Pinned first, then newest first.
    expect(all.results.map((p: { title: string }) => p.title)).toEqual([
      'Beta cars',
      'Epsilon',
      'Delta boats',
      'Gamma birds',
      'Alpha birds',
    ]);
    const titlesOf = (body: { results: { title: string }[] }) => body.results.map((p) => p.title);
    expect(titlesOf(await list('title=BIRDS'))).toEqual(['Gamma birds', 'Alpha birds']);
    expect(titlesOf(await list('search=birds&ordering=title'))).toEqual([
      'Alpha birds',
      'Epsilon',
      'Gamma birds',
    ]);
    expect(titlesOf(await list(`ids=${ids[0]},${ids[3]}&ordering=id`))).toEqual([
      'Alpha birds',
      'Delta boats',
    ]);
    expect(titlesOf(await list('filter=pinned_only'))).toEqual(['Beta cars']);
    expect((await list('filter=exclude_pinned')).count).toBe(4);
    expect(titlesOf(await list('ordering=-title'))[0]).toBe('Gamma birds');

    const page = await list('page_size=2&page=2&ordering=title');
    expect(titlesOf(page)).toEqual(['Delta boats', 'Epsilon']);
    expect(page.next).toContain('page=3');
    expect(page.previous).toContain('page_size=2');

    const narrowed = await narrowedList('include=task_number,total_annotations_number');
    expect(narrowed.results[0]).toHaveProperty('task_number', 0);
    expect(narrowed.results[0]).not.toHaveProperty('queue_total');

    await http().get('/api/projects/?ordering=secret').set(account.headers).expect(400);
    await http().get('/api/projects/?ids=1;drop').set(account.headers).expect(400);
  });

  it('counts come from the ProjectStats port, one call for a whole page', async () => {
    const account = await createAccount(testApp.app);
    const projects: { id: number }[] = [];
    for (const n of [1, 2, 3])
      projects.push(await createProject({ title: `Counted ${n}` }, account));
    const calls: number[][] = [];
    testApp.app.get(ProjectStats).register({
      countersFor: async (projectIds) => {
        calls.push(projectIds);
        return new Map(
          projectIds.map((id): [number, Partial<ProjectCounters>] => [
            id,
            { task_number: id * 10, finished_task_number: id, total_annotations_number: id * 2 },
          ]),
        );
      },
      annotatorIds: async () => [account.userId],
    });
    const list = await http().get('/api/projects/').set(account.headers).expect(200);
    expect(calls).toHaveLength(1);
    expect(calls[0].sort()).toEqual(projects.map((p) => p.id).sort());
    const first = list.body.results.find((p: { id: number }) => p.id === projects[0].id);
    expect(first).toMatchObject({
      task_number: projects[0].id * 10,
      total_annotations_number: projects[0].id * 2,
    });

    const counts = await http().get('/api/projects/counts/').set(account.headers).expect(200);
    expectContract('PaginatedLseProjectCountsList', counts.body);
    expect(counts.body.results[0]).toMatchObject({
      id: projects[2].id,
      task_number: projects[2].id * 10,
    });

    const dashboard = await http()
      .get(`/api/projects/${projects[0].id}/dashboard`)
      .set(account.headers)
      .expect(200);
    expectOperationResponse('api_projects_dashboard_retrieve', 200, dashboard.body);
    expect(dashboard.body).toEqual({
      tasks: projects[0].id * 10,
      annotations: projects[0].id * 2,
      annotated_tasks: 0,
      skipped_tasks: 0,
      remaining_tasks: projects[0].id * 10 - projects[0].id,
      reviewed_tasks: 0,
    });
    const annotators = await http()
      .get(`/api/projects/${projects[0].id}/annotators/`)
      .set(account.headers)
      .expect(200);
    expectContract(['UserSimple'], annotators.body);
    expectOperationResponse('api_projects_annotators_retrieve', 200, annotators.body);
    expect(annotators.body.map((u: { id: number }) => u.id)).toEqual([account.userId]);
  });

  it('the deprecated member list shows members who are not annotators', async () => {
    const project = await createProject({ title: 'Team work' });
    const annotator = await createAccount(testApp.app, { organizationId: owner.organizationId });
    const manager = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'MA',
    });
    const outsider = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'MA',
    });
    for (const account of [annotator, manager]) {
      await http()
        .post(`/api/projects/${project.id}/members/`)
        .set(owner.headers)
        .send({ user: account.userId })
        .expect(201);
    }
    const members = await http()
      .get(`/api/projects/${project.id}/members/`)
      .set(owner.headers)
      .expect(200);
    expectContract(['LseUser'], members.body);
    expect(members.body.map((u: { id: number }) => u.id)).toEqual([owner.userId, manager.userId]);
    expect(members.body.map((u: { id: number }) => u.id)).not.toContain(outsider.userId);
    const picked = await http()
      .get(`/api/projects/${project.id}/members/?user_ids=${manager.userId}`)
      .set(owner.headers)
      .expect(200);
    expect(picked.body.map((u: { id: number }) => u.id)).toEqual([manager.userId]);
  });

  it('validates a config alone (signed in: issue 11 item 2) and against a project', async () => {
    await http().post('/api/projects/validate/').send({ label_config: CONFIG }).expect(401);
    await http()
      .post('/api/projects/validate/')
      .set(owner.headers)
      .send({ label_config: CONFIG })
      .expect(204);
    const bad = await http()
      .post('/api/projects/validate/')
      .set(owner.headers)
      .send({ label_config: '<View><Foo' })
      .expect(400);
    expect(bad.body.validation_errors.label_config[0]).toMatch(/line 1/);
    const project = await createProject({ title: 'Validated', label_config: CONFIG });
    const same = await http()
      .post(`/api/projects/${project.id}/validate/`)
      .set(owner.headers)
      .send({ label_config: CONFIG })
      .expect(200);
    expectContract('ProjectLabelConfig', same.body);
    expect(same.body).toEqual({ label_config: CONFIG, config_essential_data_has_changed: false });
    const changed = await http()
      .post(`/api/projects/${project.id}/validate/`)
      .set(owner.headers)
      .send({ label_config: CONFIG.replace('<Label value="Person"/>', '') })
      .expect(200);
    expect(changed.body.config_essential_data_has_changed).toBe(true);
    await http()
      .post(`/api/projects/${project.id}/validate/`)
      .set(owner.headers)
      .send({ label_config: ' ' })
      .expect(400);
  });

  it('refuses a config change that drops a label annotations use, and allows additions', async () => {
    const project = await createProject({ title: 'In use', label_config: CONFIG });
    testApp.app.get(LabelUsage).register({
      resultShapes: async (id) =>
        id === project.id
          ? [{ from_name: 'label', to_name: 'image', type: 'rectanglelabels', count: 2 }]
          : [],
      labelsInUse: async (id): Promise<LabelsInUse> =>
        new Map(
          id === project.id ? [['label', new Map([['Car', { annotations: 2, drafts: 0 }]])]] : [],
        ),
    });
    const refused = await http()
      .patch(`/api/projects/${project.id}/`)
      .set(owner.headers)
      .send({ label_config: CONFIG.replace('<Label value="Car"/>', '') })
      .expect(400);
    expect(refused.body.validation_errors.label_config[0]).toMatch(
      /Car \(2 annotations, 0 drafts\)/,
    );
    const [row] = await db.query(
      `SELECT label_config FROM project WHERE id = ${Number(project.id)}`,
    );
    expect(row.label_config).toBe(CONFIG);
    const added = await http()
      .patch(`/api/projects/${project.id}/`)
      .set(owner.headers)
      .send({
        label_config: CONFIG.replace(
          '<Label value="Car"/>',
          '<Label value="Car"/><Label value="Bus"/>',
        ),
      })
      .expect(200);
    expect(added.body.parsed_label_config.label.labels).toEqual(['Car', 'Bus', 'Person']);
  });

  it('another organization answers 404, and delete removes the project', async () => {
    const project = await createProject({ title: 'Private' });
    await http().get(`/api/projects/${project.id}/`).set(stranger.headers).expect(404);
    await http()
      .patch(`/api/projects/${project.id}/`)
      .set(stranger.headers)
      .send({ title: 'Mine now' })
      .expect(404);
    await http().delete(`/api/projects/${project.id}/`).set(stranger.headers).expect(404);
    await http().get(`/api/projects/${project.id}/members/`).set(stranger.headers).expect(404);
    await http().get(`/api/projects/${project.id}/dashboard`).set(stranger.headers).expect(404);
    const strangers = await http().get('/api/projects/').set(stranger.headers);
    expect(strangers.body.results.map((p: { id: number }) => p.id)).not.toContain(project.id);

    await http().delete(`/api/projects/${project.id}/`).set(owner.headers).expect(204);
    await http().get(`/api/projects/${project.id}/`).set(owner.headers).expect(404);
    const [{ count }] = await db.query(
      `SELECT COUNT(*) AS count FROM project WHERE id = ${Number(project.id)}`,
    );
    expect(Number(count)).toBe(0);
  });

  it('lists a page of projects with the same number of queries whatever its size', async () => {
    const account = await createAccount(testApp.app);
    for (let n = 0; n < 40; n += 1) await createProject({ title: `Bulk ${n}` }, account);
    const logger = db.logger as { logQuery: (...args: unknown[]) => void };
    const original = logger.logQuery;
    const queriesFor = async (pageSize: number) => {
      let queries = 0;
      logger.logQuery = () => {
        queries += 1;
      };
      try {
        const page = await http().get(`/api/projects/?page_size=${pageSize}`).set(account.headers);
        expect(page.body.results).toHaveLength(pageSize);
      } finally {
        logger.logQuery = original;
      }
      return queries;
    };
    const small = await queriesFor(5);
    const large = await queriesFor(40);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
