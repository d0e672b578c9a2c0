// Runs before `npm start` and `npm test`: on a fresh clone, installs the dependencies first,
// so the README's two commands are all a newcomer needs. Plain Node: no dependency of its own.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (first run)…');
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
