import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { Browser } from 'playwright-core';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { launchBrowser, ServedApp, serveApp, signIn, snap } from './browser-kit';

const PASSWORD = 'correct horse battery';

/**
 * Issue 18: who gets the pages and what the session cookie opens. Without a session every page
 * sends to sign-in; the cookie authenticates same-origin requests only; signing out ends it.
 */
describe('pages and the session cookie (e2e)', () => {
  let served: ServedApp;
  let browser: Browser;
  let owner: TestAccount;
  let project: number;

  const http = () => served.testApp.http();
  const revoked = async () =>
    Number(
      (
        await served.testApp.app
          .get(DataSource)
          .query(
            `SELECT count(*) AS n FROM user_session WHERE revoked_at IS NOT NULL AND user_id = ${Number(owner.userId)}`,
          )
      )[0].n,
    );
  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${served.baseUrl}${path}`, { redirect: 'manual', ...init });
  const sessionCookie = async (email: string) => {
    const page = await browser.newPage();
    await signIn(page, served.baseUrl, email, PASSWORD);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'ls_session');
    if (!session) throw new Error('no session cookie after signing in');
    return { page, cookie: `${session.name}=${session.value}`, session };
  };

  beforeAll(async () => {
    served = await serveApp();
    browser = await launchBrowser();
    owner = await createAccount(served.testApp.app, { password: PASSWORD });
    const created = await http()
      .post('/api/projects')
      .set(owner.headers)
      .send({ title: 'Pages', label_config: '<View><Text name="t" value="$t"/></View>' })
      .expect(201);
    project = created.body.id;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.testApp.close();
  });

  it('sends every page to sign-in without a session, and back after it', async () => {
    for (const path of [
      '/',
      '/projects/new',
      `/projects/${project}/data`,
      `/projects/${project}/settings`,
    ]) {
      const response = await raw(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/user/login?next=${encodeURIComponent(path)}`);
    }
    const page = await browser.newPage();
    await page.goto(`${served.baseUrl}/projects/${project}/settings`);
    await page.fill('input[name=email]', owner.email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL(`${served.baseUrl}/projects/${project}/settings`),
      page.click('button[type=submit]'),
    ]);
    await page.locator('textarea[name=label_config]').waitFor();
    expect(await page.inputValue('input[name=title]')).toBe('Pages');
    await snap(page, 'pages-01-settings');
    // a config the validate route refuses: its message is shown, nothing is saved
    await page.fill(
      'textarea[name=label_config]',
      '<View><Choices name="c" toName="nowhere"><Choice value="A"/></Choices></View>',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const error = page.locator('#error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/nowhere/);
    await snap(page, 'pages-02-settings-refused');
    const unchanged = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(unchanged.body.label_config).toBe('<View><Text name="t" value="$t"/></View>');
    const config =
      '<View><Text name="t" value="$t"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>';
    await page.fill('textarea[name=label_config]', config);
    await page.fill('input[name=title]', 'Pages renamed');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#saved').waitFor();
    const saved = await http().get(`/api/projects/${project}/`).set(owner.headers).expect(200);
    expect(saved.body).toMatchObject({ title: 'Pages renamed', label_config: config });
    // a wrong password stays on the sign-in page with the message
    const other = await browser.newPage();
    await other.goto(`${served.baseUrl}/user/login`);
    await other.fill('input[name=email]', owner.email);
    await other.fill('input[name=password]', 'not the password');
    await other.click('button[type=submit]');
    await other.getByText('The email or password is not right.').waitFor();
    await other.close();
    await page.close();
  });

  it('serves pages with a strict policy and the bundles as files only', async () => {
    const { page, cookie } = await sessionCookie(owner.email);
    const html = await raw('/', { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(html.status).toBe(200);
    const policy = html.headers.get('content-security-policy') ?? '';
    const directive = (name: string) =>
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([key]) => key === name)
        ?.slice(1);
    // scripts and requests from this server only, and no inline script
    expect(directive('script-src')).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]);
    expect(directive('connect-src')).toEqual(["'self'"]);
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(await html.text()).not.toMatch(/<script>(?!\s*$)/);
    // the editor's bundle: gzipped for a browser, as it is otherwise, the same bytes either way
    const onDisk = readFileSync(
      join(dirname(require.resolve('label-studio-frontend/package.json')), 'dist/lsf/js/main.js'),
    );
    const bundle = await raw('/static/lsf/js/main.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await bundle.arrayBuffer()).equals(onDisk)).toBe(true);
    const etag = bundle.headers.get('etag') ?? '';
    const again = await raw('/static/lsf/js/main.js', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const plain = await raw('/static/lsf/js/main.js', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(onDisk.length);
    expect(Buffer.from(await plain.arrayBuffer()).equals(onDisk)).toBe(true);
    const wasm = await raw('/static/lsf/js/decode-audio.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    for (const path of [
      '/static/lsf/js/main.js.map',
      '/static/ui/..%2F..%2Fpackage.json',
      '/static/other/js/main.js',
      '/static/ui/missing.js',
    ]) {
      expect((await raw(path)).status).toBe(404);
    }
    // a project of another organization is not there
    const stranger = await createAccount(served.testApp.app, { password: PASSWORD });
    const theirs = await sessionCookie(stranger.email);
    const foreign = await raw(`/projects/${project}/data`, {
      headers: { cookie: theirs.cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(foreign.status).toBe(404);
    await theirs.page.close();
    await page.close();
  });

  it('refuses the cookie to a cross-site request, and signing out ends the session', async () => {
    const { page, cookie } = await sessionCookie(owner.email);
    const sameOrigin = { cookie, 'sec-fetch-site': 'same-origin' };
    expect((await raw('/api/projects/', { headers: sameOrigin })).status).toBe(200);
    const crossSite = await raw('/api/projects/', {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'Planted' }),
    });
    expect(crossSite.status).toBe(401);
    // nor may another site's form sign a browser in (to the attacker's account)
    const planted = await raw('/user/login', {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ email: owner.email, password: PASSWORD }).toString(),
    });
    expect(planted.status).toBe(403);
    expect(planted.headers.get('set-cookie')).toBeNull();
    const foreignOrigin = await raw('/api/projects/', {
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(401);
    const list = await http().get('/api/projects/?page_size=100').set(owner.headers).expect(200);
    expect(list.body.results.map((row: { title: string }) => row.title)).not.toContain('Planted');

    const revokedBefore = await revoked();
    await page.goto(`${served.baseUrl}/`);
    await Promise.all([
      page.waitForURL(/\/user\/login/),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    expect((await raw('/api/projects/', { headers: sameOrigin })).status).toBe(401);
    const after = await raw('/', { headers: sameOrigin });
    expect(after.status).toBe(303);
    expect(await revoked()).toBe(revokedBefore + 1);
    await page.close();
  });
});
