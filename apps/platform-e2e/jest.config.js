module.exports = require('../../jest.preset.js')(__dirname, 'platform-e2e');
