import { escapeHtml } from '../html';
import { LABEL_CONFIG_TEMPLATES } from '../label-config-templates';
import { renderPage } from './layout';

/** Title, a label config from a template, and files to import; `create-project.js` submits it. */
export function createProjectPage(user: string): string {
  const options = LABEL_CONFIG_TEMPLATES.map(
    (template) =>
      `<option value="${escapeHtml(template.id)}">${escapeHtml(template.title)}</option>`,
  ).join('');
  return renderPage({
    title: 'Create project',
    user,
    scripts: ['/static/ui/api.js', '/static/ui/create-project.js'],
    data: { templates: LABEL_CONFIG_TEMPLATES },
    body: `      <section class="card">
        <h1>Create project</h1>
        <form id="create-project" class="stack">
          <label>Title <input name="title" maxlength="50" required></label>
          <label>Template <select name="template">${options}</select></label>
          <label>Label config <textarea name="label_config" rows="12" spellcheck="false" required></textarea></label>
          <p class="muted" id="sample"></p>
          <label>Files to import (JSON, CSV, TSV, TXT, images, audio) <input type="file" name="files" multiple></label>
          <p class="error" id="error" role="alert" hidden></p>
          <button type="submit" class="primary">Create</button>
        </form>
      </section>`,
  });
}
