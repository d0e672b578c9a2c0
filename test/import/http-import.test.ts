import { toGlobalId } from '../../src/api/common/global-id';
import { TokenScope } from '../../src/modules/auth/token-scope';
import type { RunReport } from '../../src/modules/import/run-report';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, RVO } from '../sync/support/sync-helpers';
import { sampleZip } from './support/zip-fixtures';

/** The importer over the sync surface: a plain authenticated upload of the ZIP, answering the CLI's report. */
describe('POST /sync/import/avg-register', () => {
  let server: TestServer;
  let token: string;
  const post = (body: Buffer | string, headers: Record<string, string>, query = '') => fetch(`${server.url}/sync/import/avg-register${query}`, { method: 'POST', headers, body });

  beforeAll(async () => {
    server = await startTestServer();
    token = await issueToken(server.db.orm, 'Ministerie van Economische Zaken');
  });
  afterAll(() => server?.close());

  it('imports the sample for the token’s organisation and answers the JSON report', async () => {
    const res = await post(sampleZip(), { 'content-type': 'application/zip', authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const report = (await res.json()) as RunReport;
    expect(report.records.map((r) => [r.reference, r.outcome, r.state])).toEqual([
      ['M5071', 'CREATED', 'UNDER_REVIEW'],
      ['M12536', 'CREATED', 'DRAFT'],
      ['M12537', 'CREATED', 'DRAFT'],
    ]);
    expect(report.records[0].notPublishable.map((e) => e.code)).toEqual(['PERSONAL_EMAIL']);
    const unit = await server.db.orm.em.fork().findOneOrFail(Organisation, { name: 'Kern - Directie Informatiebeleid / CIO' }, { populate: ['parent'] });
    expect(unit.parent?.name).toBe('Ministerie van Economische Zaken');
    const again = (await (await post(sampleZip(), { 'content-type': 'application/zip', authorization: `Bearer ${token}` })).json()) as RunReport;
    expect(again.records.map((r) => r.outcome)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
  });

  it('refuses without a token, without records:write, with a simple (CSRF-able) content type, outside the scope, and a body that is no ZIP', async () => {
    const zip = sampleZip();
    expect((await post(zip, { 'content-type': 'application/zip' })).status).toBe(401);
    const readOnly = await issueToken(server.db.orm, 'Ministerie van Economische Zaken', [TokenScope.INTERNAL_READ]);
    expect((await post(zip, { 'content-type': 'application/zip', authorization: `Bearer ${readOnly}` })).status).toBe(403);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])
      expect((await post(zip, { 'content-type': type, authorization: `Bearer ${token}` })).status).toBe(415);
    const elsewhere = await server.db.orm.em.fork().findOneOrFail(Organisation, { name: 'Gemeente Lisse' });
    const outside = await post(zip, { 'content-type': 'application/zip', authorization: `Bearer ${token}` }, `?organisationId=${encodeURIComponent(toGlobalId('Organisation', elsewhere.id))}`);
    expect(outside.status).toBe(404);
    const unknown = await post(zip, { 'content-type': 'application/zip', authorization: `Bearer ${token}` }, '?dryrun=true');
    expect([unknown.status, ((await unknown.json()) as { errors: { message: string }[] }).errors[0].message]).toEqual([400, expect.stringContaining('Unknown parameter(s): dryrun')]);
    const notZip = await post('hallo', { 'content-type': 'application/zip', authorization: `Bearer ${token}` });
    expect([notZip.status, ((await notZip.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([400, 'INVALID_ZIP']);
    const rvo = await issueToken(server.db.orm, RVO);
    expect((await post(zip, { 'content-type': 'application/zip', authorization: `Bearer ${rvo}` }, '?dryRun=true')).status).toBe(200);
  });
});
