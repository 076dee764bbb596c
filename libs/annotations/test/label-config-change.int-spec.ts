import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice, SENTIMENT_CONFIG, span } from './fixtures';

/** The projects library asks the annotations library what is in use before a config changes. */
describe('label config change on a project with annotations (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let api: ReturnType<typeof apiOf>;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    api = apiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  const patchConfig = (project: number, label_config: string) =>
    testApp.http().patch(`/api/projects/${project}/`).set(owner.headers).send({ label_config });
  const storedConfig = async (project: number) =>
    (await testApp.http().get(`/api/projects/${project}/`).set(owner.headers).expect(200)).body
      .label_config;

  it('refuses to drop a label that annotations use, and allows adding one', async () => {
    const project = await api.project();
    const task = await api.task(project);
    await api.annotate(task, { result: [choice('Positive'), span('ORG')] });

    const withoutPositive = SENTIMENT_CONFIG.replace('<Choice value="Positive"/>', '');
    const refused = await patchConfig(project, withoutPositive).expect(400);
    expect(JSON.stringify(refused.body)).toContain('Positive');
    expect(await storedConfig(project)).toBe(SENTIMENT_CONFIG);

    const withoutOrg = SENTIMENT_CONFIG.replace('<Label value="ORG"/>', '');
    const refusedLabel = await patchConfig(project, withoutOrg).expect(400);
    expect(JSON.stringify(refusedLabel.body)).toContain('ORG');

    const withoutControl = SENTIMENT_CONFIG.replace(/<Choices[\s\S]*<\/Choices>/, '');
    await patchConfig(project, withoutControl).expect(400);

    const added = SENTIMENT_CONFIG.replace(
      '<Choice value="Neutral"/>',
      '<Choice value="Neutral"/><Choice value="Mixed"/>',
    );
    await patchConfig(project, added).expect(200);
    expect(await storedConfig(project)).toBe(added);

    // A label no annotation uses can go.
    const withoutUnused = added.replace('<Choice value="Negative"/>', '');
    await patchConfig(project, withoutUnused).expect(200);
  });
});
