// The project list: every project the caller may see, with its counters.
'use strict';

document.addEventListener('DOMContentLoaded', async function () {
  const status = document.getElementById('status');
  const table = document.getElementById('projects');
  const body = table.querySelector('tbody');
  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : String(text);
    row.appendChild(td);
    return td;
  }
  try {
    const page = await window.lsApi.call(
      'GET',
      '/api/projects/?page_size=100&ordering=-created_at',
    );
    const projects = page.results || [];
    if (projects.length === 0) {
      status.textContent = 'No projects yet. Create one to start labeling.';
      return;
    }
    projects.forEach(function (project) {
      const row = document.createElement('tr');
      const title = document.createElement('td');
      const link = document.createElement('a');
      link.href = '/projects/' + project.id + '/data';
      link.textContent = project.title || 'Untitled project ' + project.id;
      title.appendChild(link);
      row.appendChild(title);
      cell(row, project.task_number);
      cell(row, project.num_tasks_with_annotations);
      cell(row, project.total_annotations_number);
      cell(row, project.skipped_annotations_number);
      cell(row, project.created_at ? new Date(project.created_at).toLocaleString() : '');
      const settings = cell(row, '');
      const settingsLink = document.createElement('a');
      settingsLink.href = '/projects/' + project.id + '/settings';
      settingsLink.textContent = 'Settings';
      settings.appendChild(settingsLink);
      row.dataset.project = project.id;
      body.appendChild(row);
    });
    status.hidden = true;
    table.hidden = false;
  } catch (error) {
    status.textContent = error.message;
  }
});
