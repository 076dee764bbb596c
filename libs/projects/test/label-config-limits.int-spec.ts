import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';

const MAX_BYTES = 2048;
const TOO_LARGE = `Label config is too large: at most ${MAX_BYTES} bytes (UTF-8) are allowed`;

/** A valid config of exactly `bytes` UTF-8 bytes, mostly two-byte characters. */
function configOfBytes(bytes: number): string {
  const head = '<View><Text name="text" value="$text"/><Header value="';
  const tail = '"/></View>';
  const room = bytes - head.length - tail.length;
  return head + 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2) + tail;
}

const ORIGINAL_CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="c" toName="text"><Choice value="A"/></Choices></View>';

describe('label config caps through the API (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsModule, ProjectsHttpModule],
      env: { LABEL_CONFIG_MAX_BYTES: String(MAX_BYTES) },
    });
    owner = await createAccount(testApp.app);
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const projectCount = async () =>
    Number((await db.query('SELECT COUNT(*) AS count FROM project'))[0].count);
  const expectTooLarge = (body: Record<string, unknown>) =>
    expect(body).toMatchObject({
      status_code: 400,
      detail: 'Validation error',
      validation_errors: { label_config: [TOO_LARGE] },
    });

  async function createProject(): Promise<{ id: number }> {
    const created = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Capped', label_config: ORIGINAL_CONFIG })
      .expect(201);
    return created.body;
  }

  async function expectOriginalConfig(id: number): Promise<void> {
    const project = await http().get(`/api/projects/${id}/`).set(owner.headers).expect(200);
    expect(project.body.label_config).toBe(ORIGINAL_CONFIG);
    expect(Object.keys(project.body.parsed_label_config)).toEqual(['c']);
  }

  it('creates a project whose config is exactly LABEL_CONFIG_MAX_BYTES', async () => {
    const config = configOfBytes(MAX_BYTES);
    expect(Buffer.byteLength(config)).toBe(MAX_BYTES);
    await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'At the cap', label_config: config })
      .expect(201);
  });

  it('refuses to create a project whose config is one byte over, storing nothing', async () => {
    const before = await projectCount();
    const response = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Over the cap', label_config: configOfBytes(MAX_BYTES + 1) })
      .expect(400);
    expectTooLarge(response.body);
    expect(await projectCount()).toBe(before);
  });

  it('refuses a PATCH one byte over, keeping the old config', async () => {
    const { id } = await createProject();
    const response = await http()
      .patch(`/api/projects/${id}/`)
      .set(owner.headers)
      .send({ label_config: configOfBytes(MAX_BYTES + 1) })
      .expect(400);
    expectTooLarge(response.body);
    await expectOriginalConfig(id);
  });

  it('answers /api/projects/validate/ with 204 at the cap and 400 one byte over', async () => {
    const validate = (config: string) =>
      http().post('/api/projects/validate/').set(owner.headers).send({ label_config: config });
    await validate(configOfBytes(MAX_BYTES)).expect(204);
    expectTooLarge((await validate(configOfBytes(MAX_BYTES + 1)).expect(400)).body);
  });

  it("answers /api/projects/{id}/validate/ with 400 one byte over, keeping the project's config", async () => {
    const { id } = await createProject();
    const response = await http()
      .post(`/api/projects/${id}/validate/`)
      .set(owner.headers)
      .send({ label_config: configOfBytes(MAX_BYTES + 1) })
      .expect(400);
    expectTooLarge(response.body);
    await expectOriginalConfig(id);
  });

  it('answers a config nested past the depth cap with a 400 naming the cap, not a 500', async () => {
    const deep = '<View>'.repeat(150) + '</View>'.repeat(150);
    const response = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Too deep', label_config: deep })
      .expect(400);
    expect(response.body.validation_errors.label_config).toEqual([
      expect.stringMatching(/^Label config nests tags too deeply, at most 100 levels are allowed/),
    ]);
  });
});
