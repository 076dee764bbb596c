import { DataSource } from 'typeorm';
import { MEMBER_TAG_IMPORT_JOB, MEMBER_TAG_IMPORT_QUEUE, OrganizationMember, User } from '@ls/auth';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { JobQueue, waitForJob } from '@ls/core';
import { TestApp } from '@ls/core/testing';

const MEMBERS = 3_000;
const ROWS = 10_000;
const KNOWN_ROWS = 9_000;

interface ImportStatus {
  id: number;
  status: string;
  tags_created: number;
  assignments_created: number;
  users_skipped: string[];
  finished_at: string | null;
}

/** 10,000 rows: 9,000 about members (each three times, some in capitals), 1,000 strangers. */
function bigCsv(): { csv: string; pairs: Set<string>; labels: Set<string> } {
  const lines = ['Email,Tags,Note'];
  const pairs = new Set<string>();
  const labels = new Set<string>(['imported']);
  for (let i = 0; i < ROWS; i++) {
    const team = `team-${i % 7}`;
    const language = `lang, ${i % 3}`;
    labels.add(team).add(language);
    if (i < KNOWN_ROWS) {
      const member = i % MEMBERS;
      const email = i % 10 === 0 ? `Member${member}@Bulk.Test` : `member${member}@bulk.test`;
      lines.push(`${email},"${team}, ""${language}""",row ${i}`);
      for (const label of [team, language, 'imported']) pairs.add(`${label}|${member}`);
    } else {
      lines.push(`stranger${i}@nowhere.test,${team},`);
    }
  }
  return { csv: `${lines.join('\n')}\n`, pairs, labels };
}

