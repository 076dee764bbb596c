// Tests of annotations: `nx run annotations:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'annotations' };
