import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The server's Node flags and allocator setting are tuned once (README, "npm start";
 * docs/performance.md) and written in three places a user starts it from: `npm start`, the
 * Dockerfile and the deployment guide. They must say the same, or one way of starting the server
 * runs with the memory and speed figures of another configuration.
 */
describe('the start flags', () => {
  const root = path.join(__dirname, '../..');
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flagsOf = (command: string) => command.split(/\s+/).filter((w) => w.startsWith('--'));

  it('are the same in npm start, the Dockerfile and docs/deployment.md', () => {
    const npmFlags = flagsOf(start);
    expect(npmFlags.length).toBeGreaterThan(0);
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(cmd.filter((w) => w.startsWith('--'))).toEqual(npmFlags);
    const deployment = readFileSync(path.join(root, 'docs/deployment.md'), 'utf8');
    expect(deployment).toContain(`node ${npmFlags.join(' ')} dist/src/main.js`);
  });

  it('set the same allocator arenas in npm start and the Dockerfile', () => {
    const arenas = /MALLOC_ARENA_MAX=(\d+)/.exec(start)?.[1];
    expect(arenas).toBeDefined();
    expect(readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toMatch(new RegExp(`^ENV .*MALLOC_ARENA_MAX=${arenas}\\b`, 'm'));
  });
});
