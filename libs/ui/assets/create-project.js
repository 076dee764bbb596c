// The create-project form: the project, then its files through the import API.
'use strict';

document.addEventListener('DOMContentLoaded', function () {
  const form = document.getElementById('create-project');
  const error = document.getElementById('error');
  const sample = document.getElementById('sample');
  const templates = window.lsApi.pageData().templates || [];

  function useTemplate(id) {
    const template = templates.find(function (candidate) {
      return candidate.id === id;
    });
    if (!template) return;
    form.elements.label_config.value = template.config;
    sample.textContent = 'A task looks like: ' + JSON.stringify(template.sample);
  }
  form.elements.template.addEventListener('change', function (event) {
    useTemplate(event.target.value);
  });
  useTemplate(form.elements.template.value);

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    error.hidden = true;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const project = await window.lsApi.call('POST', '/api/projects/', {
        title: form.elements.title.value,
        label_config: form.elements.label_config.value,
      });
      const files = form.elements.files.files;
      if (files.length > 0) {
        const upload = new FormData();
        Array.prototype.forEach.call(files, function (file) {
          upload.append(file.name, file);
        });
        try {
          await window.lsApi.call('POST', '/api/projects/' + project.id + '/import', upload);
        } catch {
          window.location.assign('/projects/' + project.id + '/settings#import');
          return;
        }
      }
      window.location.assign('/projects/' + project.id + '/data');
    } catch (failure) {
      window.lsApi.showError(error, failure);
      button.disabled = false;
    }
  });
});
