import { escapeHtml, jsonBlock } from '../html';

export interface PageParts {
  title: string;
  /** The signed-in user's email, shown with a sign-out button; none on the sign-in page. */
  user?: string;
  /** Trusted HTML (built with escapeHtml for anything that came from a user). */
  body: string;
  /** Script URLs of this server, in load order. */
  scripts?: readonly string[];
  /** Extra stylesheet URLs of this server. */
  styles?: readonly string[];
  /** Data for the scripts, as `<script type="application/json" id="page-data">`. */
  data?: unknown;
  /** The page fills the window (the data manager) instead of a centred column. */
  wide?: boolean;
}

export function renderPage(parts: PageParts): string {
  const styles = ['/static/ui/ui.css', ...(parts.styles ?? [])]
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join('\n    ');
  const scripts = (parts.scripts ?? [])
    .map((src) => `<script src="${escapeHtml(src)}" defer></script>`)
    .join('\n    ');
  const account = parts.user
    ? `<span class="user">${escapeHtml(parts.user)}</span>
        <form method="post" action="/user/logout"><button type="submit" class="link">Sign out</button></form>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>${escapeHtml(parts.title)} · Label Studio</title>
    ${styles}
    ${scripts}
  </head>
  <body class="${parts.wide ? 'wide' : ''}">
    <header class="topbar">
      <a class="brand" href="/">Label Studio</a>
      <nav>${parts.user ? '<a href="/">Projects</a>' : ''}</nav>
      <div class="account">${account}</div>
    </header>
    <main>
${parts.body}
    </main>
    ${parts.data === undefined ? '' : jsonBlock('page-data', parts.data)}
  </body>
</html>
`;
}

/** The tabs of a project's pages; settings only for those who may change the project. */
export function projectNav(
  projectId: number,
  current: 'data' | 'settings',
  manages: boolean,
): string {
  const tab = (name: 'data' | 'settings', label: string) =>
    `<a href="/projects/${projectId}/${name}"${current === name ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<nav class="project-nav">${tab('data', 'Data')}${manages ? tab('settings', 'Settings') : ''}</nav>`;
}
