// Tests of tasks: `nx run tasks:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'tasks' };
