module.exports = require('../../../jest.preset.js')(__dirname, 'tender-open-data');
