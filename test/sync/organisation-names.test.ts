import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { toGlobalId } from '../../src/api/common/global-id';
import { runCommand } from '../../src/cli/register-commands';
import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { ApiToken } from '../../src/modules/auth/api-token.entity';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { OrganisationService } from '../../src/modules/organisation/organisation.service';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Organisations without Dutch identifiers are known by name (issue 12, section 4): a name is unique
 * among siblings (ignoring case), organisation:list prints ids, and every command takes the id
 * where a name is ambiguous, saying so.
 */
describe('organisation names are unique among siblings', () => {
  let server: TestServer;
  const em = () => server.db.orm.em.fork();
  const run = (...argv: string[]) => runCommand(em(), argv);
  const idOf = async (name: string, parent: string) => (await em().findOneOrFail(Organisation, { name, parent: { name: parent } })).id;

  beforeAll(async () => {
    server = await startTestServer();
    await run('organisation:create', '--name', 'Gemeente Noordstad', '--kind', 'municipality');
    await run('organisation:create', '--name', 'Afdeling Wonen', '--kind', 'other', '--parent', 'Gemeente Noordstad');
    await run('organisation:create', '--name', 'Afdeling Werk', '--kind', 'other', '--parent', 'Gemeente Noordstad');
  });
  afterAll(() => server?.close());

  it('refuses a second organisation of the same name under one parent, in any case, and allows it under another parent', async () => {
    await expect(run('organisation:create', '--name', 'afdeling WONEN', '--kind', 'other', '--parent', 'Gemeente Noordstad')).rejects.toThrow(
      /name: An organisation named "Afdeling Wonen" already exists under the same parent \(id [0-9a-f-]{36}\); names are unique among siblings/,
    );
    expect(await em().count(Organisation, { name: { $ilike: 'afdeling wonen' } })).toBe(1);
    await run('organisation:create', '--name', 'Team Beleid', '--kind', 'other', '--parent', 'Afdeling Wonen');
    await run('organisation:create', '--name', 'Team Beleid', '--kind', 'other', '--parent', 'Afdeling Werk');
    expect(await em().count(Organisation, { name: 'Team Beleid' })).toBe(2);
    // Top-level organisations are siblings too.
    await expect(run('organisation:create', '--name', 'GEMEENTE NOORDSTAD', '--kind', 'municipality')).rejects.toThrow(/already exists at the top of the tree/);
  });

  it('over the operator API too: create, rename and move into a clash answer ALREADY_EXISTS and change nothing', async () => {
    const token = (await run('token:create', '--organisation', 'Gemeente Noordstad', '--scopes', 'operator')).map((l) => l.trim()).find((l) => l.startsWith('vr_') && l.length > 40)!;
    const client = server.syncClient(token);
    const errorsOf = async (field: string, input: string) => (await client.query<Record<string, { errors: { path: string[]; code: string }[] }>>(`mutation { ${field}(input: ${input}) { errors { path code } } }`))[field].errors;
    const ref = async (name: string, parent: string) => `{ id: "${toGlobalId('Organisation', await idOf(name, parent))}" }`;
    const wonen = await ref('Afdeling Wonen', 'Gemeente Noordstad');
    expect(await errorsOf('createOrganisation', `{ name: "Team beleid", kind: OTHER, parent: ${wonen} }`)).toEqual([{ path: ['name'], code: 'ALREADY_EXISTS' }]);
    expect(await errorsOf('updateOrganisation', `{ organisation: ${await ref('Afdeling Werk', 'Gemeente Noordstad')}, name: "Afdeling wonen" }`)).toEqual([{ path: ['name'], code: 'ALREADY_EXISTS' }]);
    expect(await errorsOf('moveOrganisation', `{ organisation: ${await ref('Team Beleid', 'Afdeling Werk')}, parent: ${wonen} }`)).toEqual([{ path: ['parent'], code: 'ALREADY_EXISTS' }]);
    expect(await em().count(Organisation, { name: { $ilike: 'afdeling wonen' } })).toBe(1);
    expect(await em().count(Organisation, { name: 'Team Beleid', parent: { name: 'Afdeling Werk' } })).toBe(1);
    // Renaming to its own name in another case is no clash with itself.
    expect(await errorsOf('updateOrganisation', `{ organisation: ${await ref('Afdeling Werk', 'Gemeente Noordstad')}, name: "Afdeling Werk" }`)).toEqual([]);
  });

  it('the database refuses a duplicate that bypasses the service (organisation_parent_name_unique)', async () => {
    const noordstad = await em().findOneOrFail(Organisation, { name: 'Gemeente Noordstad' });
    const tx = em();
    tx.create(Organisation, { name: 'AFDELING WERK', kind: noordstad.kind, parent: noordstad });
    await expect(tx.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('two requests creating the same name at once: the one that loses the race gets ALREADY_EXISTS, not an internal error', async () => {
    const noordstad = await em().findOneOrFail(Organisation, { name: 'Gemeente Noordstad' });
    // The winner's insert is in an open transaction: the loser's check cannot see it, and its insert waits on the index.
    const winner = em();
    await winner.begin();
    winner.create(Organisation, { name: 'Afdeling Zorg', kind: noordstad.kind, parent: winner.getReference(Organisation, noordstad.id) });
    await winner.flush();
    const loserEm = em();
    const losing = new OrganisationService(loserEm).create({ name: 'afdeling zorg', kind: noordstad.kind }, loserEm.getReference(Organisation, noordstad.id));
    await waitForLockWait(server);
    await winner.commit();
    const result = await losing;
    expect(result.organisation).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ path: ['name'], code: 'ALREADY_EXISTS', message: expect.stringMatching(/names are unique among siblings/) })]);
    expect(await em().count(Organisation, { name: { $ilike: 'afdeling zorg' } })).toBe(1);
  });

  it('organisation:list prints ids; a name two organisations share is refused naming both ids, and the id then works', async () => {
    const list = await run('organisation:list');
    const wonenTeam = await idOf('Team Beleid', 'Afdeling Wonen');
    const werkTeam = await idOf('Team Beleid', 'Afdeling Werk');
    expect(list).toContain(`    Team Beleid [OTHER] -  id ${wonenTeam}`);
    expect(list.filter((l) => l.includes('Team Beleid'))).toHaveLength(2);

    const refusal = run('token:create', '--organisation', 'Team Beleid', '--scopes', 'records:write');
    await expect(refusal).rejects.toThrow(/"Team Beleid" is the name of 2 organisations; name the one you mean by its id/);
    await expect(refusal).rejects.toThrow(new RegExp(`Team Beleid  id ${wonenTeam}  \\(under Afdeling Wonen\\)`));
    await expect(refusal).rejects.toThrow(new RegExp(`Team Beleid  id ${werkTeam}  \\(under Afdeling Werk\\)`));
    await run('token:create', '--organisation', werkTeam, '--scopes', 'records:write');
    expect(await em().count(ApiToken, { organisation: werkTeam })).toBe(1);
    // A unique name is found in any case.
    expect((await run('token:list', '--organisation', 'afdeling werk'))[0]).toBe('no tokens');
  });
});

