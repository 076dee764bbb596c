import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { Browser, Page } from 'playwright-core';
import { createAccount, TestAccount } from '@ls/auth/testing';
import {
  collectPageErrors,
  launchBrowser,
  SCREENSHOTS,
  ServedApp,
  serveApp,
  signIn,
  snap,
} from './browser-kit';

const PASSWORD = 'correct horse battery';
/** Evaluated in the page (a string: this file is compiled without the DOM's types). */
const IMAGE_LOADED =
  '(() => { const image = document.querySelector(\'img[src*="/data/upload/"]\');' +
  ' return image !== null && image.complete && image.naturalWidth === 320; })()';
const TEXTS = ['The food was great', 'The room was cold', 'Nothing to report'];

interface StoredAnnotation {
  id: number;
  draft_created_at: string | null;
  task: number;
  was_cancelled: boolean;
  result: { type: string; value: Record<string, unknown> }[];
}

/** A 320x240 PNG: a dark rectangle on white, something to draw a box around. */
function picture(): Buffer {
  const png = new PNG({ width: 320, height: 240 });
  for (let y = 0; y < 240; y += 1) {
    for (let x = 0; x < 320; x += 1) {
      const inside = x > 80 && x < 240 && y > 60 && y < 180;
      const offset = (y * 320 + x) * 4;
      png.data.set(inside ? [40, 40, 40, 255] : [255, 255, 255, 255], offset);
    }
  }
  return PNG.sync.write(png);
}

/**
 * Issue 18: a team labels in a real browser (Debian's Chromium driven by playwright-core) on this
 * server: sign in through the page, create a project from a template with files, label in the
 * data manager and in the label stream, draw a box on an uploaded image; every result checked
 * through the API. Screenshots of each step land in tmp/screenshots/.
 */
