// Checks of the deployment files: `nx run deploy:test`.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'deploy' };
