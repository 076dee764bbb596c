import { resolve } from 'node:path';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { WORKED_CONFIG } from './export/worked-example';
import {
  FILES_MODULES,
  localFilesOf,
  NO_LOCAL_FILES,
  pngImage,
  UploadsBucket,
} from './support/uploads-bucket';

const PREFIX = 'some/prefix';
const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const CSV = 'text,score\nfirst row,1\nsecond row,2\n';

/** `/data/upload/<project>/<name>` of an upload's `file` (`upload/<project>/<name>`). */
const urlOf = (file: string) => `/data/${file}`;

/**
 * `UPLOADS_STORAGE=s3://bucket/prefix`: uploaded files and queued import bodies live in a bucket
 * of a real S3-compatible server, nothing of them in `DATA_DIR`; `/data/upload/...` streams them.
 */
describe('uploads on S3 (int)', () => {
  let bucket: UploadsBucket;
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;

  const http = () => testApp.http();
  const createProject = async (label_config: string) =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'On S3', label_config })
        .expect(201)
    ).body.id as number;
  const uploadsOf = async (project: number) =>
    (
      await http()
        .get(`/api/projects/${project}/file-uploads`)
        .query({ all: true })
        .set(owner.headers)
        .expect(200)
    ).body as { id: number; file: string }[];
  const finished = async (project: number, importId: number) => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { body } = await http()
        .get(`/api/projects/${project}/imports/${importId}/`)
        .set(owner.headers)
        .expect(200);
      if (body.status === 'completed' || body.status === 'failed') return body;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`import ${importId} did not finish`);
  };

  beforeAll(async () => {
    bucket = await UploadsBucket.start();
    testApp = await createAuthTestApp({
      imports: FILES_MODULES,
      env: { ...bucket.env(PREFIX), IMPORT_JOB_THRESHOLD_BYTES: 1024 * 1024 },
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
  });

  afterAll(async () => {
    await testApp?.close();
    await bucket?.stop();
  });

  afterEach(() => {
    expect(localFilesOf(resolve(testApp.config.DATA_DIR))).toEqual(NO_LOCAL_FILES);
  });

  it('keeps uploaded files in the bucket, imports tasks from them and serves them with ranges', async () => {
    const project = await createProject(TEXT_CONFIG);
    const imported = await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .attach('file', Buffer.from(CSV), 'tasks.csv')
      .expect(201);
    expect(imported.body).toMatchObject({ task_count: 2 });
    const tasks = await http().get(`/api/projects/${project}/tasks/`).set(owner.headers);
    expect(tasks.body.map((task: { data: unknown }) => task.data)).toEqual([
      { text: 'first row', score: 1 },
      { text: 'second row', score: 2 },
    ]);
    const [csv] = await uploadsOf(project);
    expect(csv.file).toMatch(new RegExp(`^upload/${project}/[0-9a-f]{8}-tasks\\.csv$`));
    expect(await bucket.keysUnder(`${PREFIX}/upload/${project}`)).toEqual([
      `${PREFIX}/${csv.file}`,
    ]);
    expect((await bucket.bytes(`${PREFIX}/${csv.file}`)).toString()).toBe(CSV);

    const whole = await http().get(urlOf(csv.file)).set(owner.headers).expect(200);
    expect(whole.text).toBe(CSV);
    expect(whole.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(CSV.length),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-cache',
    });
    const part = await http()
      .get(urlOf(csv.file))
      .set(owner.headers)
      .set('Range', 'bytes=5-14')
      .expect(206);
    expect(part.text).toBe(CSV.slice(5, 15));
    expect(part.headers['content-range']).toBe(`bytes 5-14/${CSV.length}`);
    const tail = await http()
      .get(urlOf(csv.file))
      .set(owner.headers)
      .set('Range', 'bytes=-4')
      .expect(206);
    expect(tail.text).toBe(CSV.slice(-4));
    const beyond = await http()
      .get(urlOf(csv.file))
      .set(owner.headers)
      .set('Range', `bytes=${CSV.length}-`)
      .expect(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${CSV.length}`);
    await http()
      .get(urlOf(csv.file))
      .set(owner.headers)
      .set('If-Modified-Since', whole.headers['last-modified'])
      .expect(304);
    await http().get(urlOf(csv.file)).set(stranger.headers).expect(404);
    await http().get(`/data/upload/${project}/00000000-tasks.csv`).set(owner.headers).expect(404);
  });

  it('serves an image by the type its bytes say, whole, in part and to HEAD', async () => {
    const project = await createProject(WORKED_CONFIG);
    const image = pngImage();
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .attach('file', image, 'car.png')
      .expect(201);
    const [upload] = await uploadsOf(project);
    const whole = await http().get(urlOf(upload.file)).set(owner.headers).buffer(true).expect(200);
    expect(whole.headers['content-type']).toBe('image/png');
    expect(whole.headers['content-disposition']).toBe('inline; filename="car.png"');
    expect(Buffer.compare(whole.body as Buffer, image)).toBe(0);
    const part = await http()
      .get(urlOf(upload.file))
      .set(owner.headers)
      .set('Range', 'bytes=1-3')
      .buffer(true)
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 1-3/${image.length}`);
    expect(part.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(part.body as Buffer, image.subarray(1, 4))).toBe(0);
    const head = await http().head(urlOf(upload.file)).set(owner.headers).expect(200);
    expect(head.headers['content-length']).toBe(String(image.length));
  });

  it('streams a file larger than one part up in parts, and reads it back', async () => {
    const project = await createProject(WORKED_CONFIG);
    // Over 8 MiB: a multipart upload of two parts; over the job threshold: a queued import.
    const big = Buffer.alloc(9 * 1024 * 1024 + 123);
    pngImage().copy(big);
    for (let i = 1024; i < big.length; i += 1) big[i] = i % 251;
    const queued = await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .attach('file', big, 'big.png')
      .expect(201);
    expect(await finished(project, queued.body.import)).toMatchObject({ status: 'completed' });
    const [upload] = await uploadsOf(project);
    expect(Buffer.compare(await bucket.bytes(`${PREFIX}/${upload.file}`), big)).toBe(0);
    const start = 8 * 1024 * 1024 - 10;
    const part = await http()
      .get(urlOf(upload.file))
      .set(owner.headers)
      .set('Range', `bytes=${start}-${start + 99}`)
      .buffer(true)
      .expect(206);
    expect(Buffer.compare(part.body as Buffer, big.subarray(start, start + 100))).toBe(0);
  });

  it('reads a queued import body from the bucket, and removes it once imported', async () => {
    const project = await createProject(TEXT_CONFIG);
    // Over IMPORT_JOB_THRESHOLD_BYTES (1 MiB): the body waits in the bucket for the job.
    const tasks = Array.from({ length: 20_000 }, (_, i) => ({
      text: `queued task number ${i}, padded to make the body larger than the threshold`,
    }));
    const queued = await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send(tasks)
      .expect(201);
    expect(queued.body).toEqual({ import: expect.any(Number) });
    expect(await finished(project, queued.body.import)).toMatchObject({
      status: 'completed',
      task_count: 20_000,
    });
    expect(await bucket.keysUnder(`${PREFIX}/import`)).toEqual([]);
  });

  it('deletes the object of a deleted upload, and of a replaced one', async () => {
    const project = await createProject(TEXT_CONFIG);
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .query({ commit_to_project: false })
      .attach('file', Buffer.from(CSV), 'a.csv')
      .attach('file', Buffer.from(CSV), 'b.csv')
      .expect(201);
    const [a, b] = await uploadsOf(project);
    const keys = () => bucket.keysUnder(`${PREFIX}/upload/${project}`);
    expect(await keys()).toEqual([`${PREFIX}/${a.file}`, `${PREFIX}/${b.file}`].sort());
    await http().delete(`/api/import/file-upload/${a.id}`).set(owner.headers).expect(204);
    expect(await keys()).toEqual([`${PREFIX}/${b.file}`]);
    await http().get(urlOf(a.file)).set(owner.headers).expect(404);

    const replaced = await http()
      .patch(`/api/import/file-upload/${b.id}`)
      .set(owner.headers)
      .attach('file', Buffer.from('text\nnew\n'), 'c.csv')
      .expect(200);
    expect(await keys()).toEqual([`${PREFIX}/${replaced.body.file}`]);
  });

  describe('with UPLOADS_PRESIGN and a size limit', () => {
    const OTHER_PREFIX = 'presigned';
    let presigning: TestApp;
    let member: TestAccount;

    const projectOf = async (label_config: string) =>
      (
        await presigning
          .http()
          .post('/api/projects/')
          .set(member.headers)
          .send({ title: 'Presigned', label_config })
          .expect(201)
      ).body.id as number;
    const uploaded = async (project: number, content: Buffer, name: string) => {
      await presigning
        .http()
        .post(`/api/projects/${project}/import`)
        .set(member.headers)
        .query({ commit_to_project: false })
        .attach('file', content, name)
        .expect(201);
      const rows = (
        await presigning
          .http()
          .get(`/api/projects/${project}/file-uploads`)
          .query({ all: true })
          .set(member.headers)
          .expect(200)
      ).body as { file: string }[];
      return rows[rows.length - 1].file;
    };

    beforeAll(async () => {
      presigning = await createAuthTestApp({
        imports: FILES_MODULES,
        env: {
          ...bucket.env(OTHER_PREFIX),
          UPLOADS_PRESIGN: 'true',
          UPLOADS_PRESIGN_TTL_SECONDS: 60,
          IMPORT_MAX_FILE_SIZE: 64 * 1024,
        },
      });
      member = await createAccount(presigning.app);
    });

    afterAll(() => presigning?.close());

    it('answers 303 to a presigned URL that downloads the bytes with our type', async () => {
      const project = await projectOf(WORKED_CONFIG);
      const image = pngImage();
      const file = await uploaded(project, image, 'car.png');
      const redirect = await presigning.http().get(urlOf(file)).set(member.headers).expect(303);
      const location = redirect.headers['location'] as string;
      expect(location.startsWith(`${bucket.endpoint}/${UploadsBucket.NAME}/${OTHER_PREFIX}/`)).toBe(
        true,
      );
      expect(new URL(location).pathname).toBe(`/${UploadsBucket.NAME}/${OTHER_PREFIX}/${file}`);
      const fetched = await fetch(location);
      expect(fetched.status).toBe(200);
      expect(fetched.headers.get('content-type')).toBe('image/png');
      expect(Buffer.compare(Buffer.from(await fetched.arrayBuffer()), image)).toBe(0);

      const markup = Buffer.from('<html><script>x()</script></html>');
      const page = await uploaded(project, markup, 'p.html');
      const sent = await presigning.http().get(urlOf(page)).set(member.headers).expect(303);
      const served = await fetch(sent.headers['location'] as string);
      expect(served.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(served.headers.get('content-disposition')).toMatch(/^attachment; /);
      await presigning.http().get(urlOf(file)).expect(401);
    });

    it('leaves no object behind for a file over IMPORT_MAX_FILE_SIZE', async () => {
      const project = await projectOf(TEXT_CONFIG);
      await presigning
        .http()
        .post(`/api/projects/${project}/import`)
        .set(member.headers)
        .attach('file', Buffer.alloc(100 * 1024, 'a'), 'big.txt')
        .expect(413);
      expect(await bucket.keysUnder(`${OTHER_PREFIX}/upload/${project}`)).toEqual([]);
    });
  });
});
