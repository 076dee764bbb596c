// The example's test runs against the built packages (dist/libs), as another team's app would.
const { join } = require('node:path');
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'embed-projects',
  moduleNameMapper: { '^@ls/([a-z-]+)$': join(__dirname, '../../dist/libs/$1') },
};
