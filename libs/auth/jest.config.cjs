// Tests of auth: `nx run auth:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'auth' };
