import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * A malformed number in the environment stops both entry points before anything starts, with one
 * line naming the variable and exit code 78 (EX_CONFIG); it used to start the server with NaN
 * (SHUTDOWN_GRACE_MS=25s: a shutdown that never waited) and, for the validated settings, die
 * with a stack trace.
 */
const ROOT = path.resolve(__dirname, '../..');

function run(entry: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test.each([
  ['the server', 'src/main.ts', []],
  ['the register CLI', 'src/cli/register.ts', ['organisation:list']],
])('%s refuses SHUTDOWN_GRACE_MS=25s in one line', (_name, entry, args) => {
  const result = run(entry, args, { SHUTDOWN_GRACE_MS: '25s' });
  expect(result.status).toBe(78);
  expect(result.stderr.trim()).toBe('Verwerkingsregister could not start: SHUTDOWN_GRACE_MS must be a whole number of 0 or more, not "25s".');
});
