import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  collectOperations,
  computeCoverage,
  normalizePath,
  OpenApiDocument,
  renderMarkdown,
  renderTable,
} from './coverage';
import { specPath } from './main';

const spec: OpenApiDocument = {
  paths: {
    '/api/projects/': {
      get: { operationId: 'api_projects_list', tags: ['Projects'] },
      post: { operationId: 'api_projects_create', tags: ['Projects'] },
    },
    '/api/projects/{id}/': {
      get: { operationId: 'api_projects_retrieve', tags: ['Projects'] },
      parameters: [],
    },
    '/api/tasks/{id}/': {
      patch: { operationId: 'api_tasks_partial_update', tags: ['Tasks', 'Projects'] },
    },
    '/api/version/': { get: { operationId: 'api_version_retrieve', tags: ['Versions'] } },
  },
};

const ours: OpenApiDocument = {
  paths: {
    '/api/projects': { get: { operationId: 'list' } },
    '/api/projects/{pk}': { get: {}, delete: {} },
    '/api/tasks/{id}': { put: {} },
    '/health': { get: {} },
  },
};

describe('openapi coverage', () => {
  it('matches paths whatever their trailing slash and parameter names', () => {
    expect(normalizePath('/api/projects/{id}/')).toBe(normalizePath('/api/projects/:pk'));
    expect(normalizePath('/')).toBe('/');
  });

  it('collects operations and skips path-level keys that are not methods', () => {
    expect(collectOperations(spec).map((op) => op.operationId)).toHaveLength(5);
  });

  it('counts per tag, multi-tag operations under each tag, overall once', () => {
    const result = computeCoverage(spec, ours);
    expect(result.overall).toEqual({ implemented: 2, total: 5 });
    expect(result.tags).toEqual([
      { tag: 'Projects', implemented: 2, total: 4 },
      { tag: 'Tasks', implemented: 0, total: 1 },
      { tag: 'Versions', implemented: 0, total: 1 },
    ]);
  });

  it('treats another method on the same path as missing', () => {
    const missing = computeCoverage(spec, ours).missing.map((op) => op.operationId);
    expect(missing).toEqual([
      'api_projects_create',
      'api_tasks_partial_update',
      'api_version_retrieve',
    ]);
  });

  it('lists what we serve that the contract does not have', () => {
    const extra = computeCoverage(spec, ours).extra.map((op) => `${op.method} ${op.path}`);
    expect(extra).toEqual(['DELETE /api/projects/{pk}', 'PUT /api/tasks/{id}', 'GET /health']);
  });

  it('renders a table and a markdown report naming the missing operations', () => {
    const result = computeCoverage(spec, ours);
    expect(renderTable(result)).toMatch(/Projects\s+2\/4\s+50\.0%/);
    expect(renderTable(result)).toMatch(/overall\s+2\/5\s+40\.0%/);
    const markdown = renderMarkdown(result, { specPath: 'spec.yaml' });
    expect(markdown).toContain('| Projects | 2/4 | 50.0% |');
    expect(markdown).toContain('- `api_version_retrieve` GET `/api/version/`');
    expect(markdown).toContain('- GET `/health`');
  });

  // The workspace's own default: ../shared/spec/openapi.yaml seen from the repository root.
  const realSpec = specPath({
    LS_OPENAPI_SPEC:
      process.env.LS_OPENAPI_SPEC ?? resolve(__dirname, '../../../../shared/spec/openapi.yaml'),
  });
  (existsSync(realSpec) ? it : it.skip)(
    'reads the real contract: 479 operations, all missing for an empty app',
    () => {
      const document = parse(readFileSync(realSpec, 'utf8')) as OpenApiDocument;
      const result = computeCoverage(document, { paths: {} });
      expect(result.overall).toEqual({ implemented: 0, total: 479 });
      expect(result.missing).toHaveLength(479);
    },
  );
});
