import { parseArgs as parseArgsStrict } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CLI_ACTOR, AuditService } from '../modules/audit/audit.service';
import type { ApiToken } from '../modules/auth/api-token.entity';
import { ApiTokenService } from '../modules/auth/api-token.service';
import { parseScopes } from '../modules/auth/token-scope';
import { likeLiteral } from '../modules/organisation/organisation-scope';
import { Organisation } from '../modules/organisation/organisation.entity';
import { OrganisationKind } from '../modules/organisation/organisation.enums';
import { OrganisationService } from '../modules/organisation/organisation.service';
import { rebuildPublicRegister, type RegisterDifference, verifyPublicRegister } from '../modules/publication/projector';

/**
 * The register CLI's commands as functions of an EntityManager, so they are testable without a
 * process. Each answers the lines to print; failures throw an Error with a message for people.
 */

export type Options = Record<string, string | true>;

/** One command: its options (node:util parseArgs spelling), usage text and body. */
export interface CommandSpec {
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  /** How many positional arguments it takes. */
  positionals: number;
  run(em: EntityManager, positional: string[], options: Options): Promise<string[]>;
}

/** A mistake in how a command was called: printed with the command's usage, exit code 64 (EX_USAGE). */
export class UsageError extends Error {}

/**
 * Strict parsing (node:util parseArgs, strict): an unknown or misspelt option, a missing value or a
 * stray argument is an error naming it, never silently ignored (`--expires-in 90` used to create a
 * token that never expires). `--help` is every command's.
 */
