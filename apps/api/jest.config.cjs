// Tests of api: `nx run api:e2e`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'api' };
