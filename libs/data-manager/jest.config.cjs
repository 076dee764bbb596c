// Tests of data-manager: `nx run data-manager:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'data-manager' };
