import { parseArgs, runCommand, UsageError } from '../../src/cli/register-commands';
import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { ApiToken } from '../../src/modules/auth/api-token.entity';
import { hashToken } from '../../src/modules/auth/api-token.service';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes } from './support/sync-helpers';

describe('register CLI commands', () => {
  let server: TestServer;
  const run = (...argv: string[]) => runCommand(server.db.orm.em.fork(), argv);
  const tokenIn = (lines: string[]) => lines.map((l) => l.trim()).find((l) => l.startsWith('vr_') && l.length > 40)!;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('parses options in both spellings, strictly: an unknown or misspelt option or a stray argument is an error', async () => {
    expect(parseArgs(['token:create', '--organisation', 'Gemeente Lisse', '--scopes=records:write'])).toEqual({
      command: 'token:create',
      positional: [],
      options: { organisation: 'Gemeente Lisse', scopes: 'records:write' },
      help: false,
    });
    // Before: --expires-in 90 was silently ignored and created a token that never expires.
    expect(() => parseArgs(['token:create', '--organisation', 'Gemeente Lisse', '--scopes', 'records:write', '--expires-in', '90'])).toThrow(/Unknown option '--expires-in'/);
    expect(() => parseArgs(['token:list', 'extra'])).toThrow(/unexpected argument "extra"/);
    expect(() => parseArgs(['token:create', '--organisation'])).toThrow(/argument missing/);
    await expect(run('token:create', '--organisation', 'Gemeente Lisse', '--scopes', 'records:write', '--expires-in', '90')).rejects.toBeInstanceOf(UsageError);
    expect(await server.db.orm.em.fork().count(ApiToken, { organisation: { name: 'Gemeente Lisse' } })).toBe(0);
  });

  it('every command answers --help with its usage', async () => {
    for (const command of ['organisation:create', 'organisation:list', 'token:create', 'token:revoke', 'token:list']) expect((await run(command, '--help'))[0]).toMatch(new RegExp(`^usage: npm run register -- ${command}`));
  });

  it('creates an organisation under a parent, by TOOI URI', async () => {
    const lines = await run('organisation:create', '--name', 'Dienst Uitvoering', '--kind', 'agency', '--tooi', 'https://identifier.overheid.nl/tooi/id/zbo/zb000001', '--parent-tooi', 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090');
    expect(lines[0]).toContain('created organisation Dienst Uitvoering');
    const o = await server.db.orm.em.fork().findOneOrFail(Organisation, { name: 'Dienst Uitvoering' }, { populate: ['parent'] });
    expect(o.parent?.name).toBe('Ministerie van Financiën');
    await expect(run('organisation:create', '--name', 'X', '--kind', 'OTHER', '--oin', '12')).rejects.toThrow(/OIN/);
    await expect(run('organisation:create', '--name', 'X', '--kind', 'NOPE')).rejects.toThrow(/--kind/);
  });

  it('creates a token that is printed once, stored as a hash, and works on the sync surface', async () => {
    const lines = await run('token:create', '--organisation', 'https://identifier.overheid.nl/tooi/id/zbo/zb000001', '--scopes', 'records:write,internal:read', '--expires-in-days', '30', '--name', 'DU productie');
    const token = tokenIn(lines);
    expect(token).toMatch(/^vr_[A-Za-z0-9_-]{43}$/);
    const stored = await server.db.orm.em.fork().findOneOrFail(ApiToken, { name: 'DU productie' });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.scopes).toEqual(['RECORDS_WRITE', 'INTERNAL_READ']);
    expect(stored.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const viewer = await server.syncClient(token).query<{ viewer: { organisation: { name: string } } }>(`{ viewer { organisation { name } } }`);
    expect(viewer.viewer.organisation.name).toBe('Dienst Uitvoering');

    const list = await run('token:list', '--organisation', 'Dienst Uitvoering');
    expect(list.join('\n')).toContain(stored.prefix);
    expect(list.join('\n')).not.toContain(token);

    const revoked = await run('token:revoke', stored.prefix);
    expect(revoked[0]).toContain(`revoked ${stored.prefix}`);
    expect(codes(await server.syncClient(token).request(`{ viewer { tokenPrefix } }`))).toEqual(['UNAUTHENTICATED']);
    expect((await run('token:list', '--organisation', 'Dienst Uitvoering')).join('\n')).toContain('revoked');
    expect(await server.db.orm.em.fork().count(AuditLogEntry, { actor: 'cli' })).toBe(3);
  });

  it('gives a token the default expiry (TOKEN_DEFAULT_EXPIRY_DAYS, 365) unless --no-expiry says otherwise, and lists expiry and last use', async () => {
    const lisse = 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553';
    const defaulted = tokenIn(await run('token:create', '--organisation', lisse, '--scopes', 'records:write', '--name', 'lisse default'));
    const forever = await run('token:create', '--organisation', lisse, '--scopes', 'records:write', '--no-expiry', '--name', 'lisse forever');
    expect(forever[0]).toContain('never expires');
    const em = server.db.orm.em.fork();
    const stored = await em.findOneOrFail(ApiToken, { name: 'lisse default' });
    const days = (stored.expiresAt!.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(365);
    expect((await em.findOneOrFail(ApiToken, { name: 'lisse forever' })).expiresAt).toBeNull();
    await expect(run('token:create', '--organisation', lisse, '--scopes', 'records:write', '--no-expiry', '--expires-in-days', '5')).rejects.toThrow(/not both/);

    const line = async (name: string) => (await run('token:list', '--organisation', lisse)).find((l) => l.endsWith(name))!;
    expect(await line('lisse default')).toMatch(new RegExp(`expires ${stored.expiresAt!.toISOString().slice(0, 10)} +last used never`));
    expect(await line('lisse forever')).toMatch(/no expiry +last used never/);
    await server.syncClient(defaulted).query(`{ viewer { tokenPrefix } }`);
    const used = (await server.db.orm.em.fork().findOneOrFail(ApiToken, { name: 'lisse default' })).lastUsedAt!;
    expect(await line('lisse default')).toContain(`last used ${used.toISOString().slice(0, 16).replace('T', ' ')}`);
  });

  it('refuses unknown scopes, organisations and commands clearly', async () => {
    await expect(run('token:create', '--organisation', 'Gemeente Lisse', '--scopes', 'admin')).rejects.toThrow(/unknown scope "admin"/);
    await expect(run('token:create', '--organisation', 'Nergens', '--scopes', 'operator')).rejects.toThrow(/no organisation "Nergens"/);
    await expect(run('token:revoke', 'vr_nothing')).rejects.toThrow(/no token/);
    await expect(run('frobnicate')).rejects.toThrow(/unknown command/);
  });

  it('an operator token from the CLI can manage organisations over the API', async () => {
    const token = tokenIn(await run('token:create', '--organisation', 'Ministerie van Defensie', '--scopes', 'operator'));
    const res = await server.syncClient(token).query<{ createOrganisation: { errors: unknown[] } }>(`mutation { createOrganisation(input: { name: "Nieuw", kind: OTHER }) { errors { code } } }`);
    expect(res.createOrganisation.errors).toEqual([]);
    expect((await run('organisation:list')).join('\n')).toContain('Nieuw [OTHER]');
  });
});
