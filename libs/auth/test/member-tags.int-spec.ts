import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

interface TagBody {
  id: number;
  label: string;
  member_count: number;
}

describe('auth: member tags (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let other: TestAccount;
  let annotator: TestAccount;
  let reviewer: TestAccount;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp();
    owner = await createAccount(testApp.app, { organizationTitle: 'Tags A' });
    other = await createAccount(testApp.app, { organizationTitle: 'Tags B' });
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    reviewer = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'RE',
    });
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const tagsUrl = (account = owner) => `/api/organizations/${account.organizationId}/member-tags`;
  const createTag = async (label: string, account = owner): Promise<TagBody> =>
    (await http().post(tagsUrl(account)).set(account.headers).send({ label }).expect(201)).body;
  const assignmentsOf = async (userId: number): Promise<string[]> =>
    (
      await db.query(
        `SELECT t.label FROM organization_member_tag_assignment a
         JOIN organization_member_tag t ON t.id = a.tag_id WHERE a.user_id = $1 ORDER BY t.label`.replace(
          '$1',
          String(Number(userId)),
        ),
      )
    ).map((row: { label: string }) => row.label);

  it('creates, reads, renames and deletes a tag, as stored', async () => {
    const created = await createTag('  Team Red  ');
    expect(created).toMatchObject({
      label: 'Team Red',
      organization: owner.organizationId,
      member_count: 0,
      created_by: { id: owner.userId, email: owner.email },
    });
    const [row] = await db.query(
      `SELECT label, organization_id, created_by_id FROM organization_member_tag WHERE id = ${Number(created.id)}`,
    );
    expect(row).toEqual({
      label: 'Team Red',
      organization_id: owner.organizationId,
      created_by_id: owner.userId,
    });

    const duplicate = await http()
      .post(tagsUrl())
      .set(owner.headers)
      .send({ label: 'Team Red' })
      .expect(400);
    expect(duplicate.body.validation_errors.label).toEqual([
      'A tag with this label already exists',
    ]);
    await http().post(tagsUrl()).set(owner.headers).send({ label: '' }).expect(400);
    await http()
      .post(tagsUrl())
      .set(owner.headers)
      .send({ label: 'x'.repeat(256) })
      .expect(400);
    await http().post(tagsUrl()).set(owner.headers).send({ label: 7 }).expect(400);

    const fetched = await http().get(`${tagsUrl()}/${created.id}`).set(owner.headers).expect(200);
    expect(fetched.body).toEqual(created);

    const blue = await createTag('Team Blue');
    await http()
      .patch(`${tagsUrl()}/${blue.id}`)
      .set(owner.headers)
      .send({ label: 'Team Red' })
      .expect(400);
    const renamed = await http()
      .patch(`${tagsUrl()}/${blue.id}`)
      .set(owner.headers)
      .send({ label: 'Team Navy' })
      .expect(200);
    expect(renamed.body.label).toBe('Team Navy');
    const [stored] = await db.query(
      `SELECT label FROM organization_member_tag WHERE id = ${Number(blue.id)}`,
    );
    expect(stored.label).toBe('Team Navy');

    await http()
      .post(`${tagsUrl()}/assignments`)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId], tags: [blue.id] })
      .expect(200, { assigned: 1 });
    await http().delete(`${tagsUrl()}/${blue.id}`).set(owner.headers).expect(204);
    await http().get(`${tagsUrl()}/${blue.id}`).set(owner.headers).expect(404);
    const left = await db.query(
      `SELECT COUNT(*) AS n FROM organization_member_tag_assignment WHERE tag_id = ${Number(blue.id)}`,
    );
    expect(Number(left[0].n)).toBe(0);
    await http().delete(`${tagsUrl()}/${created.id}`).set(owner.headers).expect(204);
  });

  it('bulk creates (duplicates collapse, existing skipped) and bulk deletes with their assignments', async () => {
    await createTag('bulk-existing');
    const created = await http()
      .post(`${tagsUrl()}/bulk`)
      .set(owner.headers)
      .send({ labels: ['bulk-1', 'bulk-2', 'bulk-1', ' bulk-2 ', 'bulk-existing'] })
      .expect(201);
    expect(created.body).toEqual({ created: 2 });
    const labels = await db.query(
      `SELECT label FROM organization_member_tag WHERE organization_id = ${owner.organizationId} AND label LIKE 'bulk-%' ORDER BY label`,
    );
    expect(labels.map((row: { label: string }) => row.label)).toEqual([
      'bulk-1',
      'bulk-2',
      'bulk-existing',
    ]);
    await http().post(`${tagsUrl()}/bulk`).set(owner.headers).send({ labels: [] }).expect(400);

    const [one] = await db.query(
      `SELECT id FROM organization_member_tag WHERE organization_id = ${owner.organizationId} AND label = 'bulk-1'`,
    );
    await http()
      .post(`${tagsUrl()}/assignments`)
      .set(owner.headers)
      .send({ all: false, included: [reviewer.userId], tags: [Number(one.id)] })
      .expect(200, { assigned: 1 });
    const deleted = await http()
      .delete(`${tagsUrl()}/bulk`)
      .set(owner.headers)
      .send({ labels: ['bulk-1', 'bulk-2', 'bulk-existing', 'never-there'] })
      .expect(200);
    expect(deleted.body).toEqual({ deleted: 3 });
    expect(await assignmentsOf(reviewer.userId)).toEqual([]);
  });

  it('lists 30 a page (at most 100), searches case-insensitively and orders', async () => {
    const labels = Array.from({ length: 105 }, (_, i) => `page-${String(i).padStart(3, '0')}`);
    await http().post(`${tagsUrl()}/bulk`).set(owner.headers).send({ labels }).expect(201);
    const first = await http().get(`${tagsUrl()}?search=PAGE-`).set(owner.headers).expect(200);
    expect(first.body.count).toBe(105);
    expect(first.body.results).toHaveLength(30);
    expect(first.body.next).toContain('page=2');
    const big = await http()
      .get(`${tagsUrl()}?search=page-&page_size=500`)
      .set(owner.headers)
      .expect(200);
    expect(big.body.results).toHaveLength(100);
    const ordered = await http()
      .get(`${tagsUrl()}?search=page-00&ordering=-label`)
      .set(owner.headers)
      .expect(200);
    expect(ordered.body.results.map((tag: TagBody) => tag.label)).toEqual(
      labels.slice(0, 10).reverse(),
    );
    const literal = await http().get(`${tagsUrl()}?search=_`).set(owner.headers).expect(200);
    expect(literal.body.count).toBe(0);

    const popular = await createTag('popular');
    await http()
      .post(`${tagsUrl()}/assignments`)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId, reviewer.userId], tags: [popular.id] })
      .expect(200, { assigned: 2 });
    const byCount = await http()
      .get(`${tagsUrl()}?ordering=-member_count&page_size=1`)
      .set(owner.headers)
      .expect(200);
    expect(byCount.body.results[0]).toMatchObject({ label: 'popular', member_count: 2 });
    await http()
      .delete(`${tagsUrl()}/bulk`)
      .set(owner.headers)
      .send({ labels: [...labels, 'popular'] })
      .expect(200, { deleted: 106 });
  });

  it('assigns to chosen or filtered members, adding or overwriting', async () => {
    const [a, b, c] = [await createTag('as-a'), await createTag('as-b'), await createTag('as-c')];
    const url = `${tagsUrl()}/assignments`;
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId, reviewer.userId], tags: [a.id, b.id] })
      .expect(200, { assigned: 4 });
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId, reviewer.userId], tags: [a.id, b.id] })
      .expect(200, { assigned: 0 });
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId], tags: [c.id], overwrite: false })
      .expect(200, { assigned: 1 });
    expect(await assignmentsOf(annotator.userId)).toEqual(['as-a', 'as-b', 'as-c']);
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId], tags: [b.id], overwrite: true })
      .expect(200, { assigned: 0 });
    expect(await assignmentsOf(annotator.userId)).toEqual(['as-b']);
    expect(await assignmentsOf(reviewer.userId)).toEqual(['as-a', 'as-b']);

    // Every annotator and reviewer with tag a, the reviewer excluded: nobody left.
    await http()
      .post(`${url}?role=AN,RE&tags=${a.id}`)
      .set(owner.headers)
      .send({ all: true, excluded: [reviewer.userId], tags: [c.id] })
      .expect(200, { assigned: 0 });
    // Every reviewer: only the reviewer gets c; the owner (OW) is not selected.
    await http()
      .post(`${url}?role=RE`)
      .set(owner.headers)
      .send({ all: true, tags: [c.id] })
      .expect(200, { assigned: 1 });
    expect(await assignmentsOf(owner.userId)).toEqual([]);
    // All members, overwritten with nothing: every tag comes off.
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: true, tags: [], overwrite: true })
      .expect(200, { assigned: 0 });
    expect(await assignmentsOf(reviewer.userId)).toEqual([]);

    const foreign = await createTag('foreign', other);
    const refused = await http()
      .post(url)
      .set(owner.headers)
      .send({ all: true, tags: [foreign.id] })
      .expect(400);
    expect(Object.keys(refused.body.validation_errors)).toEqual(['tags']);
    await http()
      .post(url)
      .set(owner.headers)
      .send({ included: [1] })
      .expect(400);
    await http().post(`${url}?role=XX`).set(owner.headers).send({ all: true }).expect(400);
    await http()
      .post(`${url}?user__last_activity__gte=yesterday`)
      .set(owner.headers)
      .send({ all: true })
      .expect(400);
    await http()
      .delete(`${tagsUrl()}/bulk`)
      .set(owner.headers)
      .send({ labels: ['as-a', 'as-b', 'as-c'] })
      .expect(200);
  });

  it('filters the members list by tags and shows each member with theirs', async () => {
    const [x, y] = [await createTag('list-x'), await createTag('list-y')];
    const url = `${tagsUrl()}/assignments`;
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: false, included: [annotator.userId], tags: [x.id, y.id] })
      .expect(200, { assigned: 2 });
    await http()
      .post(url)
      .set(owner.headers)
      .send({ all: false, included: [reviewer.userId], tags: [y.id] })
      .expect(200, { assigned: 1 });
    const members = `/api/organizations/${owner.organizationId}/memberships`;
    const withX = await http().get(`${members}?tags=${x.id}`).set(owner.headers).expect(200);
    expect(withX.body.count).toBe(1);
    expect(withX.body.results[0].user.id).toBe(annotator.userId);
    expect(withX.body.results[0].tags).toEqual([
      { id: x.id, label: 'list-x' },
      { id: y.id, label: 'list-y' },
    ]);
    const withAny = await http()
      .get(`${members}?tags=${x.id},${y.id}`)
      .set(owner.headers)
      .expect(200);
    expect(withAny.body.results.map((row: { user: { id: number } }) => row.user.id)).toEqual([
      annotator.userId,
      reviewer.userId,
    ]);
    const all = await http().get(members).set(owner.headers).expect(200);
    const ownerRow = all.body.results.find(
      (row: { user: { id: number } }) => row.user.id === owner.userId,
    );
    expect(ownerRow.tags).toEqual([]);
    await http().get(`${members}?tags=abc`).set(owner.headers).expect(400);
  });

  it('answers 404 for another organization and 403 to members without the permission', async () => {
    const mine = await createTag('private');
    const foreignUrl = tagsUrl(owner);
    await http().get(foreignUrl).set(other.headers).expect(404);
    await http().post(foreignUrl).set(other.headers).send({ label: 'x' }).expect(404);
    await http().post(foreignUrl).set(other.headers).send({}).expect(404);
    await http().get(`${foreignUrl}/${mine.id}`).set(other.headers).expect(404);
    await http().delete(`${foreignUrl}/${mine.id}`).set(other.headers).expect(404);
    await http()
      .post(`${foreignUrl}/assignments`)
      .set(other.headers)
      .send({ all: true, tags: [mine.id] })
      .expect(404);
    await http()
      .get(`${tagsUrl(other)}/${mine.id}`)
      .set(other.headers)
      .expect(404);
    await http().get(`${foreignUrl}/imports/1`).set(other.headers).expect(404);

    await http().get(tagsUrl()).set(annotator.headers).expect(403);
    await http().post(tagsUrl()).set(annotator.headers).send({ label: 'mine' }).expect(403);
    await http()
      .post(`${tagsUrl()}/bulk`)
      .set(annotator.headers)
      .send({ labels: ['x'] })
      .expect(403);
    await http().delete(`${tagsUrl()}/${mine.id}`).set(annotator.headers).expect(403);
    await http().get(`${tagsUrl()}/${mine.id}`).set(owner.headers).expect(200);
  });
});
