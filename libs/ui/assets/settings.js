// Project settings: title and label config (validated first, with the server's messages), import.
'use strict';

document.addEventListener('DOMContentLoaded', async function () {
  const projectId = window.lsApi.pageData().project;
  const form = document.getElementById('settings');
  const error = document.getElementById('error');
  const saved = document.getElementById('saved');
  const importForm = document.getElementById('import-files');
  const importError = document.getElementById('import-error');
  const imported = document.getElementById('imported');
  const base = '/api/projects/' + projectId;

  try {
    const project = await window.lsApi.call('GET', base + '/');
    form.elements.title.value = project.title || '';
    form.elements.label_config.value = project.label_config || '';
  } catch (failure) {
    window.lsApi.showError(error, failure);
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    error.hidden = true;
    saved.hidden = true;
    const labelConfig = form.elements.label_config.value;
    try {
      await window.lsApi.call('POST', base + '/validate/', { label_config: labelConfig });
      await window.lsApi.call('PATCH', base + '/', {
        title: form.elements.title.value,
        label_config: labelConfig,
      });
      saved.hidden = false;
    } catch (failure) {
      window.lsApi.showError(error, failure);
    }
  });

  importForm.addEventListener('submit', async function (event) {
    event.preventDefault();
    importError.hidden = true;
    imported.hidden = true;
    const upload = new FormData();
    Array.prototype.forEach.call(importForm.elements.files.files, function (file) {
      upload.append(file.name, file);
    });
    try {
      const result = await window.lsApi.call('POST', base + '/import', upload);
      imported.textContent = 'Imported ' + result.task_count + ' tasks.';
      imported.hidden = false;
      importForm.reset();
    } catch (failure) {
      window.lsApi.showError(importError, failure);
    }
  });
});