describe('labeling in the browser (e2e)', () => {
  let served: ServedApp;
  let browser: Browser;
  let owner: TestAccount;

  const http = () => served.testApp.http();
  const annotationsOf = async (project: number): Promise<StoredAnnotation[]> => {
    const tasks = await http()
      .get(`/api/projects/${project}/tasks/?page_size=100`)
      .set(owner.headers)
      .expect(200);
    return (tasks.body as { annotations: StoredAnnotation[] }[]).flatMap(
      (task) => task.annotations,
    );
  };
  const submitted = (page: Page) =>
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        /\/api\/tasks\/\d+\/annotations/.test(response.url()) &&
        response.status() === 201,
    );
  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    return { page, errors: collectPageErrors(page) };
  };
  /**
   * What the page reported as broken: script errors, failed requests, policy violations. The
   * label stream's 404 once no task is left is the protocol (the page then says so), not a failure.
   */
  const brokenIn = (errors: string[]) =>
    errors.filter((error) => !/^404: POST .*\/api\/dm\/actions\?id=next_task&/.test(error));

  beforeAll(async () => {
    served = await serveApp();
    browser = await launchBrowser();
    owner = await createAccount(served.testApp.app, { password: PASSWORD });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.testApp.close();
  });

  it('signs in, creates a project from a template with 3 tasks, labels, labels all and skips', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${served.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/user/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/');
    await snap(page, 'text-01-sign-in');
    await page.fill('input[name=email]', owner.email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${served.baseUrl}/`), page.click('button[type=submit]')]);
    await page.getByText('No projects yet').waitFor();
    await snap(page, 'text-02-projects');

    await page.getByRole('link', { name: 'Create project' }).click();
    await page.fill('input[name=title]', 'Reviews');
    await page.selectOption('select[name=template]', 'text-classification');
    await page.setInputFiles('input[name=files]', {
      name: 'reviews.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(TEXTS.map((text) => ({ text })))),
    });
    await snap(page, 'text-03-create');
    await Promise.all([
      page.waitForURL(/\/projects\/\d+\/data/),
      page.getByRole('button', { name: 'Create' }).click(),
    ]);
    const project = Number(/\/projects\/(\d+)\/data/.exec(page.url())?.[1]);
    await page.getByText(TEXTS[0], { exact: true }).waitFor();
    await snap(page, 'text-04-data-manager');
    copyFileSync(
      join(SCREENSHOTS, 'text-04-data-manager.png'),
      join(SCREENSHOTS, 'data-manager.png'),
    );

    // Open the first task from the list, choose, submit.
    await page.getByText(TEXTS[0], { exact: true }).click();
    const drafted = page.waitForResponse(
      (response) => /\/api\/(tasks\/\d+\/drafts|drafts\/\d+)/.test(response.url()),
      { timeout: 20_000 },
    );
    await page.locator('label', { hasText: 'Positive' }).first().click();
    await snap(page, 'text-05-editor');
    // The editor saves the choice as a draft on its own, shown back with the task.
    expect((await drafted).status()).toBe(201);
    const firstTask = Number(/\/api\/tasks\/(\d+)\/drafts/.exec((await drafted).url())?.[1]);
    const withDraft = await http().get(`/api/tasks/${firstTask}/`).set(owner.headers).expect(200);
    expect(withDraft.body.drafts).toHaveLength(1);
    expect(withDraft.body.drafts[0].result[0].value).toEqual({ choices: ['Positive'] });
    await Promise.all([submitted(page), page.getByRole('button', { name: 'Submit' }).click()]);
    let stored = await annotationsOf(project);
    expect(stored).toHaveLength(1);
    expect(stored[0].result[0]).toMatchObject({
      type: 'choices',
      value: { choices: ['Positive'] },
    });
    // submitting turned the draft into the annotation
    expect(stored[0].draft_created_at).not.toBeNull();
    const drafts = await http()
      .get(`/api/tasks/${firstTask}/drafts`)
      .set(owner.headers)
      .expect(200);
    expect(drafts.body).toEqual([]);

    // The label stream gives the other two: one labeled, one skipped.
    await page.goto(`${served.baseUrl}/projects/${project}/data`);
    await page.getByRole('button', { name: 'Label All Tasks' }).click();
    await page.locator('label', { hasText: 'Negative' }).first().click();
    await snap(page, 'text-06-label-stream');
    await Promise.all([submitted(page), page.getByRole('button', { name: 'Submit' }).click()]);
    await page.getByRole('button', { name: 'Skip' }).waitFor();
    await Promise.all([submitted(page), page.getByRole('button', { name: 'Skip' }).click()]);
    await snap(page, 'text-07-done');

    stored = await annotationsOf(project);
    expect(stored).toHaveLength(3);
    expect(stored.filter((annotation) => annotation.was_cancelled)).toHaveLength(1);
    const labeled = stored.filter((annotation) => !annotation.was_cancelled);
    expect(labeled.map((annotation) => annotation.result[0].value.choices).sort()).toEqual([
      ['Negative'],
      ['Positive'],
    ]);
    expect(new Set(stored.map((annotation) => annotation.task)).size).toBe(3);
    const counters = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(counters.body).toMatchObject({
      task_number: 3,
      total_annotations_number: 2,
      skipped_annotations_number: 1,
      num_tasks_with_annotations: 2,
    });
    expect(brokenIn(errors)).toEqual([]);
    await page.close();
  }, 180_000);

  it('draws a bounding box on an uploaded image, which loads with the session cookie', async () => {
    const { page, errors } = await newPage();
    await signIn(page, served.baseUrl, owner.email, PASSWORD);
    await page.goto(`${served.baseUrl}/projects/new`);
    await page.fill('input[name=title]', 'Pictures');
    await page.selectOption('select[name=template]', 'image-bounding-boxes');
    await page.setInputFiles('input[name=files]', {
      name: 'picture.png',
      mimeType: 'image/png',
      buffer: picture(),
    });
    await Promise.all([
      page.waitForURL(/\/projects\/\d+\/data/),
      page.getByRole('button', { name: 'Create' }).click(),
    ]);
    const project = Number(/\/projects\/(\d+)\/data/.exec(page.url())?.[1]);
    await page.getByRole('button', { name: 'Label All Tasks' }).click();
    const image = page.locator('img[src*="/data/upload/"]').first();
    await image.waitFor();
    // Loaded through the session cookie: the browser has the picture's pixels.
    await page.waitForFunction(IMAGE_LOADED, undefined, { timeout: 20_000 });
    await page.getByText('Cat', { exact: true }).first().click();
    const box = await image.boundingBox();
    if (!box) throw new Error('the image is not on the page');
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.75, { steps: 5 });
    await page.mouse.up();
    await snap(page, 'image-01-box');
    await Promise.all([submitted(page), page.getByRole('button', { name: 'Submit' }).click()]);

    const [annotation] = await annotationsOf(project);
    const region = annotation.result.find((item) => item.type === 'rectanglelabels');
    expect(region?.value).toMatchObject({ rectanglelabels: ['Cat'] });
    const { x, y, width, height } = region?.value as Record<string, number>;
    expect(x).toBeGreaterThan(15);
    expect(y).toBeGreaterThan(15);
    expect(width).toBeGreaterThan(30);
    expect(height).toBeGreaterThan(30);
    expect(brokenIn(errors)).toEqual([]);
    await page.close();
  }, 180_000);

  it('lets an annotator label from the label stream, without import or settings', async () => {
    const annotator = await createAccount(served.testApp.app, {
      password: PASSWORD,
      organizationId: owner.organizationId,
      role: 'AN',
    });
    const created = await http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({
        title: 'For annotators',
        is_published: true,
        label_config:
          '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text">' +
          '<Choice value="Positive"/><Choice value="Negative"/></Choices></View>',
      })
      .expect(201);
    const project = created.body.id as number;
    await http()
      .post(`/api/projects/${project}/members/`)
      .set(owner.headers)
      .send({ user: annotator.userId })
      .expect(201);
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send([{ text: 'first' }, { text: 'second' }])
      .expect(201);

    const { page, errors } = await newPage();
    await signIn(page, served.baseUrl, annotator.email, PASSWORD);
    await page.getByRole('link', { name: 'For annotators' }).click();
    await page.getByRole('button', { name: 'Label All Tasks' }).waitFor();
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Label All Tasks' }).click();
    await page.locator('label', { hasText: 'Negative' }).first().click();
    await snap(page, 'annotator-01-label-stream');
    await Promise.all([submitted(page), page.getByRole('button', { name: 'Submit' }).click()]);

    const [annotation] = (await annotationsOf(project)) as (StoredAnnotation & {
      completed_by: number;
    })[];
    expect(annotation.completed_by).toBe(annotator.userId);
    expect(annotation.result[0].value).toEqual({ choices: ['Negative'] });
    // the project hides the task list from annotators: refused, and the page still works
    expect(brokenIn(errors).every((error) => /^403: GET .*\/api\/tasks\?/.test(error))).toBe(true);
    await page.close();
  }, 180_000);
});
