// One Jest run over every project (unit, integration and e2e), so `npm test` prints one summary.
const fs = require('node:fs');
const path = require('node:path');

const findProjects = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === 'src') return [];
    const child = path.join(dir, entry.name);
    return fs.existsSync(path.join(child, 'jest.config.js')) ? [child] : findProjects(child);
  });

module.exports = {
  projects: ['apps', 'libs'].flatMap((top) => findProjects(path.join(__dirname, top))).sort(),
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  testTimeout: 30_000,
};
