// Tests of projects: `nx run projects:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'projects' };
