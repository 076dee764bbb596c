import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeScaled, ScaledDeployment, until } from '@ls/core/testing';

const CONFIG = `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Person"/></RectangleLabels>
</View>`;
const box = (label: string) => ({
  from_name: 'label',
  to_name: 'image',
  type: 'rectanglelabels',
  original_width: 800,
  original_height: 600,
  value: { x: 10, y: 20, width: 30, height: 40, rotation: 0, rectanglelabels: [label] },
});
const TASKS = 20_000;

/**
 * Export snapshots in scaled mode: the API records them, worker processes write and convert them
 * (Bull on Redis, PostgreSQL). A worker killed while it writes leaves the snapshot to the retried
 * job, which writes it whole. Needs PostgreSQL, Redis and a build.
 */
describeScaled('export jobs on the worker (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;
  let projectId: number;

  const call = (method: string, path: string, body?: unknown) =>
    deployment.call(method, path, body);
  const startWorker = () => deployment.startWorker();
  const download = async (path: string) => {
    const response = await fetch(`${deployment.base}${path}`, {
      headers: { Authorization: `Token ${deployment.token}` },
    });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const snapshot = async (id: number) =>
    (await call('GET', `/api/projects/${projectId}/exports/${id}`)).body;
  const settled = (value: { status: string }) =>
    value.status === 'completed' || value.status === 'failed';

  beforeAll(async () => {
    deployment = await ScaledDeployment.start('export-jobs');
    const created = await call('POST', '/api/projects/', {
      title: 'Exports',
      label_config: CONFIG,
    });
    projectId = created.body.id;
    const tasks = Array.from({ length: TASKS }, (_, n) => ({
      data: { image: `/data/upload/${projectId}/image-${n}.jpg` },
      annotations: [{ result: [box(n % 2 ? 'Car' : 'Person')], ground_truth: false }],
    }));
    expect((await call('POST', `/api/projects/${projectId}/import`, tasks)).status).toBe(201);
  }, 120_000);

  afterEach(() => deployment.killWorkers());

  afterAll(() => deployment?.close());

  it('writes a snapshot on the worker, converts it to CSV and COCO, and deletes it', async () => {
    const created = await call('POST', `/api/projects/${projectId}/exports/`, {});
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    // No worker yet: the snapshot waits.
    expect((await snapshot(id)).status).toBe('created');
    await startWorker();
    const done = await until(() => snapshot(id), settled, 120_000);
    expect(done).toMatchObject({
      status: 'completed',
      counters: { task_number: TASKS, annotation_number: TASKS, prediction_number: 0 },
    });
    const json = await download(
      `/api/projects/${projectId}/exports/${id}/download?exportType=JSON`,
    );
    expect(json.status).toBe(200);
    expect(JSON.parse(json.bytes.toString())).toHaveLength(TASKS);

    for (const format of ['CSV', 'COCO']) {
      const converting = await call('POST', `/api/projects/${projectId}/exports/${id}/convert`, {
        export_type: format,
      });
      expect(converting.status).toBe(200);
    }
    const converted = await until(
      () => snapshot(id),
      (value) =>
        value.converted_formats.length === 2 &&
        value.converted_formats.every((c: { status: string }) => c.status === 'completed'),
      120_000,
    );
    expect(converted.converted_formats.map((c: { export_type: string }) => c.export_type)).toEqual([
      'CSV',
      'COCO',
    ]);
    const csv = await download(`/api/projects/${projectId}/exports/${id}/download?exportType=CSV`);
    expect(csv.bytes.toString().trimEnd().split('\r\n')).toHaveLength(TASKS + 1);
    const coco = await download(
      `/api/projects/${projectId}/exports/${id}/download?exportType=COCO`,
    );
    // Plain COCO copies no images: its one file, result.json, is the download (as Label Studio).
    const result = JSON.parse(coco.bytes.toString());
    expect(result.annotations).toHaveLength(TASKS);
    expect(result.annotations[0].bbox).toEqual([80, 120, 240, 240]);

    const refused = await call('POST', `/api/projects/${projectId}/exports/${id}/convert`, {
      export_type: 'CONLL2003',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('CONLL2003 is not supported export format');

    const { rows } = await deployment.sql.query(
      `SELECT file FROM export_snapshot WHERE id = $1
       UNION ALL SELECT file FROM export_converted_format WHERE export_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(existsSync(join(deployment.dataDir, row.file))).toBe(true);
    expect((await call('DELETE', `/api/projects/${projectId}/exports/${id}`)).status).toBe(204);
    for (const row of rows) expect(existsSync(join(deployment.dataDir, row.file))).toBe(false);
    expect((await call('GET', `/api/projects/${projectId}/exports/${id}`)).status).toBe(404);
  }, 300_000);

  it('a conversion that produces nothing ends failed with its reason', async () => {
    await startWorker();
    const created = await call('POST', `/api/projects/${projectId}/exports/`, {
      task_filter_options: { annotated: 'exclude' },
    });
    const id = created.body.id as number;
    expect(await until(() => snapshot(id), settled, 60_000)).toMatchObject({
      status: 'completed',
      counters: { task_number: 0 },
    });
    await call('POST', `/api/projects/${projectId}/exports/${id}/convert`, { export_type: 'VOC' });
    const failed = await until(
      () => snapshot(id),
      (value) => value.converted_formats.every((c: { status: string }) => c.status === 'failed'),
      60_000,
    );
    expect(failed.converted_formats[0].traceback).toContain('No converted file found');
    const notConverted = await call(
      'GET',
      `/api/projects/${projectId}/exports/${id}/download?exportType=VOC`,
    );
    expect(notConverted).toMatchObject({ status: 404, body: 'VOC format is not converted yet' });
  }, 120_000);

  it('a worker killed while it writes: the retried job writes the snapshot whole', async () => {
    const created = await call('POST', `/api/projects/${projectId}/exports/`, {});
    const id = created.body.id as number;
    const doomed = await startWorker();
    await until(
      () => snapshot(id),
      (value) => value.status === 'in_progress',
      60_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect((await snapshot(id)).status).toBe('in_progress');

    await startWorker();
    const done = await until(() => snapshot(id), settled, 120_000);
    expect(done).toMatchObject({ status: 'completed', counters: { task_number: TASKS } });
    const tasks = JSON.parse(
      (await download(`/api/projects/${projectId}/exports/${id}/download`)).bytes.toString(),
    );
    const ids = tasks.map((task: { id: number }) => task.id);
    expect(new Set(ids).size).toBe(TASKS);
    // The killed run's partial file was taken over by the retry and renamed: none is left.
    expect(
      readdirSync(join(deployment.dataDir, 'export')).filter((name) => name.endsWith('.partial')),
    ).toEqual([]);
  }, 300_000);
});
