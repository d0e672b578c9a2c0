import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, LISSE } from './support/sync-helpers';

/**
 * docs/sync.md, "Shared records: adopt and leave": its shell blocks run as written (bash and curl,
 * the test server's address for localhost:4000, a token of Gemeente Lisse as $TOKEN) and print the
 * answers the section shows (the moments of adoption and the record's id aside).
 */
const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'sync.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Shared records: adopt and leave'), doc.indexOf('## Reading your own data'));
const shellBlocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
const jsonBlocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1].trim());

const run = promisify(execFile);
/** An answer without what differs per run. */
const stable = (line: string) => line.replace(/"(activityId|adoptedAt)":"[^"]*"/g, '"$1":"…"');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

test('the section shows the adopt and leave calls and a public register, and they answer as shown', async () => {
  expect(shellBlocks).toHaveLength(2);
  const token = await issueToken(server.db.orm, LISSE);
  const outputs: string[] = [];
  for (const block of shellBlocks) {
    const { stdout } = await run('bash', ['-e', '-c', block.replaceAll('http://localhost:4000', server.url)], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TOKEN: token } });
    outputs.push(...stdout.split('\n').filter((l) => l.startsWith('{')));
  }
  const [calls, , register] = jsonBlocks;
  expect(outputs.map(stable)).toEqual([...calls.split('\n'), register].map(stable));
});
