import { projectNav, renderPage } from './layout';

/** Title and label config (checked by the validate route first), and more files to import. */
export function settingsPage(user: string, projectId: number, manages: boolean): string {
  return renderPage({
    title: 'Settings',
    user,
    scripts: ['/static/ui/api.js', '/static/ui/settings.js'],
    data: { project: projectId },
    body: `      ${projectNav(projectId, 'settings', manages)}
      <section class="card">
        <h1>Labeling setup</h1>
        <form id="settings" class="stack">
          <label>Title <input name="title" maxlength="50" required></label>
          <label>Label config <textarea name="label_config" rows="16" spellcheck="false" required></textarea></label>
          <p class="error" id="error" role="alert" hidden></p>
          <p class="ok" id="saved" role="status" hidden>Saved.</p>
          <button type="submit" class="primary">Save</button>
        </form>
      </section>
      <section class="card" id="import">
        <h2>Import</h2>
        <form id="import-files" class="stack">
          <label>Files (JSON, CSV, TSV, TXT, images, audio) <input type="file" name="files" multiple required></label>
          <p class="error" id="import-error" role="alert" hidden></p>
          <p class="ok" id="imported" role="status" hidden></p>
          <button type="submit">Import</button>
        </form>
      </section>`,
  });
}
