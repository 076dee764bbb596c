import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Controller, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AuthContext, CurrentAuth, Requires, User } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule, ProjectsModule, ProjectsService } from '@ls/projects';
import {
  FileUpload,
  MultipartUploads,
  StoragesHttpModule,
  StoragesModule,
  UploadsService,
} from '@ls/storages';
import { TasksHttpModule, TasksService } from '@ls/tasks';

const MAX_SIZE = 64 * 1024;
const MAX_FILES = 3;
// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Test-only stand-in for the import endpoint, which will save request files through the same
 * service: every file of a multipart request, all or none, and the form's text fields.
 */
@Requires('projects.import')
@Controller('test/multipart')
class MultipartProbeController {
  constructor(
    private readonly uploads: MultipartUploads,
    private readonly projects: ProjectsService,
  ) {}

  @Post(':id')
  async save(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    const project = await this.projects.get(auth, id);
    const { uploads, fields } = await this.uploads.saveMultipart(auth, project, request);
    return { ids: uploads.map((upload) => upload.id), fields };
  }
}

describe('file uploads (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let colleague: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let uploads: UploadsService;
  let dataDir: string;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [
        ProjectsModule,
        ProjectsHttpModule,
        TasksHttpModule,
        StoragesModule,
        StoragesHttpModule,
      ],
      controllers: [MultipartProbeController],
      env: { IMPORT_MAX_FILE_SIZE: MAX_SIZE, IMPORT_MAX_FILES: MAX_FILES },
    });
    owner = await createAccount(testApp.app);
    colleague = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AD',
    });
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    uploads = testApp.app.get(UploadsService);
    dataDir = resolve(testApp.config.DATA_DIR);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const authOf = (account: TestAccount): AuthContext => ({
    user: { id: account.userId } as User,
    organizationId: account.organizationId,
    role: 'OW',
    method: 'token',
  });
  const createProject = async (account = owner, body: Record<string, unknown> = {}) =>
    (
      await http()
        .post('/api/projects/')
        .set(account.headers)
        .send({ title: 'Uploads', ...body })
        .expect(201)
    ).body.id as number;
  const save = (projectId: number, name: string, content: Buffer | string, account = owner) =>
    uploads.saveFile(
      authOf(account),
      { id: projectId },
      name,
      Readable.from([Buffer.from(content)]),
    );
  const filesIn = (projectId: number) => {
    const directory = join(dataDir, 'upload', String(projectId));
    return existsSync(directory) ? readdirSync(directory) : [];
  };
  const rowsOf = async (projectId: number) =>
    (
      await dataSource.query(
        `SELECT id, file, size FROM file_upload WHERE project_id = ${projectId}`,
      )
    ).map((row: Record<string, unknown>) => ({
      ...row,
      id: Number(row.id),
      size: Number(row.size),
    }));
  const taskWithUpload = async (projectId: number, uploadId: number): Promise<number> => {
    const project = await testApp.app.get(ProjectsService).get(authOf(owner), projectId);
    const [task] = await dataSource.transaction((manager) =>
      testApp.app
        .get(TasksService)
        .addTasks(manager, project, [{ data: { image: 'x' }, file_upload_id: uploadId }]),
    );
    return task.id;
  };
  const fileUploadIdOf = async (taskId: number) => {
    const [row] = await dataSource.query(`SELECT file_upload_id FROM task WHERE id = ${taskId}`);
    return row.file_upload_id;
  };
  /** A GET with the path exactly as given (supertest would resolve `..` before sending). */
  const rawGet = async (path: string, headers: Record<string, string> = owner.headers) => {
    const server = testApp.app.getHttpServer();
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
      (done, fail) => {
        const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () =>
            done({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        });
        request.on('error', fail);
        request.end();
      },
    );
  };

  describe('saving', () => {
    it('streams a file to DATA_DIR/upload/<project>/ under a safe name and records its size', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'tasks.csv', 'text\nhello\n');
      expect(upload).toMatchObject({ project_id: projectId, user_id: owner.userId, size: 11 });
      expect(upload.file).toMatch(new RegExp(`^upload/${projectId}/[0-9a-f]{8}-tasks\\.csv$`));
      expect(uploads.pathOf(upload)).toBe(join(dataDir, upload.file));
      expect(readFileSync(uploads.pathOf(upload), 'utf8')).toBe('text\nhello\n');
      expect(uploads.urlOf(upload)).toBe(`/data/${upload.file}`);
      expect(await rowsOf(projectId)).toEqual([{ id: upload.id, file: upload.file, size: 11 }]);
    });

    it.each([
      ['../../etc/passwd.csv', 'passwd.csv'],
      ['a b<script>.csv', 'a_b_script_.csv'],
      ['..\\..\\evil.json', 'evil.json'],
    ])('keeps %j inside the project folder as %j', async (name, safe) => {
      const projectId = await createProject();
      const upload = await save(projectId, name, '{}');
      expect(upload.file).toMatch(
        new RegExp(`^upload/${projectId}/[0-9a-f]{8}-${safe.replace('.', '\\.')}$`),
      );
      expect(
        uploads.pathOf(upload).startsWith(join(dataDir, 'upload', String(projectId)) + sep),
      ).toBe(true);
      expect(filesIn(projectId)).toEqual([upload.file.split('/').pop()]);
    });

    it('refuses an extension Label Studio does not accept, leaving nothing behind', async () => {
      const projectId = await createProject();
      await expect(save(projectId, 'setup.exe', 'MZ')).rejects.toMatchObject({
        status: 400,
        errors: { non_field_errors: ['.exe extension is not supported'] },
      });
      await expect(save(projectId, 'README', 'text')).rejects.toMatchObject({ status: 400 });
      expect(filesIn(projectId)).toEqual([]);
      expect(await rowsOf(projectId)).toEqual([]);
    });

    it('refuses content over IMPORT_MAX_FILE_SIZE with a 413, removing the partial file', async () => {
      const projectId = await createProject();
      const error = await save(projectId, 'big.txt', Buffer.alloc(MAX_SIZE + 1, 'a')).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ status: 413 });
      expect((error as { getResponse(): unknown }).getResponse()).toEqual({
        detail: `Maximum total size of all files is ${MAX_SIZE} bytes, current size is more than ${MAX_SIZE} bytes`,
      });
      expect(filesIn(projectId)).toEqual([]);
      expect(await rowsOf(projectId)).toEqual([]);
      // Exactly the limit is fine; a shared budget counts every file of a request.
      const budget = uploads.newBudget();
      await uploads.saveFile(
        authOf(owner),
        { id: projectId },
        'a.txt',
        Readable.from([Buffer.alloc(MAX_SIZE - 10)]),
        budget,
      );
      expect(budget.remainingBytes).toBe(10);
      await expect(
        uploads.saveFile(
          authOf(owner),
          { id: projectId },
          'b.txt',
          Readable.from([Buffer.alloc(11)]),
          budget,
        ),
      ).rejects.toMatchObject({ status: 413 });
      expect(filesIn(projectId)).toHaveLength(1);
    });
  });

  describe('multipart requests', () => {
    it('saves every file of the request, whatever the field names, and reads the text fields', async () => {
      const projectId = await createProject();
      const response = await http()
        .post(`/test/multipart/${projectId}`)
        .set(owner.headers)
        .field('url', 'https://example.com/tasks.json')
        .attach('file', Buffer.from('a\n'), 'one.txt')
        .attach('anything', PNG, 'two.png')
        .expect(201);
      expect(response.body.fields).toEqual({ url: 'https://example.com/tasks.json' });
      expect(response.body.ids).toHaveLength(2);
      expect((await rowsOf(projectId)).map((row: { size: number }) => row.size).sort()).toEqual(
        [2, PNG.length].sort(),
      );
      expect(filesIn(projectId)).toHaveLength(2);
    });

    it('saves none when one file is refused', async () => {
      const projectId = await createProject();
      const unsupported = await http()
        .post(`/test/multipart/${projectId}`)
        .set(owner.headers)
        .attach('a', Buffer.from('a\n'), 'one.txt')
        .attach('b', Buffer.from('MZ'), 'two.exe')
        .expect(400);
      expect(unsupported.body.validation_errors).toEqual({
        non_field_errors: ['.exe extension is not supported'],
      });
      const tooLarge = await http()
        .post(`/test/multipart/${projectId}`)
        .set(owner.headers)
        .attach('a', Buffer.alloc(MAX_SIZE / 2, 'a'), 'one.txt')
        .attach('b', Buffer.alloc(MAX_SIZE / 2 + 1, 'b'), 'two.txt')
        .expect(413);
      expect(tooLarge.body).toMatchObject({
        status_code: 413,
        detail: `Maximum total size of all files is ${MAX_SIZE} bytes, current size is more than ${MAX_SIZE} bytes`,
      });
      const oneTooLarge = await http()
        .post(`/test/multipart/${projectId}`)
        .set(owner.headers)
        .attach('a', Buffer.alloc(MAX_SIZE + 100, 'a'), 'one.txt')
        .expect(413);
      expect(oneTooLarge.body.detail).toMatch(/^Maximum total size of all files/);
      const request = http().post(`/test/multipart/${projectId}`).set(owner.headers);
      for (let i = 0; i <= MAX_FILES; i += 1) request.attach(`f${i}`, Buffer.from('x'), `${i}.txt`);
      const tooMany = await request.expect(413);
      expect(tooMany.body.detail).toBe(
        `Maximum number of files is ${MAX_FILES}, current number is more than ${MAX_FILES}`,
      );
      expect(filesIn(projectId)).toEqual([]);
      expect(await rowsOf(projectId)).toEqual([]);
      // The connection is still good for the next request.
      await http()
        .get(`/api/projects/${projectId}/file-uploads?all=true`)
        .set(owner.headers)
        .expect(200, []);
    });

    it('answers 400 when the request is not multipart', async () => {
      const projectId = await createProject();
      const response = await http()
        .post(`/test/multipart/${projectId}`)
        .set(owner.headers)
        .send({ url: 'x' })
        .expect(400);
      expect(response.body.detail).toBe('Expected a multipart/form-data request');
    });
  });

  describe('GET /api/projects/{id}/file-uploads', () => {
    it("lists the caller's uploads named by ids, in either form, or all of them", async () => {
      const projectId = await createProject();
      const [a, b, c] = [
        await save(projectId, 'a.csv', 'x\n1\n'),
        await save(projectId, 'b.csv', 'x\n12\n'),
        await save(projectId, 'c.csv', 'x\n123\n'),
      ];
      const theirs = await save(projectId, 'd.csv', 'x\n', colleague);
      const list = (query: string, account = owner) =>
        http()
          .get(`/api/projects/${projectId}/file-uploads${query}`)
          .set(account.headers)
          .expect(200);

      const byJson = await list(
        `?ids=${encodeURIComponent(JSON.stringify([a.id, c.id, theirs.id]))}`,
      );
      expectOperationResponse('api_projects_file_uploads_list', 200, byJson.body);
      expect(byJson.body).toEqual([
        { id: a.id, file: a.file, size: 4 },
        { id: c.id, file: c.file, size: 6 },
      ]);
      expect((await list(`?ids=${b.id}&ids=${c.id}`)).body.map((u: FileUpload) => u.id)).toEqual([
        b.id,
        c.id,
      ]);
      expect((await list(`?ids=${a.id},${b.id}`)).body.map((u: FileUpload) => u.id)).toEqual([
        a.id,
        b.id,
      ]);
      expect((await list('')).body).toEqual([]);

      const all = await list('?all=true&ordering=-size');
      expectOperationResponse('api_projects_file_uploads_list', 200, all.body);
      expect(all.body.map((u: FileUpload) => u.id)).toEqual([c.id, b.id, a.id]);
      expect((await list('?all=true', colleague)).body.map((u: FileUpload) => u.id)).toEqual([
        theirs.id,
      ]);

      await http()
        .get(`/api/projects/${projectId}/file-uploads?ids=[1,`)
        .set(owner.headers)
        .expect(400);
    });

    it("lists all the caller's uploads of a draft project", async () => {
      const projectId = await createProject(owner, { is_draft: true });
      const upload = await save(projectId, 'a.json', '[]');
      const response = await http()
        .get(`/api/projects/${projectId}/file-uploads`)
        .set(owner.headers)
        .expect(200);
      expect(response.body).toEqual([{ id: upload.id, file: upload.file, size: 2 }]);
    });
  });

  describe('GET, PATCH and DELETE /api/import/file-upload/{id}', () => {
    it('answers one upload', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'a.txt', 'hello');
      const response = await http()
        .get(`/api/import/file-upload/${upload.id}`)
        .set(colleague.headers)
        .expect(200);
      expectOperationResponse('api_import_file_upload_retrieve', 200, response.body);
      expect(response.body).toEqual({ id: upload.id, file: upload.file, size: 5 });
      await http().get('/api/import/file-upload/999999').set(owner.headers).expect(404);
    });

    it('replaces the content with a multipart file: new file, old one gone, new size', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'a.txt', 'old content');
      const response = await http()
        .patch(`/api/import/file-upload/${upload.id}`)
        .set(owner.headers)
        .attach('file', Buffer.from('new!'), 'b.txt')
        .expect(200);
      expectOperationResponse('api_import_file_upload_partial_update', 200, response.body);
      expect(response.body).toMatchObject({ id: upload.id, size: 4 });
      expect(response.body.file).toMatch(new RegExp(`^upload/${projectId}/[0-9a-f]{8}-b\\.txt$`));
      expect(existsSync(uploads.pathOf(upload))).toBe(false);
      expect(readFileSync(join(dataDir, response.body.file), 'utf8')).toBe('new!');
      expect(filesIn(projectId)).toEqual([response.body.file.split('/').pop()]);
      expect(await rowsOf(projectId)).toEqual([
        { id: upload.id, file: response.body.file, size: 4 },
      ]);

      // Without a file nothing changes.
      const unchanged = await http()
        .patch(`/api/import/file-upload/${upload.id}`)
        .set(owner.headers)
        .send({ file: 'upload/1/elsewhere.txt' })
        .expect(200);
      expect(unchanged.body).toEqual(response.body);
    });

    it('keeps the upload as it was when the new file is refused', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'a.txt', 'old content');
      const patch = () => http().patch(`/api/import/file-upload/${upload.id}`).set(owner.headers);
      await patch().attach('file', Buffer.from('MZ'), 'b.exe').expect(400);
      await patch()
        .attach('file', Buffer.alloc(MAX_SIZE + 1, 'a'), 'b.txt')
        .expect(413);
      const twoFiles = await patch()
        .attach('file', Buffer.from('1'), 'b.txt')
        .attach('file', Buffer.from('2'), 'c.txt')
        .expect(400);
      expect(twoFiles.body.validation_errors).toEqual({
        file: ['Send one file to replace the upload.'],
      });
      expect(await rowsOf(projectId)).toEqual([{ id: upload.id, file: upload.file, size: 11 }]);
      expect(filesIn(projectId)).toEqual([upload.file.split('/').pop()]);
      expect(readFileSync(uploads.pathOf(upload), 'utf8')).toBe('old content');
    });

    it('deletes an upload and its file; its tasks stay, without the link', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'a.txt', 'hello');
      const kept = await save(projectId, 'b.txt', 'other');
      const taskId = await taskWithUpload(projectId, upload.id);
      const otherTaskId = await taskWithUpload(projectId, kept.id);
      await http().delete(`/api/import/file-upload/${upload.id}`).set(owner.headers).expect(204);
      expect(await rowsOf(projectId)).toEqual([{ id: kept.id, file: kept.file, size: 5 }]);
      expect(existsSync(uploads.pathOf(upload))).toBe(false);
      expect(await fileUploadIdOf(taskId)).toBeNull();
      expect(Number(await fileUploadIdOf(otherTaskId))).toBe(kept.id);
      await http().get(`/api/import/file-upload/${upload.id}`).set(owner.headers).expect(404);
      await http().delete(`/api/import/file-upload/${upload.id}`).set(owner.headers).expect(404);
    });
  });

  describe('DELETE /api/projects/{id}/file-uploads', () => {
    it('removes the uploads named in the body or the query, files included', async () => {
      const projectId = await createProject();
      const [a, b, c, d] = [
        await save(projectId, 'a.txt', '1'),
        await save(projectId, 'b.txt', '2'),
        await save(projectId, 'c.txt', '3'),
        await save(projectId, 'd.txt', '4', colleague),
      ];
      const taskId = await taskWithUpload(projectId, a.id);
      await http()
        .delete(`/api/projects/${projectId}/file-uploads`)
        .set(owner.headers)
        .send({ file_upload_ids: [a.id, d.id] })
        .expect(204);
      expect((await rowsOf(projectId)).map((row: { id: number }) => row.id).sort()).toEqual(
        [b.id, c.id].sort(),
      );
      expect(await fileUploadIdOf(taskId)).toBeNull();
      expect(existsSync(uploads.pathOf(a))).toBe(false);
      expect(existsSync(uploads.pathOf(d))).toBe(false);

      await http()
        .delete(`/api/projects/${projectId}/file-uploads?ids=${encodeURIComponent(`[${b.id}]`)}`)
        .set(owner.headers)
        .expect(204);
      expect((await rowsOf(projectId)).map((row: { id: number }) => row.id)).toEqual([c.id]);

      await http()
        .delete(`/api/projects/${projectId}/file-uploads`)
        .set(owner.headers)
        .send({ file_upload_ids: 'all' })
        .expect(400);
      // Without a selection, all of the project's uploads go, as in Label Studio.
      await http().delete(`/api/projects/${projectId}/file-uploads`).set(owner.headers).expect(204);
      expect(await rowsOf(projectId)).toEqual([]);
      expect(filesIn(projectId)).toEqual([]);
    });
  });

  describe('GET /data/upload/{filename}', () => {
    it('serves an image with its length and the type its bytes say, to members of the organization', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'picture.png', PNG);
      const url = uploads.urlOf(upload);
      for (const account of [owner, colleague]) {
        const response = await http().get(url).set(account.headers).buffer(true).expect(200);
        expect(Buffer.compare(response.body as Buffer, PNG)).toBe(0);
        expect(response.headers).toMatchObject({
          'content-type': 'image/png',
          'content-length': String(PNG.length),
          'x-content-type-options': 'nosniff',
          'content-security-policy': "sandbox; default-src 'none'",
          'content-disposition': 'inline; filename="picture.png"',
          'accept-ranges': 'bytes',
          'cache-control': 'private, no-cache',
        });
        expect(response.headers['last-modified']).toBeDefined();
      }
      const partial = await http()
        .get(url)
        .set(owner.headers)
        .set('Range', 'bytes=1-3')
        .buffer(true)
        .expect(206);
      expect(partial.headers['content-range']).toBe(`bytes 1-3/${PNG.length}`);
      expect(partial.headers).toMatchObject({
        'content-type': 'image/png',
        'content-length': '3',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-cache',
      });
      expect(Buffer.compare(partial.body as Buffer, PNG.subarray(1, 4))).toBe(0);
      const unsatisfiable = await http()
        .get(url)
        .set(owner.headers)
        .set('Range', `bytes=${PNG.length}-`)
        .expect(416);
      expect(unsatisfiable.headers['content-range']).toBe(`bytes */${PNG.length}`);
      await http().head(url).set(owner.headers).expect(200);
      // Revalidated, with the caller's access checked again each time.
      const first = await http().get(url).set(owner.headers).expect(200);
      const notModified = await http()
        .get(url)
        .set(owner.headers)
        .set('If-Modified-Since', first.headers['last-modified'])
        .expect(304);
      expect(notModified.headers['cache-control']).toBe('private, no-cache');
      await http()
        .get(url)
        .set(stranger.headers)
        .set('If-Modified-Since', first.headers['last-modified'])
        .expect(404);
      await http()
        .get(url)
        .set(owner.headers)
        .set('If-Modified-Since', new Date(0).toUTCString())
        .expect(200);
    });

    it('never serves markup as a page: plain text, as a download', async () => {
      const projectId = await createProject();
      const html = '<html><body><script>alert(document.cookie)</script></body></html>';
      for (const name of ['page.html', 'icon.svg', 'data.xml']) {
        const upload = await save(projectId, name, html);
        const response = await http().get(uploads.urlOf(upload)).set(owner.headers).expect(200);
        expect(response.text).toBe(html);
        expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(response.headers['content-disposition']).toMatch(/^attachment; /);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      }
      // A "png" that is not one is not shown at all.
      const fake = await save(projectId, 'fake.png', html);
      const response = await http().get(uploads.urlOf(fake)).set(owner.headers).expect(200);
      expect(response.headers['content-type']).toBe('application/octet-stream');
      expect(response.headers['content-disposition']).toMatch(/^attachment; /);
      const csv = await save(projectId, 'tasks.csv', 'text\nhi\n');
      const text = await http().get(uploads.urlOf(csv)).set(owner.headers).expect(200);
      expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('serves a name in another script', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'données.json', '[]');
      const response = await http()
        .get(encodeURI(uploads.urlOf(upload)))
        .set(owner.headers)
        .expect(200);
      expect(response.body).toEqual([]);
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('données.json')}`,
      );
    });

    it('is 404 for other organizations, unknown files and paths out of the upload folder', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'a.txt', 'secret');
      const url = uploads.urlOf(upload);
      await http().get(url).set(stranger.headers).expect(404);
      await http().get(url).expect(401);
      await http().get(`/data/upload/${projectId}/00000000-a.txt`).set(owner.headers).expect(404);
      writeFileSync(join(dataDir, 'secret.txt'), 'outside');
      const name = url.split('/').pop() as string;
      for (const path of [
        '/data/upload/../../etc/passwd',
        '/data/upload/../secret.txt',
        '/data/upload/%2e%2e/secret.txt',
        '/data/upload/%2e%2e%2fsecret.txt',
        '/data/upload/..%2f..%2fetc%2fpasswd',
        `/data/upload/${projectId}/..%2f..%2fsecret.txt`,
        `/data/upload/${projectId}/./${name}`,
        `/data/upload/${projectId}%2f..%2f${projectId}%2f${name}`,
        '/data/upload/%2fetc%2fpasswd',
        `/data/upload/${encodeURIComponent(join(dataDir, 'secret.txt'))}`,
        '/data/upload/%00',
      ]) {
        const response = await rawGet(path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(response.body).not.toContain('outside');
      }
      // The real one, sent raw, for comparison.
      expect((await rawGet(url)).status).toBe(200);
      expect((await rawGet(url.replace(`/${name}`, `%2f${name}`))).status).toBe(200);
    });
  });

  describe('other organizations and anonymous callers', () => {
    it('get 404 (or 401) everywhere', async () => {
      const projectId = await createProject();
      const upload = await save(projectId, 'a.txt', 'mine');
      const asStranger = (test: ReturnType<ReturnType<typeof http>['get']>) =>
        test.set(stranger.headers).expect(404);
      await asStranger(http().get(`/api/import/file-upload/${upload.id}`));
      await asStranger(http().get(`/api/projects/${projectId}/file-uploads?all=true`));
      await http()
        .patch(`/api/import/file-upload/${upload.id}`)
        .set(stranger.headers)
        .attach('file', Buffer.from('theirs'), 'b.txt')
        .expect(404);
      await http().delete(`/api/import/file-upload/${upload.id}`).set(stranger.headers).expect(404);
      await http()
        .delete(`/api/projects/${projectId}/file-uploads`)
        .set(stranger.headers)
        .expect(404);
      await http().get(uploads.urlOf(upload)).set(stranger.headers).expect(404);
      await http().get(`/api/import/file-upload/${upload.id}`).expect(401);
      await http().get(`/api/projects/${projectId}/file-uploads?all=true`).expect(401);
      await http().delete(`/api/import/file-upload/${upload.id}`).expect(401);
      expect(await rowsOf(projectId)).toEqual([{ id: upload.id, file: upload.file, size: 4 }]);
      expect(readFileSync(uploads.pathOf(upload), 'utf8')).toBe('mine');
    });
  });
});
