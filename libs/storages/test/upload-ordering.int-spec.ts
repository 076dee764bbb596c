import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, User } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';
import { FileUpload, StoragesHttpModule, StoragesModule, UploadsService } from '@ls/storages';

/** Uploads' lists are ordered by the database, in one statement whatever the number of ids. */
describe('ordering of listed uploads (integration)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let auth: AuthContext;
  let projectId: number;
  let rows: Repository<FileUpload>;
  let ids: Record<'a' | 'b' | 'c' | 'theirs', number>;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsModule, ProjectsHttpModule, StoragesModule, StoragesHttpModule],
    });
    owner = await createAccount(testApp.app);
    const colleague = await createAccount(testApp.app, { organizationId: owner.organizationId });
    auth = {
      user: { id: owner.userId } as User,
      organizationId: owner.organizationId,
      role: 'OW',
      method: 'token',
    };
    const { body } = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Ordered uploads' })
      .expect(201);
    projectId = body.id;
    rows = testApp.app.get<Repository<FileUpload>>(getRepositoryToken(FileUpload));
    const row = async (file: string, size: number, day: number, userId = owner.userId) =>
      (
        await rows.save(
          rows.create({
            project_id: projectId,
            user_id: userId,
            file: `upload/${projectId}/${file}`,
            size,
            created_at: new Date(Date.UTC(2026, 0, day)),
          }),
        )
      ).id;
    ids = {
      a: await row('0000000a-b.csv', 30, 2),
      b: await row('0000000b-a.csv', 10, 3),
      c: await row('0000000c-c.csv', 30, 1),
      theirs: await row('0000000d-d.csv', 1, 4, colleague.userId),
    };
  });

  afterAll(() => testApp.close());

  const listed = async (selection: { ids?: number[]; all?: boolean; ordering?: string }) =>
    (await testApp.app.get(UploadsService).listed(auth, projectId, selection)).map(
      (upload) => upload.id,
    );

  it('orders by the named columns, each in its direction, then by id', async () => {
    const { a, b, c } = ids;
    expect(await listed({ all: true, ordering: '-size' })).toEqual([a, c, b]);
    expect(await listed({ all: true, ordering: 'size,-created_at' })).toEqual([b, a, c]);
    expect(await listed({ all: true, ordering: 'file' })).toEqual([a, b, c]);
    expect(await listed({ all: true, ordering: '-created_at' })).toEqual([b, a, c]);
    expect(await listed({ all: true, ordering: 'unknown,-id' })).toEqual([c, b, a]);
    expect(await listed({ all: true })).toEqual([a, b, c]);
  });

  it('orders a long id list in one statement, leaving out others and missing ids', async () => {
    const { a, c, theirs } = ids;
    const many = [c, theirs, a, ...Array.from({ length: 2500 }, (_, i) => 1_000_000 + i)];
    expect(await listed({ ids: many, ordering: '-size,-id' })).toEqual([c, a]);
    expect(await listed({ ids: [] })).toEqual([]);
  });

  it('serves the same order over HTTP', async () => {
    const { a, b, c } = ids;
    const { body } = await testApp
      .http()
      .get(
        `/api/projects/${projectId}/file-uploads?ids=${encodeURIComponent(JSON.stringify([c, b, a]))}&ordering=-size,file`,
      )
      .set(owner.headers)
      .expect(200);
    expect(body.map((upload: { id: number }) => upload.id)).toEqual([a, c, b]);
  });
});
