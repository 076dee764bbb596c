import { renderPage } from './layout';

/** The project list, filled by `projects.js` from `/api/projects`. */
export function projectsPage(user: string): string {
  return renderPage({
    title: 'Projects',
    user,
    scripts: ['/static/ui/api.js', '/static/ui/projects.js'],
    body: `      <section class="heading">
        <h1>Projects</h1>
        <a class="button primary" href="/projects/new">Create project</a>
      </section>
      <p id="status" class="muted">Loading…</p>
      <table id="projects" class="grid" hidden>
        <thead>
          <tr><th>Project</th><th>Tasks</th><th>Labeled tasks</th><th>Annotations</th><th>Skipped</th><th>Created</th><th></th></tr>
        </thead>
        <tbody></tbody>
      </table>`,
  });
}
