import { projectNav, renderPage } from './layout';

/**
 * The data manager and labeling editor of Label Studio's frontend build, started by
 * `data-manager.js` on this server's API (the session cookie authenticates its requests).
 */
export function dataManagerPage(user: string, projectId: number, manages: boolean): string {
  return renderPage({
    title: 'Data',
    user,
    wide: true,
    styles: ['/static/lsf/css/main.css', '/static/dm/css/main.css'],
    scripts: ['/static/lsf/js/main.js', '/static/dm/js/main.js', '/static/ui/data-manager.js'],
    data: { project: projectId, manages },
    body: `      ${projectNav(projectId, 'data', manages)}
      <div id="data-manager" class="data-manager"></div>`,
  });
}
