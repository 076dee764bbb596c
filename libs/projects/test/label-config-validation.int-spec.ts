import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';
import { BROKEN_CONFIGS, REAL_CONFIGS } from './fixtures/label-configs';

describe('label config validation through the API (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;

  beforeAll(async () => {
    testApp = await createAuthTestApp({ imports: [ProjectsModule, ProjectsHttpModule] });
    owner = await createAccount(testApp.app);
  });

  afterAll(() => testApp.close());

  it.each(Object.entries(REAL_CONFIGS))('accepts %s', async (_name, config) => {
    await testApp
      .http()
      .post('/api/projects/validate/')
      .set(owner.headers)
      .send({ label_config: config })
      .expect(204);
    const project = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Config check', label_config: config })
      .expect(201);
    expect(project.body.config_has_control_tags).toBe(true);
    expect(Object.keys(project.body.data_types).length).toBeGreaterThan(0);
  });

  it.each(BROKEN_CONFIGS)(
    'rejects %s with an error naming the problem',
    async (_name, config, message) => {
      const response = await testApp
        .http()
        .post('/api/projects/validate/')
        .set(owner.headers)
        .send({ label_config: config })
        .expect(400);
      expect(response.body.detail).toBe('Validation error');
      expect(response.body.validation_errors.label_config).toHaveLength(1);
      const [error] = response.body.validation_errors.label_config;
      if (typeof message === 'string') expect(error).toBe(message);
      else expect(error).toMatch(message);
    },
  );

  it('stores parsed_label_config in the expected structure', async () => {
    const created = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Taxonomy', label_config: REAL_CONFIGS.taxonomy })
      .expect(201);
    expect(created.body.parsed_label_config).toEqual({
      taxonomy: {
        type: 'Taxonomy',
        to_name: ['text'],
        inputs: [{ type: 'Text', value: 'text', valueType: null }],
        labels: ['Archaea', 'Bacteria', 'Eukarya', 'Human', 'Oppossum', 'Extraterrestial'],
        labels_attrs: {
          Archaea: { value: 'Archaea' },
          Bacteria: { value: 'Bacteria' },
          Eukarya: { value: 'Eukarya' },
          Human: { value: 'Human' },
          Oppossum: { value: 'Oppossum' },
          Extraterrestial: { value: 'Extraterrestial' },
        },
      },
    });
    const pairwise = await testApp
      .http()
      .post('/api/projects/')
      .set(owner.headers)
      .send({ title: 'Pairwise', label_config: REAL_CONFIGS.pairwiseComparison })
      .expect(201);
    expect(pairwise.body.parsed_label_config).toEqual({
      comparison: {
        type: 'Pairwise',
        to_name: ['text1', 'text2'],
        inputs: [
          { type: 'Text', value: 'text1', valueType: null },
          { type: 'Text', value: 'text2', valueType: null },
        ],
        labels: [],
        labels_attrs: {},
      },
    });
    expect(pairwise.body.data_types).toEqual({ text1: 'Text', text2: 'Text' });
  });
});
