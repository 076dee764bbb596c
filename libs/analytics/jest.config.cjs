// Tests of analytics: `nx run analytics:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'analytics' };
