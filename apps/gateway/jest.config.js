const preset = require('../../jest.preset.js');

// jose 6 (used through @tendril/shared/auth) ships ES modules only; Jest cannot require them, so SWC compiles it.
const base = preset(__dirname, 'gateway');
module.exports = {
  ...base,
  transform: { ...base.transform, '/node_modules/jose/.+\\.js$': ['@swc/jest', preset.swcConfig] },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
