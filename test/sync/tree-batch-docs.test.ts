import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRegisterCommand } from '../../src/cli/commands';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, LISSE } from './support/sync-helpers';

/** docs/sync.md, "A whole organisation tree in one batch": its commands and its batch run as written, and answer what the document shows. */
describe('docs/sync.md: a whole organisation tree in one batch', () => {
  let server: TestServer;
  const doc = readFileSync(join(__dirname, '../../docs/sync.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### A whole organisation tree in one batch'), doc.indexOf('### Retention and source stated once'));

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  verifyReadModelAfterEach(() => server.db.orm);

  it('creates the units, lists them with ids, and syncs the tree with the answer shown', async () => {
    const commands = [...section.matchAll(/^npm run register -- (.+)$/gm)].map((m) => m[1]);
    expect(commands).toHaveLength(3);
    let listed: string[] = [];
    for (const command of commands) {
      // The shell words of the line: options and their (double-quoted) values.
      const argv = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
      listed = await runRegisterCommand(server.db.orm.em.fork(), argv);
    }
    for (const unit of ['Afdeling Burgerzaken', 'Afdeling Publiekszaken']) expect(listed).toContainEqual(expect.stringMatching(new RegExp(`^  ${unit} \\[OTHER\\] -  id [0-9a-f-]{36}$`)));

    const body = JSON.parse(section.match(/cat > tree\.json <<'JSON'\n([\s\S]*?)\nJSON/)![1]);
    const token = await issueToken(server.db.orm, LISSE);
    const post = async (b: unknown): Promise<Answer> =>
      (await fetch(`${server.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(b) })).json() as Promise<Answer>;
    const answer = await post(body);
    const shown = JSON.parse(section.match(/```json\n([\s\S]*?)\n```/)![1]) as Answer;
    // Ids differ per database: compare them by the unit each names (L-001 Burgerzaken, L-002 Publiekszaken, L-003 the municipality).
    const UNITS = ['Burgerzaken', 'Publiekszaken', 'Lisse'];
    const unitsOf = (a: Answer) => new Map(a.data.syncProcessingActivities.results.map((r, i) => [r.organisationId, UNITS[i]]));
    const ids = unitsOf(answer);
    const named = (a: Answer) => ({ ...a.data.syncProcessingActivities, results: a.data.syncProcessingActivities.results.map((r) => ({ ...r, organisationId: unitsOf(a).get(r.organisationId) })) });
    expect(named(answer)).toEqual(named(shown));
    expect(ids.size).toBe(3);

    // The published record shows the retention stated once, parsed clause by clause, on the record and on each item.
    type Published = { processingActivityByReference: { organisation: { name: string }; retention: { rules: { duration: string; appliesTo: string }[] }; dataSubjectGroups: { dataItems: { retention: { text: string } }[] }[] } };
    const burgerzaken = [...ids.entries()].find(([, n]) => n === 'Burgerzaken')![0];
    const pub = await server.publicClient.query<Published, { o: string }>(
      'query($o: ID!) { processingActivityByReference(organisation: $o, reference: "L-001") { organisation { name } retention { rules { duration appliesTo } } dataSubjectGroups { dataItems { retention { text } } } } }',
      { o: burgerzaken },
    );
    expect(pub.processingActivityByReference.organisation.name).toBe('Afdeling Burgerzaken');
    expect(pub.processingActivityByReference.retention.rules).toEqual([
      { duration: 'P20Y', appliesTo: 'Dossier' },
      { duration: 'P2Y', appliesTo: 'correspondentie' },
      { duration: 'P6M', appliesTo: 'logbestanden' },
    ]);
    expect(pub.processingActivityByReference.dataSubjectGroups[0].dataItems.map((d) => d.retention.text)).toEqual([body.variables.input.records[0].retentionText, body.variables.input.records[0].retentionText]);

    // Sent again with L-002 under Burgerzaken, as the document says: it moves.
    body.variables.input.idempotencyKey += '-2';
    body.variables.input.records[1].unit = { name: 'Afdeling Burgerzaken' };
    const again = await post(body);
    const moved = again.data.syncProcessingActivities.results[1];
    expect([moved.reference, moved.outcome, moved.version, ids.get(moved.organisationId), ids.get(moved.movedFromOrganisationId!)]).toEqual(['L-002', 'UPDATED', 2, 'Burgerzaken', 'Publiekszaken']);
    expect(again.data.syncProcessingActivities.summary).toEqual({ created: 0, updated: 1, unchanged: 2, withdrawn: 0, failed: 0 });
  });
});

interface Answer {
  data: {
    syncProcessingActivities: {
      committed: boolean;
      summary: Record<string, number>;
      results: { reference: string; outcome: string; version: number | null; organisationId: string; movedFromOrganisationId: string | null; errors: unknown[] }[];
    };
  };
}