export function parseArgs(argv: string[], commands: Record<string, CommandSpec> = COMMANDS): { command: string | null; positional: string[]; options: Options; help: boolean } {
  const [command = null, ...rest] = argv;
  const spec = command ? commands[command] : undefined;
  if (!command || !spec) return { command, positional: rest, options: {}, help: rest.includes('--help') };
  let parsed: ReturnType<typeof parseArgsStrict>;
  try {
    parsed = parseArgsStrict({ args: rest, options: { ...spec.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional argument[\s\S]*$/, '.')}\n\nusage: ${spec.usage}`);
  }
  const options: Options = {};
  for (const [name, value] of Object.entries(parsed.values)) if (name !== 'help' && value !== undefined && value !== false) options[name] = value as string | true;
  if (!parsed.values.help && parsed.positionals.length > spec.positionals)
    throw new UsageError(`${command}: unexpected argument "${parsed.positionals[spec.positionals]}"\n\nusage: ${spec.usage}`);
  return { command, positional: parsed.positionals, options, help: parsed.values.help === true };
}

const str = (options: Options, name: string): string | null => (typeof options[name] === 'string' ? (options[name] as string) : null);
const required = (options: Options, name: string): string => {
  const value = str(options, name);
  if (!value) throw new Error(`--${name} is required`);
  return value;
};

/**
 * An organisation by TOOI URI, OIN, id (as organisation:list prints it) or name. Names are unique
 * only among siblings: a name that several organisations share is refused with each of them and
 * its id, so the caller can name the one meant by id. A name is matched exactly first, then
 * ignoring case.
 */
export async function findOrganisation(em: EntityManager, identifier: string): Promise<Organisation> {
  const by = /^https?:\/\//.test(identifier)
    ? { tooiUri: identifier }
    : /^\d{20}$/.test(identifier)
      ? { oin: identifier }
      : /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(identifier)
        ? { id: identifier.toLowerCase() }
        : null;
  let found = await em.find(Organisation, by ?? { name: identifier }, { populate: ['parent'] });
  if (!by && !found.length) found = await em.find(Organisation, { name: { $ilike: likeLiteral(identifier) } }, { populate: ['parent'] });
  if (found.length === 1) return found[0];
  if (!found.length) throw new Error(`no organisation "${identifier}" (organisation:list shows every organisation with its id)`);
  const each = found.map((o) => `  ${o.name}  id ${o.id}${o.parent ? `  (under ${o.parent.name})` : '  (top level)'}`);
  throw new Error([`"${identifier}" is the name of ${found.length} organisations; name the one you mean by its id (or TOOI URI or OIN):`, ...each].join('\n'));
}

export async function createOrganisation(em: EntityManager, options: Options): Promise<string[]> {
  const name = required(options, 'name');
  const kind = required(options, 'kind').toUpperCase() as OrganisationKind;
  if (!Object.values(OrganisationKind).includes(kind)) throw new Error(`--kind must be one of ${Object.values(OrganisationKind).join(', ')}`);
  const parentId = str(options, 'parent-tooi') ?? str(options, 'parent');
  return em.transactional(async (tx) => {
    const parent = parentId ? await findOrganisation(tx, parentId) : null;
    const result = await new OrganisationService(tx).create({ name, kind, tooiUri: str(options, 'tooi'), oin: str(options, 'oin'), abbreviation: str(options, 'abbreviation'), website: str(options, 'website') }, parent);
    if (!result.organisation) throw new Error(result.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n'));
    await new AuditService(tx).record(CLI_ACTOR, [{ operation: 'createOrganisation', outcome: 'CREATED', targetOrganisationId: result.organisation.id }]);
    return [`created organisation ${result.organisation.name} (${result.organisation.tooiUri ?? result.organisation.oin ?? result.organisation.id})${parent ? ` under ${parent.name}` : ''}`];
  });
}

export async function createToken(em: EntityManager, options: Options): Promise<string[]> {
  const scopes = parseScopes(required(options, 'scopes'));
  const days = str(options, 'expires-in-days');
  const expiresInDays = days === null ? null : Number(days);
  if (expiresInDays !== null && !(Number.isInteger(expiresInDays) && expiresInDays > 0)) throw new Error('--expires-in-days must be a whole number of days, 1 or more');
  const noExpiry = options['no-expiry'] === true;
  if (noExpiry && expiresInDays !== null) throw new Error('give --expires-in-days N or --no-expiry, not both');
  return em.transactional(async (tx) => {
    const organisation = await findOrganisation(tx, required(options, 'organisation'));
    const { token, apiToken } = await new ApiTokenService(tx).create({ organisation, scopes, expiresInDays, noExpiry, name: str(options, 'name') ?? `${organisation.name} (cli)` });
    await new AuditService(tx).record(CLI_ACTOR, [{ operation: 'createApiToken', outcome: 'CREATED', targetOrganisationId: organisation.id, details: { prefix: apiToken.prefix, scopes } }]);
    return [
      `token for ${organisation.name}, scopes ${scopes.join(', ')}${apiToken.expiresAt ? `, expires ${apiToken.expiresAt.toISOString()}` : ', never expires'}:`,
      '',
      `  ${token}`,
      '',
      `It is shown only now: store it safely. Its public prefix is ${apiToken.prefix} (for token:revoke).`,
    ];
  });
}

export async function revokeToken(em: EntityManager, prefix: string | undefined): Promise<string[]> {
  if (!prefix) throw new Error('usage: token:revoke <prefix>');
  return em.transactional(async (tx) => {
    const revoked = await new ApiTokenService(tx).revoke(prefix);
    if (!revoked) throw new Error(`no token with prefix ${prefix}`);
    await new AuditService(tx).record(CLI_ACTOR, [{ operation: 'revokeApiToken', outcome: 'REVOKED', targetOrganisationId: revoked.organisation.id, details: { prefix: revoked.prefix } }]);
    return [`revoked ${revoked.prefix} (${revoked.name}) of ${revoked.organisation.name} at ${revoked.revokedAt!.toISOString()}`];
  });
}

export async function listTokens(em: EntityManager, options: Options): Promise<string[]> {
  const identifier = str(options, 'organisation');
  const organisation = identifier ? await findOrganisation(em, identifier) : undefined;
  const tokens = await new ApiTokenService(em).list(organisation);
  if (!tokens.length) return ['no tokens'];
  return tokens.map((t: ApiToken) => {
    const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : t.expiresAt && t.expiresAt <= new Date() ? 'expired' : 'active';
    const expiry = t.expiresAt ? `expires ${t.expiresAt.toISOString().slice(0, 10)}` : 'no expiry';
    const lastUse = `last used ${t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace('T', ' ') : 'never'}`;
    return `${t.prefix}  ${state.padEnd(32)} ${expiry.padEnd(18)} ${lastUse.padEnd(27)} ${t.scopes.join(',').padEnd(40)} ${t.organisation.name} — ${t.name}`;
  });
}

export async function listOrganisations(em: EntityManager): Promise<string[]> {
  const all = await em.find(Organisation, {}, { orderBy: { name: 'asc' } });
  const children = new Map<string | null, Organisation[]>();
  for (const o of all) children.set(o.parent?.id ?? null, [...(children.get(o.parent?.id ?? null) ?? []), o]);
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      // The id is how an organisation without a TOOI URI or OIN is named unambiguously (any --organisation takes it).
      lines.push(`${'  '.repeat(depth)}${o.name} [${o.kind}] ${o.tooiUri ?? o.oin ?? '-'}  id ${o.id}`);
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

/**
 * Recomputes the public read model from the versions; with --verify, only compares and fails
 * (non-zero exit) on any difference, listing it.
 */
export async function publicRebuild(em: EntityManager, options: Options): Promise<string[]> {
  const knex = em.getKnex();
  if (options.verify) {
    const differences = await verifyPublicRegister(knex);
    if (differences.length) {
      throw new Error(
        [`the public read model differs from the versions in ${differences.length} row(s):`, ...differences.map((d) => `  ${d.problem} ${describe(d)}`), 'run public:rebuild to correct it'].join('\n'),
      );
    }
    return ['the public read model agrees with the versions'];
  }
  const events = await rebuildPublicRegister(knex);
  return [`public read model rebuilt from the versions; ${events} change-log event${events === 1 ? '' : 's'} appended for what it corrected`];
}

function describe(d: RegisterDifference): string {
  if (d.table === 'public_search_posting') return `${d.table} activity ${d.activityId} (${d.words} word(s))`;
  if (d.table === 'public_search_facet') return `${d.table} word '${d.word}' facet ${d.facet} ${d.key || '(total)'}: ${d.records} record(s)`;
  if (d.table === 'public_processing_activity_participant') return `${d.table} activity ${d.activityId} organisation ${d.organisationId}`;
  return `${d.table} activity ${d.activityId} version ${d.versionId}`;
}

const ORGANISATION_KINDS = 'MINISTRY|AGENCY|DIRECTORATE|MUNICIPALITY|JOINT_ARRANGEMENT|PROVINCE|WATER_BOARD|OTHER';

export const COMMANDS: Record<string, CommandSpec> = {
  'organisation:create': {
    usage: `organisation:create --name <name> --kind <${ORGANISATION_KINDS}>\n                      [--tooi <uri>] [--oin <20 digits>] [--parent-tooi <tooi|oin|id|name>] [--abbreviation <x>] [--website <url>]`,
    options: { name: { type: 'string' }, kind: { type: 'string' }, tooi: { type: 'string' }, oin: { type: 'string' }, parent: { type: 'string' }, 'parent-tooi': { type: 'string' }, abbreviation: { type: 'string' }, website: { type: 'string' } },
    positionals: 0,
    run: (em, _p, options) => createOrganisation(em, options),
  },
  'organisation:list': { usage: 'organisation:list   the tree, each with its TOOI URI or OIN and its id', options: {}, positionals: 0, run: (em) => listOrganisations(em) },
  'token:create': {
    usage:
      'token:create  --organisation <tooi|oin|id|name> --scopes records:write,internal:read[,operator] | register:read [--expires-in-days N | --no-expiry] [--name <label>]\n                (default expiry: TOKEN_DEFAULT_EXPIRY_DAYS, 365 days)',
    options: { organisation: { type: 'string' }, scopes: { type: 'string' }, 'expires-in-days': { type: 'string' }, 'no-expiry': { type: 'boolean' }, name: { type: 'string' } },
    positionals: 0,
    run: (em, _p, options) => createToken(em, options),
  },
  'token:revoke': { usage: 'token:revoke  <prefix>', options: {}, positionals: 1, run: (em, positional) => revokeToken(em, positional[0]) },
  'token:list': { usage: 'token:list    [--organisation <tooi|oin|id|name>]', options: { organisation: { type: 'string' } }, positionals: 0, run: (em, _p, options) => listTokens(em, options) },
  'public:rebuild': {
    usage: 'public:rebuild [--verify]   recompute the public read model from the versions (--verify: only compare; exit 1 on a difference)',
    options: { verify: { type: 'boolean' } },
    positionals: 0,
    run: (em, _p, options) => publicRebuild(em, options),
  },
};

export function usage(commands: Record<string, CommandSpec>): string {
  return `usage: npm run register -- <command> [options]      (every command takes --help)

${Object.values(commands)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

Uses DATABASE_URL, or the embedded PostgreSQL of \`npm start\` (running or not).`;
}

export const USAGE = usage(COMMANDS);

/** Runs one command of `commands` (the entry point passes every command, src/cli/commands/index.ts). */
export async function runCommand(em: EntityManager, argv: string[], commands: Record<string, CommandSpec> = COMMANDS): Promise<string[]> {
  const { command, positional, options, help } = parseArgs(argv, commands);
  const spec = command ? commands[command] : undefined;
  if (!spec) throw new UsageError(command && command !== '--help' ? `unknown command ${command}\n\n${usage(commands)}` : usage(commands));
  if (help) return [`usage: npm run register -- ${spec.usage}`];
  return spec.run(em, positional, options);
}
