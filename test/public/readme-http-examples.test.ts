import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The README's "Open data over plain HTTP" lines, run as written (curl and wget, with the test
 * server's address for localhost:4000): each must succeed (curl -f / wget fail on an HTTP error),
 * and what it writes or prints must be what the line promises.
 */
const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Open data over plain HTTP'), readme.indexOf('## Example queries (public surface)'));
const lines = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter((l) => /^(curl|wget) /.test(l));

const run = promisify(execFile);

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(path.join(tmpdir(), 'vr-readme-http-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the section has the download, GET and persisted-query lines', () => {
  expect(lines.length).toBeGreaterThanOrEqual(9);
  for (const file of ['processing-activities.csv', 'processing-activities-data-items.csv', 'processing-activities.ndjson', 'processing-activities.jsonld', 'catalog.jsonld']) {
    expect(lines.some((l) => l.includes(`/open-data/${file}`))).toBe(true);
  }
  expect(lines.some((l) => l.includes('persistedQuery'))).toBe(true);
});

test('every line runs and answers', async () => {
  const outputs: string[] = [];
  for (const line of lines) {
    const command = line.replaceAll('http://localhost:4000', server.url);
    // Asynchronously: the server answers from this same process.
    outputs.push((await run('bash', ['-c', command], { cwd: dir, encoding: 'utf8', timeout: 30_000 })).stdout);
  }
  const written = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  expect(written('processing-activities.csv')).toContain('reference,title');
  expect(written('data-items.csv')).toContain('data_item');
  expect(written('processing-activities.ndjson').trim().split('\n').every((l) => JSON.parse(l).reference)).toBe(true);
  expect(JSON.parse(written('register.jsonld'))['@graph'].length).toBeGreaterThan(0);
  expect(JSON.parse(written('catalog.jsonld'))['@type']).toBe('dcat:Catalog');
  expect(statSync(path.join(dir, 'defensie.csv')).size).toBeGreaterThan(0);
  expect(written('defensie.csv')).toContain('Ministerie van Defensie');
  const answers = outputs.filter((o) => o.startsWith('{')).map((o) => JSON.parse(o));
  expect(answers).toHaveLength(3);
  for (const answer of answers) expect(answer.errors).toBeUndefined();
  // The persisted query answered by its hash alone, the same as with its text.
  expect(answers[2]).toEqual(answers[1]);
});
