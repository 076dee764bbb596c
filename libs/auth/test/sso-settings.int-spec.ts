import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';

const METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
</md:EntityDescriptor>`;

const MAPPINGS = {
  roles_groups: [
    ['Administrator', 'admins'],
    ['Annotator', 'labelers'],
  ],
  workspaces_groups: [['Default workspace', 'labelers']],
  projects_groups: [{ project_id: 42, group: 'labelers', role: 'Reviewer' }],
};

describe('auth: SAML and SCIM settings (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let other: TestAccount;
  let annotator: TestAccount;
  let db: DataSource;
  let idp: Server;
  let idpPort: number;
  const idpRequests: string[] = [];

  beforeAll(async () => {
    idp = createServer((request, response) => {
      idpRequests.push(request.url ?? '');
      if (request.url === '/metadata') {
        response.writeHead(200, { 'Content-Type': 'application/xml' }).end(METADATA);
      } else if (request.url === '/text') {
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('this is not xml');
      } else if (request.url === '/other-root') {
        response.writeHead(200, { 'Content-Type': 'application/xml' }).end('<Other/>');
      } else {
        response.writeHead(404).end(METADATA);
      }
    });
    await new Promise<void>((resolve) => idp.listen(0, '0.0.0.0', resolve));
    idpPort = (idp.address() as AddressInfo).port;
    testApp = await createAuthTestApp({ env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    owner = await createAccount(testApp.app, { organizationTitle: 'SSO A' });
    other = await createAccount(testApp.app, { organizationTitle: 'SSO B' });
    annotator = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'AN',
    });
    db = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp.close();
    await new Promise((resolve) => idp.close(resolve));
  });

  const http = () => testApp.http();
  const samlRow = async (account = owner) =>
    (
      await db.query(
        `SELECT * FROM saml_settings WHERE organization_id = ${Number(account.organizationId)}`,
      )
    )[0];
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

  it('makes SAML settings with defaults on first read, with service provider URLs', async () => {
    const first = await http().get('/api/saml/settings').set(owner.headers).expect(200);
    const token = first.body.token as string;
    expect(token).toMatch(/^[\w-]{32}$/);
    const base = first.body.acs_url.replace(/\/acs$/, '');
    expect(base).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/saml/${token}$`));
    expect(first.body).toMatchObject({
      login_url: `${base}/login`,
      logout_url: `${base}/logout`,
      metadata_xml_url: `${base}/metadata`,
      nameid_format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      mapping_email: 'Email',
      metadata_xml: '',
      roles_groups: [],
    });
    expect(first.body.domain).toBeUndefined();
    const again = await http().get('/api/saml/settings').set(owner.headers).expect(200);
    expect(again.body.token).toBe(token);
    const elsewhere = await http().get('/api/saml/settings').set(other.headers).expect(200);
    expect(elsewhere.body.token).not.toBe(token);
    expect((await samlRow()).token).toBe(token);
  });

  it('stores SAML settings, refuses bad ones without writing, and resets them', async () => {
    const saved = await http()
      .post('/api/saml/settings')
      .set(owner.headers)
      .send({
        domain: 'labelstud.io,humansignal.com',
        idp_provider: 'okta',
        metadata_xml: METADATA,
        metadata_url: `http://127.0.0.1:${idpPort}/metadata`,
        mapping_groups: 'memberOf',
        ...MAPPINGS,
      })
      .expect(201);
    expect(saved.body).toMatchObject({
      domain: 'labelstud.io,humansignal.com',
      idp_provider: 'okta',
      mapping_email: 'Email',
      mapping_groups: 'memberOf',
      ...MAPPINGS,
    });
    const row = await samlRow();
    expect(row).toMatchObject({ domain: 'labelstud.io,humansignal.com', metadata_xml: METADATA });
    expect(json(row.projects_groups)).toEqual(MAPPINGS.projects_groups);
    expect(json(row.roles_groups)).toEqual(MAPPINGS.roles_groups);

    const bad: [Record<string, unknown>, string][] = [
      [{ metadata_xml: '<md:EntityDescriptor>' }, 'metadata_xml'],
      [{ metadata_xml: '<Other/>' }, 'metadata_xml'],
      [{ metadata_xml: '<!DOCTYPE x [<!ENTITY e "y">]><EntityDescriptor/>' }, 'metadata_xml'],
      [{ domain: 'gmail.com' }, 'domain'],
      [{ domain: 'a.com, b.com' }, 'domain'],
      [{ domain: null }, 'domain'],
      [{ metadata_url: 'ftp://example.com/metadata' }, 'metadata_url'],
      [{ roles_groups: [['Annotator']] }, 'roles_groups'],
      [{ roles_groups: [['Owner', 'bosses']] }, 'roles_groups'],
      [{ workspaces_groups: 'ws' }, 'workspaces_groups'],
      [
        { projects_groups: [{ project_id: 1, group: 'g', role: 'Boss' }] },
        'projects_groups.0.role',
      ],
    ];
    for (const [body, field] of bad) {
      const refused = await http()
        .post('/api/saml/settings')
        .set(owner.headers)
        .send({ mapping_email: 'changed', ...body })
        .expect(400);
      expect(Object.keys(refused.body.validation_errors)).toContain(field);
    }
    expect(await samlRow()).toEqual(row);

    const cleared = await http()
      .post('/api/saml/settings')
      .set(owner.headers)
      .send({ workspaces_groups: null, idp_provider: null })
      .expect(201);
    expect(cleared.body).toMatchObject({ workspaces_groups: [], idp_provider: null });

    await http().delete('/api/saml/settings').set(owner.headers).expect(204);
    const reset = await http().get('/api/saml/settings').set(owner.headers).expect(200);
    expect(reset.body).toMatchObject({
      token: row.token,
      metadata_xml: '',
      metadata_url: '',
      idp_provider: null,
      mapping_groups: 'Groups',
      roles_groups: [],
      projects_groups: [],
    });
    expect(reset.body.domain).toBeUndefined();
    expect((await samlRow()).domain).toBe('');
  });

  it('validates a metadata URL by fetching it through the guarded client', async () => {
    const check = async (url: string) =>
      (
        await http()
          .post('/api/saml/settings/validate-metadata-url')
          .set(owner.headers)
          .send({ metadata_url: url })
          .expect(200)
      ).body;
    const local = `http://127.0.0.1:${idpPort}`;
    expect(await check(`${local}/metadata`)).toEqual({ valid: true });
    expect(await check(`${local}/text`)).toEqual({ valid: false });
    expect(await check(`${local}/other-root`)).toEqual({ valid: false });
    expect(await check(`${local}/missing`)).toEqual({ valid: false });
    idpRequests.length = 0;
    // Loopback, but outside the allowed network: refused before connecting.
    expect(await check(`http://127.0.0.2:${idpPort}/metadata`)).toEqual({ valid: false });
    expect(idpRequests).toEqual([]);
    await http()
      .post('/api/saml/settings/validate-metadata-url')
      .set(owner.headers)
      .send({ metadata_url: 'not a url' })
      .expect(400);
    await http()
      .post('/api/saml/settings/validate-metadata-url')
      .set(owner.headers)
      .send({})
      .expect(400);
  });

  it('stores SCIM group mappings', async () => {
    const first = await http().get('/api/scim/settings').set(owner.headers).expect(200);
    expect(first.body).toEqual({ roles_groups: [], workspaces_groups: [], projects_groups: [] });
    const saved = await http()
      .post('/api/scim/settings')
      .set(owner.headers)
      .send(MAPPINGS)
      .expect(201);
    expect(saved.body).toEqual(MAPPINGS);
    const [row] = await db.query(
      `SELECT * FROM scim_settings WHERE organization_id = ${Number(owner.organizationId)}`,
    );
    expect(json(row.workspaces_groups)).toEqual(MAPPINGS.workspaces_groups);
    const partial = await http()
      .post('/api/scim/settings')
      .set(owner.headers)
      .send({ roles_groups: null })
      .expect(201);
    expect(partial.body).toEqual({ ...MAPPINGS, roles_groups: [] });
    await http()
      .post('/api/scim/settings')
      .set(owner.headers)
      .send({ projects_groups: [{ project_id: 'x', group: '', role: 'Inherit' }] })
      .expect(400);
    const fetched = await http().get('/api/scim/settings').set(owner.headers).expect(200);
    expect(fetched.body).toEqual({ ...MAPPINGS, roles_groups: [] });
    const elsewhere = await http().get('/api/scim/settings').set(other.headers).expect(200);
    expect(elsewhere.body.roles_groups).toEqual([]);
  });

  it('is for owners and administrators only', async () => {
    await http().get('/api/saml/settings').set(annotator.headers).expect(403);
    await http().post('/api/saml/settings').set(annotator.headers).send({}).expect(403);
    await http().delete('/api/saml/settings').set(annotator.headers).expect(403);
    await http()
      .post('/api/saml/settings/validate-metadata-url')
      .set(annotator.headers)
      .send({ metadata_url: 'http://127.0.0.1/' })
      .expect(403);
    await http().get('/api/scim/settings').set(annotator.headers).expect(403);
    await http().post('/api/scim/settings').set(annotator.headers).send({}).expect(403);
  });
});
