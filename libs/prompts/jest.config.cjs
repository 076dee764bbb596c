// Tests of prompts: `nx run prompts:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'prompts' };