describe('auth: member tag CSV import (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let other: TestAccount;
  let annotator: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp();
    owner = await createAccount(testApp.app, { organizationTitle: 'Import A' });
    other = await createAccount(testApp.app, { organizationTitle: 'Import B' });
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    db = testApp.app.get(DataSource);
    for (let start = 0; start < MEMBERS; start += 500) {
      const users = Array.from({ length: 500 }, (_, k) => ({
        email: `member${start + k}@bulk.test`,
        username: `member${start + k}`,
        password: 'not-a-hash',
      }));
      await db.getRepository(User).insert(users);
    }
    const ids: { id: number }[] = await db.query(
      "SELECT id FROM htx_user WHERE email LIKE 'member%@bulk.test' ORDER BY id",
    );
    for (let start = 0; start < ids.length; start += 500) {
      await db.getRepository(OrganizationMember).insert(
        ids.slice(start, start + 500).map(({ id }) => ({
          user_id: Number(id),
          organization_id: owner.organizationId,
          role: 'AN' as const,
        })),
      );
    }
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const importsUrl = (account = owner) =>
    `/api/organizations/${account.organizationId}/member-tags/imports`;
  const upload = (csv: string, bulkTags = '', account = owner) =>
    http()
      .post(importsUrl(account))
      .set(account.headers)
      .field('bulk_tags', bulkTags)
      .attach('file', Buffer.from(csv), 'tags.csv');
  const count = async (table: string) =>
    Number(
      (
        await db.query(
          `SELECT COUNT(*) AS n FROM ${table} WHERE organization_id = ${owner.organizationId}`,
        )
      )[0].n,
    );
  async function finished(id: number): Promise<ImportStatus> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { body } = await http().get(`${importsUrl()}/${id}`).set(owner.headers).expect(200);
      if (body.status === 'completed' || body.status === 'failed' || Date.now() > deadline) {
        return body;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('imports 10,000 rows as a job, and a rerun of the job creates nothing', async () => {
    const { csv, pairs, labels } = bigCsv();
    const started = await upload(csv, 'imported').expect(201);
    const status = await finished(started.body.import);
    expect(status).toMatchObject({
      id: started.body.import,
      status: 'completed',
      tags_created: labels.size,
      assignments_created: pairs.size,
    });
    expect(status.finished_at).not.toBeNull();
    expect(status.users_skipped).toHaveLength(ROWS - KNOWN_ROWS);
    expect(status.users_skipped[0]).toBe(`stranger${KNOWN_ROWS}@nowhere.test`);
    expect(await count('organization_member_tag')).toBe(labels.size);
    expect(await count('organization_member_tag_assignment')).toBe(pairs.size);
    const stored = await db.query(
      `SELECT t.label, u.email FROM organization_member_tag_assignment a
       JOIN organization_member_tag t ON t.id = a.tag_id JOIN htx_user u ON u.id = a.user_id
       WHERE u.email = 'member0@bulk.test' ORDER BY t.label`,
    );
    const expected = [...pairs]
      .filter((pair) => pair.endsWith('|0'))
      .map((pair) => pair.split('|')[0]);
    expect(stored.map((row: { label: string }) => row.label)).toEqual(expected.sort());
    const [kept] = await db.query(
      `SELECT csv, rows_done FROM organization_member_tag_import WHERE id = ${Number(status.id)}`,
    );
    expect(kept).toEqual({ csv: '', rows_done: KNOWN_ROWS + (ROWS - KNOWN_ROWS) });

    // Queued again once finished: nothing happens.
    const queue = testApp.app.get(JobQueue);
    const again = await queue.enqueue(MEMBER_TAG_IMPORT_QUEUE, MEMBER_TAG_IMPORT_JOB, {
      importId: status.id,
    });
    expect((await waitForJob(queue, MEMBER_TAG_IMPORT_QUEUE, again.id, 30_000))?.status).toBe(
      'completed',
    );
    // A run that died after writing everything but before recording it: the rerun starts over
    // from the first row and creates nothing twice.
    await db
      .createQueryBuilder()
      .update('organization_member_tag_import')
      .set({
        status: 'in_progress',
        rows_done: 0,
        tags_created: 0,
        assignments_created: 0,
        users_skipped: [],
        csv,
        finished_at: null,
      })
      .where('id = :id', { id: status.id })
      .execute();
    const rerun = await queue.enqueue(MEMBER_TAG_IMPORT_QUEUE, MEMBER_TAG_IMPORT_JOB, {
      importId: status.id,
    });
    await waitForJob(queue, MEMBER_TAG_IMPORT_QUEUE, rerun.id, 120_000);
    const rerunStatus = await finished(status.id);
    expect(rerunStatus).toMatchObject({
      status: 'completed',
      tags_created: 0,
      assignments_created: 0,
    });
    expect(rerunStatus.users_skipped).toHaveLength(ROWS - KNOWN_ROWS);
    expect(await count('organization_member_tag')).toBe(labels.size);
    expect(await count('organization_member_tag_assignment')).toBe(pairs.size);
  }, 300_000);

  it('resumes an import whose job was lost with its process when its status is read', async () => {
    // As an embedded server that stopped mid-import leaves it: in progress, half done, no job.
    const [{ id: memberId }] = await db.query(
      "SELECT id FROM htx_user WHERE email = 'member1@bulk.test'",
    );
    const inserted = await db.getRepository('OrganizationMemberTagImport').insert({
      organization_id: owner.organizationId,
      created_by_id: owner.userId,
      status: 'in_progress',
      users_skipped: [],
      bulk_tags: [],
      csv: 'email,tags\nmember1@bulk.test,resumed-a\nmember1@bulk.test,resumed-b\n',
      error: null,
      finished_at: null,
    });
    const id = Number((inserted.identifiers[0] as { id: number }).id);
    const queue = testApp.app.get(JobQueue);
    expect(await queue.getJob(MEMBER_TAG_IMPORT_QUEUE, `member-tag-import-${id}`)).toBeNull();

    const status = await finished(id);
    expect(status).toMatchObject({ status: 'completed', tags_created: 2, assignments_created: 2 });
    const labels = await db.query(
      `SELECT t.label FROM organization_member_tag_assignment a
       JOIN organization_member_tag t ON t.id = a.tag_id
       WHERE a.user_id = ${Number(memberId)} AND t.label LIKE 'resumed-%' ORDER BY t.label`,
    );
    expect(labels.map((row: { label: string }) => row.label)).toEqual(['resumed-a', 'resumed-b']);
  }, 60_000);

  it('refuses a bad CSV with a 400 before queueing anything', async () => {
    const before = await count('organization_member_tag_import');
    const missing = await upload('mail,labels\na@b.c,x\n').expect(400);
    expect(missing.body.validation_errors.file[0]).toMatch(/email and tags/);
    await upload('email,tags\na@b.c,"open\n').expect(400);
    await upload('').expect(400);
    await upload(`email,tags\na@b.c,${'x'.repeat(300)}\n`).expect(400);
    await upload('email,tags\na@b.c,x\n', `"unclosed`).expect(400);
    await upload(Buffer.from([0xff, 0xfe, 0x00]).toString('latin1')).expect(400);
    await http().post(importsUrl()).set(owner.headers).field('bulk_tags', 'x').expect(400);
    await http().post(importsUrl()).set(owner.headers).send({ file: 'email,tags' }).expect(400);
    expect(await count('organization_member_tag_import')).toBe(before);
  });

  it('answers 404 for another organization and 403 to an annotator', async () => {
    const started = await upload('email,tags\nnobody@x.test,a\n').expect(201);
    await finished(started.body.import);
    await upload('email,tags\n', '', other).expect(201);
    await http()
      .post(importsUrl(owner))
      .set(other.headers)
      .attach('file', Buffer.from('email,tags\n'), 'tags.csv')
      .expect(404);
    await http()
      .get(`${importsUrl(owner)}/${started.body.import}`)
      .set(other.headers)
      .expect(404);
    await http()
      .get(`${importsUrl(other)}/${started.body.import}`)
      .set(other.headers)
      .expect(404);
    await http().get(`${importsUrl()}/999999`).set(owner.headers).expect(404);
    await http()
      .post(importsUrl())
      .set(annotator.headers)
      .attach('file', Buffer.from('email,tags\n'), 'tags.csv')
      .expect(403);
    await http().get(`${importsUrl()}/${started.body.import}`).set(annotator.headers).expect(403);
  });
});
