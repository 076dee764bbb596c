// Tests of webhooks: `nx run webhooks:test`; the shared settings are in jest.preset.cjs.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'webhooks' };
