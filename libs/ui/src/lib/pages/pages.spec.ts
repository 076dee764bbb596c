import { safeNext } from '@ls/auth';
import { isServablePath } from '../frontend-files';
import { escapeHtml, jsonBlock } from '../html';
import { LABEL_CONFIG_TEMPLATES } from '../label-config-templates';
import { createProjectPage } from './create-project.page';
import { renderPage } from './layout';
import { signInPage } from './sign-in.page';

describe('ui pages', () => {
  it('escapes what users wrote, in text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
    const page = renderPage({ title: '<b>', user: '"><script>x</script>', body: '' });
    expect(page).not.toContain('<script>x');
    expect(page).toContain('&lt;b&gt; · Label Studio');
  });

  it('carries page data in a JSON block no value can close', () => {
    const block = jsonBlock('page-data', { text: '</script><script>alert(1)</script>' });
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(block.replace(/^<script[^>]*>|<\/script>$/g, ''))).toEqual({
      text: '</script><script>alert(1)</script>',
    });
  });

  it('has no inline script on any page: only scripts of this server and JSON blocks', () => {
    const pages = [signInPage('/', false), createProjectPage('me@example.com')];
    for (const html of pages) {
      for (const tag of html.match(/<script[^>]*>/g) ?? []) {
        expect(tag).toMatch(
          /^<script (src="\/static\/[^"]+" defer|type="application\/json" id="[\w-]+")>$/,
        );
      }
    }
    expect(createProjectPage('me').match(/<option /g)).toHaveLength(LABEL_CONFIG_TEMPLATES.length);
  });

  it('comes back after signing in only to a path of this server', () => {
    expect(safeNext('/projects/3/data?tab=1')).toBe('/projects/3/data?tab=1');
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example', '', 7]) {
      expect(safeNext(next)).toBe('/');
    }
    expect(signInPage('/"><b>', true)).toContain('value="/&quot;&gt;&lt;b&gt;"');
  });

  it('serves plain file paths only', () => {
    expect(isServablePath('js/main.js')).toBe(true);
    expect(isServablePath('js/478.chunk.js')).toBe(true);
    for (const path of [
      '../package.json',
      'js/../../x',
      '.env',
      'js/.hidden',
      '/etc/passwd',
      'a//b',
      '',
    ]) {
      expect(isServablePath(path)).toBe(false);
    }
  });
});
