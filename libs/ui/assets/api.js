// Calls to this server's API from our pages: same origin, the session cookie authenticates.
'use strict';

window.lsApi = (function () {
  /** The messages of Label Studio's error body: `detail` and each field's validation errors. */
  function messagesOf(body, status) {
    if (!body || typeof body !== 'object') return ['The server answered ' + status + '.'];
    const messages = [];
    if (body.validation_errors && typeof body.validation_errors === 'object') {
      Object.keys(body.validation_errors).forEach(function (field) {
        const errors = [].concat(body.validation_errors[field]);
        errors.forEach(function (error) {
          messages.push((field === 'non_field_errors' ? '' : field + ': ') + String(error));
        });
      });
    }
    if (messages.length === 0 && body.detail) messages.push(String(body.detail));
    return messages.length ? messages : ['The server answered ' + status + '.'];
  }

  async function call(method, path, body) {
    const init = {
      method: method,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location.assign('/user/login?next=' + encodeURIComponent(window.location.pathname));
      throw new Error('Signed out');
    }
    const text = await response.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      const error = new Error(messagesOf(parsed, response.status).join('\n'));
      error.status = response.status;
      throw error;
    }
    return parsed;
  }

  function pageData() {
    const block = document.getElementById('page-data');
    return block ? JSON.parse(block.textContent) : {};
  }

  function showError(element, error) {
    element.textContent = error && error.message ? error.message : String(error);
    element.hidden = false;
  }

  return { call: call, pageData: pageData, showError: showError };
})();
