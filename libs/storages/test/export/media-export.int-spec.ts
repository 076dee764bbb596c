import { PNG } from 'pngjs';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp, zipEntries } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';
import { WORKED_CONFIG } from './worked-example';

/** A 40 x 30 PNG. */
function png(): Buffer {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(255);
  return PNG.sync.write(image);
}

/** Image formats over the API: uploaded images copied into the archive, sizes read from them. */
describe('export with media (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let project: number;
  let imageUrl: string;

  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule],
    });
    owner = await createAccount(testApp.app);
    project = (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Media', label_config: WORKED_CONFIG })
        .expect(201)
    ).body.id;
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .attach('file', png(), 'car.png')
      .expect(201);
    const tasks = await http()
      .get(`/api/projects/${project}/tasks/`)
      .set(owner.headers)
      .expect(200);
    const [task] = tasks.body;
    imageUrl = task.data.image;
    // A box without the image's size: COCO reads it from the copied image.
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
  });

  afterAll(() => testApp.close());

  it('writes COCO_WITH_IMAGES as a zip with the uploaded image and its size', async () => {
    const response = await http()
      .get(`/api/projects/${project}/export`)
      .query({ exportType: 'COCO_WITH_IMAGES' })
      .set(owner.headers)
      .responseType('blob')
      .expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['filename']).toMatch(/\.zip$/);
    const entries = await zipEntries(response.body as Buffer);
    const name = imageUrl.split('/').pop() as string;
    expect(Object.keys(entries).sort()).toEqual([`images/${name}`, 'result.json']);
    expect(entries[`images/${name}`].equals(png())).toBe(true);
    const coco = JSON.parse(entries['result.json'].toString());
    expect(coco.images).toEqual([{ width: 40, height: 30, id: 0, file_name: `images/${name}` }]);
    expect(coco.annotations[0].bbox).toEqual([10, 15, 20, 3]);
  });

  it('writes plain YOLO without the images', async () => {
    const response = await http()
      .get(`/api/projects/${project}/export`)
      .query({ exportType: 'YOLO' })
      .set(owner.headers)
      .responseType('blob')
      .expect(200);
    const entries = await zipEntries(response.body as Buffer);
    const base = (imageUrl.split('/').pop() as string).replace(/\.png$/, '');
    expect(Object.keys(entries).sort()).toEqual([
      'classes.txt',
      `labels/${base}.txt`,
      'notes.json',
    ]);
    expect(entries['classes.txt'].toString()).toBe('Car\nPerson\n');
    expect(entries[`labels/${base}.txt`].toString()).toBe('0 0.5 0.55 0.5 0.1\n');
  });
});