describe('the migration to sibling-unique names', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.close());

  it('renames the later of existing duplicates (id suffix), keeps the oldest, audits each rename, then enforces the rule', async () => {
    const migrator = db.orm.getMigrator();
    await migrator.up({ to: 'Migration20261202101200' });
    const knex = db.orm.em.getKnex();
    const insert = async (id: string, name: string, parent: string | null, createdAt: string) =>
      knex.raw(`insert into organisation (id, name, kind, parent_id, created_at, updated_at) values (?, ?, 'OTHER', ?, ?, now())`, [id, name, parent, createdAt]);
    await insert('10000000-0000-4000-8000-000000000001', 'Gemeente Oost', null, '2020-01-01');
    await insert('20000000-0000-4000-8000-000000000002', 'Burgerzaken', '10000000-0000-4000-8000-000000000001', '2020-01-02');
    await insert('30000000-0000-4000-8000-000000000003', 'BURGERZAKEN', '10000000-0000-4000-8000-000000000001', '2020-01-03');
    await insert('40000000-0000-4000-8000-000000000004', 'Gemeente Oost', null, '2020-01-04');
    await insert('50000000-0000-4000-8000-000000000005', 'Burgerzaken', '40000000-0000-4000-8000-000000000004', '2020-01-05');

    await migrator.up();
    const names = (await knex.raw(`select id, name from organisation order by id`)).rows.map((r: { name: string }) => r.name);
    expect(names).toEqual(['Gemeente Oost', 'Burgerzaken', 'BURGERZAKEN (30000000)', 'Gemeente Oost (40000000)', 'Burgerzaken']);
    const audit = await db.orm.em.fork().find(AuditLogEntry, { operation: 'renameDuplicateOrganisation' }, { orderBy: { targetOrganisationId: 'asc' } });
    expect(audit.map((a) => [a.actor, a.targetOrganisationId, a.details])).toEqual([
      ['migration', '30000000-0000-4000-8000-000000000003', { from: 'BURGERZAKEN', to: 'BURGERZAKEN (30000000)', reason: 'names are unique among siblings' }],
      ['migration', '40000000-0000-4000-8000-000000000004', { from: 'Gemeente Oost', to: 'Gemeente Oost (40000000)', reason: 'names are unique among siblings' }],
    ]);
    await expect(insert('60000000-0000-4000-8000-000000000006', 'burgerzaken', '10000000-0000-4000-8000-000000000001', '2020-01-06')).rejects.toThrow(/organisation_parent_name_unique/);
  });
});

/** Until a statement of the test database waits for a lock (the loser's insert on the unique index). */
async function waitForLockWait(server: TestServer): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const rows = await server.db.orm.em.getConnection().execute<{ waiting: number }[]>(`select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
    if (rows[0].waiting > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the second insert never waited for the first');
}
