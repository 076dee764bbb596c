// Tests of openapi-coverage: `nx run openapi-coverage:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'openapi-coverage' };
