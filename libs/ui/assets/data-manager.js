// Starts Label Studio's data manager (with its labeling editor) on this server's API.
'use strict';

document.addEventListener('DOMContentLoaded', function () {
  const block = document.getElementById('page-data');
  const page = JSON.parse(block.textContent);
  const projectId = page.project;
  const root = document.getElementById('data-manager');
  if (!window.DataManager || !window.LabelStudio) {
    root.textContent = 'The labeling interface did not load.';
    return;
  }
  const dataManager = new window.DataManager({
    root: root,
    projectId: projectId,
    apiGateway: window.location.origin + '/api/dm',
    apiVersion: 2,
    apiEndpoints: {
      tasks: '/../tasks',
      task: '/../tasks/:taskID',
    },
    polling: false,
    showPreviews: false,
    interfaces: {
      // importing and the settings belong to those who may change the project
      import: page.manages,
      export: false,
      backButton: false,
      labelingHeader: false,
      groundTruth: true,
      instruction: true,
    },
    labelStudio: {
      interfaces: [
        'panel',
        'update',
        'submit',
        'skip',
        'controls',
        'topbar',
        'instruction',
        'side-column',
        'annotations:history',
        'annotations:current',
        'annotations:tabs',
        'annotations:menu',
        'annotations:add-new',
        'annotations:delete',
        'predictions:tabs',
        'predictions:menu',
        'edit-history',
      ],
    },
  });
  window.dataManager = dataManager;
  const settings = '/projects/' + projectId + '/settings';
  dataManager.on('settingsClicked', function () {
    window.location.assign(settings);
  });
  dataManager.on('importClicked', function () {
    window.location.assign(settings + '#import');
  });
  dataManager.on('navigate', function (route) {
    window.location.assign(route && route.indexOf('projects') === 0 ? '/' + route : '/');
  });
  dataManager.on('crash', function () {
    root.textContent = 'The project could not be opened.';
  });
});
