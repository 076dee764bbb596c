import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TransactionRunner } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule, parsePrepareParams, TaskQuery } from '@ls/data-manager';
import { Project, ProjectsHttpModule } from '@ls/projects';
import { TaskBulkInsert, TasksHttpModule } from '@ls/tasks';
import { choice, filterOf, SENTIMENT_CONFIG, where } from './query/query-fixture';

const CITIES = ['Paris', 'Berlin', 'Oslo', 'Rome', 'Lima'];
const PAGE_SIZE = 7;
const TASKS = 120;

/**
 * Pages of the task list ordered by id are read from a boundary id (keyset) instead of an
 * OFFSET: every page must hold exactly the rows OFFSET gives, whatever the filter or selection.
 */
describe('task list deep pages (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let project: number;
  let annotated: Set<number>;

  const newProject = async () => {
    const response = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Deep', label_config: SENTIMENT_CONFIG })
      .expect(201);
    return response.body.id as number;
  };
  const addTasks = async (projectId: number, data: Record<string, unknown>[]) => {
    const target = await testApp.app
      .get<Repository<Project>>(getRepositoryToken(Project))
      .findOneByOrFail({ id: projectId });
    return testApp.app.get(TransactionRunner).run(async ({ manager }) => {
      const insert = await TaskBulkInsert.start(manager, target);
      return insert.add(data.map((entry) => ({ data: entry })));
    });
  };

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, DataManagerHttpModule],
    });
    owner = await createAccount(testApp.app);
    project = await newProject();
    const other = await newProject();
    const ids: number[] = [];
    // Another project's tasks between ours, so our ids have gaps as in a shared table.
    for (let batch = 0; batch < TASKS / 20; batch += 1) {
      const data = Array.from({ length: 20 }, (_, n) => ({
        text: `task ${batch * 20 + n}`,
        city: CITIES[(batch * 20 + n) % CITIES.length],
        score: (batch * 7 + n) % 11,
      }));
      ids.push(...(await addTasks(project, data)));
      await addTasks(other, data.slice(0, 3));
    }
    annotated = new Set(ids.filter((_, n) => n % 9 === 4));
    for (const id of annotated) {
      await testApp
        .http()
        .post(`/api/tasks/${id}/annotations/`)
        .set(owner.headers)
        .send({ result: choice('Positive') })
        .expect(201);
    }
  }, 120_000);

  afterAll(() => testApp.close());

  /** The page by a plain OFFSET over the same compiled selection. */
  async function offsetPage(params: unknown, page: number, onlyAnnotated: boolean) {
    let query = testApp.app
      .get(TaskQuery)
      .select(testApp.app.get(DataSource).manager, project, parsePrepareParams(params));
    if (onlyAnnotated) {
      query = query.andWhere('(task.total_annotations > 0 OR task.cancelled_annotations > 0)');
    }
    const rows: { id: unknown }[] = await query
      .select('task.id', 'id')
      .offset((page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .getRawMany();
    return rows.map((row) => Number(row.id));
  }

  async function listedPage(params: unknown, page: number, onlyAnnotated: boolean) {
    const response = await testApp
      .http()
      .get('/api/tasks/')
      .query({
        project,
        page,
        page_size: PAGE_SIZE,
        fields: 'task_only',
        query: JSON.stringify(params),
        ...(onlyAnnotated ? { only_annotated: 'true' } : {}),
      })
      .set(owner.headers)
      .expect(200);
    return (response.body.tasks as { id: number }[]).map((task) => task.id);
  }

  const orderings = [[], ['tasks:id'], ['-tasks:id'], ['id'], ['-tasks:data.score']];
  // Excluded ids are some annotated tasks, known once the tasks exist.
  const selections: { name: string; params: object; excluding?: boolean }[] = [
    { name: 'everything', params: {} },
    { name: 'a data filter', params: where(filterOf('data.city', 'equal', 'String', 'Oslo')) },
    {
      name: 'a filter and excluded ids',
      params: where(filterOf('data.score', 'greater', 'Number', 3)),
      excluding: true,
    },
  ];

  for (const ordering of orderings) {
    for (const selection of selections) {
      for (const onlyAnnotated of [false, true]) {
        it(`ordering ${JSON.stringify(ordering)}, ${selection.name}${onlyAnnotated ? ', annotated only' : ''}`, async () => {
          const params = {
            ...selection.params,
            ordering,
            ...(selection.excluding
              ? { selectedItems: { all: true, excluded: [...annotated].slice(0, 3) } }
              : {}),
          };
          const pages = Math.ceil(TASKS / PAGE_SIZE) + 1;
          for (const page of [1, 2, 3, Math.floor(pages / 2), pages - 2, pages - 1, pages]) {
            const expected = await offsetPage(params, page, onlyAnnotated);
            expect({ page, ids: await listedPage(params, page, onlyAnnotated) }).toEqual({
              page,
              ids: expected,
            });
          }
        });
      }
    }
  }

  it('reaches the last rows and past the end as OFFSET does', async () => {
    const params = { ordering: ['-tasks:id'] };
    const last = Math.ceil(TASKS / PAGE_SIZE);
    expect(await listedPage(params, last, false)).toHaveLength(TASKS - (last - 1) * PAGE_SIZE);
    expect(await listedPage(params, last + 1, false)).toEqual([]);
  });
});
