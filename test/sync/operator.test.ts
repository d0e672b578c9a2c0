import { TokenScope } from '../../src/modules/auth/token-scope';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes, issueToken, record, sync } from './support/sync-helpers';

type OrgPayload = { organisation: { id: string; name: string; tooiUri: string | null; oin: string | null; parentId: string | null } | null; errors: { code: string; path: string[] }[] };
const ORG_FIELDS = 'organisation { id name tooiUri oin parentId } errors { code path message }';

describe('operators: organisations and tokens', () => {
  let server: TestServer;
  let operator: ReturnType<TestServer['syncClient']>;
  const em = () => server.db.orm.em.fork();
  const call = async (field: string, type: string, input: Record<string, unknown>) =>
    (await operator.query<Record<string, OrgPayload>>(`mutation($input: ${type}!) { ${field}(input: $input) { ${ORG_FIELDS} } }`, { input }))[field];

  beforeAll(async () => {
    server = await startTestServer();
    operator = server.syncClient(await issueToken(server.db.orm, 'Ministerie van Economische Zaken', [TokenScope.OPERATOR]));
  });
  afterAll(() => server?.close());

  it('creates an organisation identified by TOOI URI and OIN, under a parent', async () => {
    const res = await call('createOrganisation', 'CreateOrganisationInput', {
      name: 'Gemeente Noordwijk',
      kind: 'MUNICIPALITY',
      tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0575',
      oin: '00000001001234567000',
      parent: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' },
    });
    expect(res.errors).toEqual([]);
    const stored = await em().findOneOrFail(Organisation, { oin: '00000001001234567000' }, { populate: ['parent'] });
    expect([stored.name, stored.parent?.name]).toEqual(['Gemeente Noordwijk', 'Gemeente Lisse']);
  });

  it('refuses malformed and duplicate identifiers with field errors', async () => {
    const bad = await call('createOrganisation', 'CreateOrganisationInput', { name: 'X', kind: 'OTHER', tooiUri: 'https://example.org/x', oin: '123' });
    expect(bad.errors.map((e) => [e.code, e.path[0]])).toEqual([['INVALID_TOOI', 'tooiUri'], ['INVALID_OIN', 'oin']]);
    const dup = await call('createOrganisation', 'CreateOrganisationInput', { name: 'Y', kind: 'OTHER', tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' });
    expect(dup.errors.map((e) => e.code)).toEqual(['ALREADY_EXISTS']);
  });

  it('updates an organisation by OIN', async () => {
    const res = await call('updateOrganisation', 'UpdateOrganisationInput', { organisation: { oin: '00000001001234567000' }, name: 'Gemeente Noordwijk (ZH)', website: 'https://www.noordwijk.nl' });
    expect(res.organisation?.name).toBe('Gemeente Noordwijk (ZH)');
    expect((await em().findOneOrFail(Organisation, { oin: '00000001001234567000' })).website).toBe('https://www.noordwijk.nl');
  });

  it('moves an organisation in the tree, and refuses a cycle', async () => {
    const moved = await call('moveOrganisation', 'MoveOrganisationInput', { organisation: { oin: '00000001001234567000' }, parent: null });
    expect(moved.organisation?.parentId).toBeNull();
    await call('moveOrganisation', 'MoveOrganisationInput', { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' }, parent: { oin: '00000001001234567000' } });
    const cycle = await call('moveOrganisation', 'MoveOrganisationInput', { organisation: { oin: '00000001001234567000' }, parent: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' } });
    expect(cycle.errors.map((e) => e.code)).toEqual(['INVALID_PARENT']);
    // Noordwijk's tokens now reach Lisse, Lisse's do not reach Noordwijk.
    const noordwijk = server.syncClient(await issueToken(server.db.orm, 'Gemeente Noordwijk (ZH)'));
    const res = await sync(noordwijk, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' }, records: [record('NW-1')] });
    expect(res.results[0].outcome).toBe('CREATED');
  });

  it('issues a token once, lists it without the secret, and revokes it', async () => {
    const created = await operator.query<{ createApiToken: { token: string; apiToken: { prefix: string; scopes: string[] }; errors: unknown[] } }>(
      `mutation { createApiToken(input: { organisation: { oin: "00000001001234567000" }, name: "Noordwijk productie", scopes: [RECORDS_WRITE, INTERNAL_READ], expiresInDays: 30 }) { token apiToken { prefix scopes expiresAt } errors { code } } }`,
    );
    const { token, apiToken } = created.createApiToken;
    expect(token).toMatch(/^vr_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const client = server.syncClient(token);
    expect((await client.query<{ viewer: { tokenPrefix: string } }>(`{ viewer { tokenPrefix } }`)).viewer.tokenPrefix).toBe(apiToken.prefix);
    const list = await operator.request(`{ apiTokens(organisation: { oin: "00000001001234567000" }) { prefix name revokedAt } }`);
    expect(list.raw).not.toContain(token);
    expect(list.raw).toContain(apiToken.prefix);
    const revoked = await operator.query<{ revokeApiToken: { apiToken: { revokedAt: string } } }>(`mutation($p: String!) { revokeApiToken(prefix: $p) { apiToken { revokedAt } errors { code } } }`, { p: apiToken.prefix });
    expect(revoked.revokeApiToken.apiToken.revokedAt).toBeTruthy();
    expect(codes(await client.request(`{ viewer { tokenPrefix } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('an operator token without records scope cannot write records', async () => {
    const res = await operator.request(`mutation { syncProcessingActivities(input: { records: [] }) { committed } }`);
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});
