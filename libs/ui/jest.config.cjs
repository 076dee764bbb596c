// Tests of ui: `nx run ui:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'ui' };
