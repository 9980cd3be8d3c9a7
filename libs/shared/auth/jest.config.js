const preset = require('../../../jest.preset.js');

// jose 6 ships ES modules only; Jest (unlike Node 20.19+) cannot require them, so SWC compiles it to CommonJS.
const base = preset(__dirname, 'shared-auth');
module.exports = {
  ...base,
  transform: { ...base.transform, '/node_modules/jose/.+\\.js$': ['@swc/jest', preset.swcConfig] },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
