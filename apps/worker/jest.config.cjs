// Tests of worker: `nx run worker:e2e`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'worker' };
