import { resolve } from 'node:path';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp, zipEntries } from '@ls/core/testing';
import {
  FILES_MODULES,
  localFilesOf,
  NO_LOCAL_FILES,
  pngImage,
  UploadsBucket,
} from '../support/uploads-bucket';
import { WORKED_CONFIG } from './worked-example';

const PREFIX = 'exports';
const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const sentiment = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

/**
 * `UPLOADS_STORAGE=s3://bucket/prefix`: export snapshots and their conversions are written to the
 * bucket, downloaded from it and deleted with their snapshot; media exports read uploads from it.
 */
describe('exports on S3 (int)', () => {
  let bucket: UploadsBucket;
  let testApp: TestApp;
  let owner: TestAccount;

  const http = () => testApp.http();
  const createProject = async (label_config: string) =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Exports on S3', label_config })
        .expect(201)
    ).body.id as number;
  const settled = async (path: string, done: (body: Record<string, unknown>) => boolean) => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const response = await http().get(path).set(owner.headers).expect(200);
      if (done(response.body)) return response.body;
      await new Promise((next) => setTimeout(next, 50));
    }
    throw new Error(`${path} did not settle`);
  };
  const text = async (key: string) => (await bucket.bytes(key)).toString();

  beforeAll(async () => {
    bucket = await UploadsBucket.start();
    testApp = await createAuthTestApp({ imports: FILES_MODULES, env: bucket.env(PREFIX) });
    owner = await createAccount(testApp.app);
  });

  afterAll(async () => {
    await testApp?.close();
    await bucket?.stop();
  });

  afterEach(() => {
    expect(localFilesOf(resolve(testApp.config.DATA_DIR))).toEqual(NO_LOCAL_FILES);
  });

  it('stores snapshots and conversions in the bucket, downloads them and deletes them', async () => {
    const project = await createProject(TEXT_CONFIG);
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send([
        // Imported annotations are ground truth, which a snapshot leaves out unless asked.
        {
          data: { text: 'good' },
          annotations: [{ result: [sentiment('Positive')], ground_truth: false }],
        },
        {
          data: { text: 'bad' },
          annotations: [{ result: [sentiment('Negative')], ground_truth: false }],
        },
      ])
      .expect(201);
    const exportsOf = `/api/projects/${project}/exports/`;
    const created = await http().post(exportsOf).set(owner.headers).send({}).expect(201);
    const id = created.body.id as number;
    await settled(`${exportsOf}${id}`, (body) => body.status === 'completed');
    const [snapshotKey, ...others] = await bucket.keysUnder(`${PREFIX}/export`);
    expect(others).toEqual([]);
    expect(snapshotKey).toMatch(new RegExp(`^${PREFIX}/export/project-${project}-at-.*\\.json$`));
    const json = await http().get(`${exportsOf}${id}/download`).set(owner.headers).expect(200);
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.body).toEqual(JSON.parse(await text(snapshotKey)));
    const tasks = json.body as { data: unknown; annotations: unknown[] }[];
    expect(tasks.map((task) => task.data)).toEqual([{ text: 'good' }, { text: 'bad' }]);
    expect(tasks.map((task) => task.annotations.length)).toEqual([1, 1]);

    await http()
      .post(`${exportsOf}${id}/convert`)
      .set(owner.headers)
      .send({ export_type: 'CSV' })
      .expect(200);
    await settled(`${exportsOf}${id}`, (body) =>
      (body.converted_formats as { status: string }[]).every((c) => c.status === 'completed'),
    );
    const keys = await bucket.keysUnder(`${PREFIX}/export`);
    const csvKey = keys.find((key) => key !== snapshotKey) as string;
    expect(keys).toHaveLength(2);
    expect(csvKey).toMatch(new RegExp(`^${PREFIX}/export/${project}/CSV-project-.*\\.csv$`));
    const csv = await http()
      .get(`${exportsOf}${id}/download`)
      .query({ exportType: 'CSV' })
      .set(owner.headers)
      .expect(200);
    expect(csv.text).toBe(await text(csvKey));
    expect(csv.text.split('\r\n')[0]).toContain('"sentiment"');

    await http().delete(`${exportsOf}${id}`).set(owner.headers).expect(204);
    expect(await bucket.keysUnder(`${PREFIX}/export`)).toEqual([]);
  });

  it('copies an uploaded image from the bucket into an export with media', async () => {
    const project = await createProject(WORKED_CONFIG);
    const image = pngImage();
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .attach('file', image, 'car.png')
      .expect(201);
    const [task] = (await http().get(`/api/projects/${project}/tasks/`).set(owner.headers)).body;
    await http()
      .post(`/api/tasks/${task.id}/annotations/`)
      .set(owner.headers)
      .send({
        result: [
          {
            from_name: 'label',
            to_name: 'image',
            type: 'rectanglelabels',
            value: { x: 25, y: 50, width: 50, height: 10, rotation: 0, rectanglelabels: ['Car'] },
          },
        ],
      })
      .expect(201);
    const zip = await http()
      .get(`/api/projects/${project}/export`)
      .query({ exportType: 'COCO_WITH_IMAGES' })
      .set(owner.headers)
      .responseType('blob')
      .expect(200);
    const entries = await zipEntries(zip.body as Buffer);
    const name = (task.data.image as string).split('/').pop() as string;
    expect(Object.keys(entries).sort()).toEqual([`images/${name}`, 'result.json']);
    expect(entries[`images/${name}`].equals(image)).toBe(true);
    const coco = JSON.parse(entries['result.json'].toString());
    expect(coco.images[0]).toMatchObject({ width: 40, height: 30 });
  });
});
