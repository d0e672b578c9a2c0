import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type IntrospectionQuery,
} from 'graphql';
import { ApiToken } from '../../src/modules/auth/api-token.entity';
import { ApiTokenService } from '../../src/modules/auth/api-token.service';
import { subtreeIds } from '../../src/modules/organisation/organisation-scope';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { toGlobalId } from '../../src/api/common/global-id';
import { buildSyncSchema } from '../../src/api/sync/sync.schema';
import { Fixtures, markedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { ALL_WRITE, codes, DEFENSIE, EZ, FINANCIEN, HLTSAMEN, issueToken, LISSE, mutate, organisationId, record, RVO, sync } from './support/sync-helpers';

/** A minimal, valid value for an input type: required fields only. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, sample(f.type)]));
  }
  if (isScalarType(type)) return ({ Int: 1, Float: 1, Boolean: true, ID: 'x', DateTime: '2030-01-01T00:00:00Z', JSONObject: {} } as Record<string, unknown>)[type.name] ?? 'x';
  return null;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const vars = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? ' { __typename }' : '';
  return {
    query: `${kind} Op${vars ? `(${vars})` : ''} { ${field.name}${call}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
  };
}

function rootFields(schema: GraphQLSchema) {
  return [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ['query', f] as const),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ['mutation', f] as const),
  ];
}

describe('sync surface: authentication and scopes', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let defensie: string;

  beforeAll(async () => {
    server = await startTestServer();
    defensie = await issueToken(server.db.orm, DEFENSIE);
    // Introspection needs a token too; the operations come from what the server itself says it serves.
    const introspection = await server.syncClient(defensie).query<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(introspection);
  });
  afterAll(() => server?.close());

  it('serves the schema built from the code, with queries and mutations', async () => {
    const local = await buildSyncSchema();
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(Object.keys(local.getQueryType()!.getFields()).sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(local.getMutationType()!.getFields()).sort());
    expect(rootFields(schema).length).toBeGreaterThanOrEqual(15);
  });

  it('refuses EVERY query and mutation without a token, with UNAUTHENTICATED and no data', async () => {
    const fields = rootFields(schema);
    for (const [kind, field] of fields) {
      const { query, variables } = operationFor(kind, field);
      const res = await server.syncClient(null).request(query, variables);
      expect({ field: field.name, codes: codes(res), errors: res.errors?.length }).toEqual({ field: field.name, codes: ['UNAUTHENTICATED'], errors: 1 });
      expect(res.data?.[field.name as never] ?? null).toBeNull();
    }
  });

  it('refuses every field with a malformed, unknown, revoked or expired token', async () => {
    const revoked = await issueToken(server.db.orm, DEFENSIE);
    await server.db.orm.em.fork().nativeUpdate(ApiToken, { prefix: revoked.slice(0, 11) }, { revokedAt: new Date() });
    const expired = await issueToken(server.db.orm, DEFENSIE);
    await server.db.orm.em.fork().nativeUpdate(ApiToken, { prefix: expired.slice(0, 11) }, { expiresAt: new Date(Date.now() - 1000) });
    const bad = ['nonsense', `vr_${'A'.repeat(43)}`, defensie.slice(0, -1) + (defensie.endsWith('A') ? 'B' : 'A'), revoked, expired];
    for (const token of bad) {
      for (const [kind, field] of rootFields(schema)) {
        const { query, variables } = operationFor(kind, field);
        const res = await server.syncClient(token).request(query, variables);
        expect({ field: field.name, codes: codes(res) }).toEqual({ field: field.name, codes: ['UNAUTHENTICATED'] });
      }
    }
  });

  it('says why a token is refused: expired (when), revoked (when) or invalid', async () => {
    const expired = await issueToken(server.db.orm, DEFENSIE);
    await server.db.orm.em.fork().nativeUpdate(ApiToken, { prefix: expired.slice(0, 11) }, { expiresAt: new Date('2026-01-02T03:04:05Z') });
    const revoked = await issueToken(server.db.orm, DEFENSIE);
    await server.db.orm.em.fork().nativeUpdate(ApiToken, { prefix: revoked.slice(0, 11) }, { revokedAt: new Date('2026-02-03T04:05:06Z') });
    const message = async (token: string) => (await server.syncClient(token).request(`{ viewer { tokenPrefix } }`)).errors?.[0]?.message;
    expect(await message(expired)).toBe(`This API token (${expired.slice(0, 11)}) expired on 2026-01-02T03:04:05.000Z; ask an operator for a new one.`);
    expect(await message(revoked)).toBe(`This API token (${revoked.slice(0, 11)}) was revoked on 2026-02-03T04:05:06.000Z; ask an operator for a new one.`);
    expect(await message(`vr_${'A'.repeat(43)}`)).toMatch(/^The API token is invalid/);
  });

  it('stores only a hash of each token and records when it was used', async () => {
    const rows = await server.db.orm.em.fork().find(ApiToken, {});
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(defensie);
    }
    const used = rows.find((r) => defensie.startsWith(r.prefix))!;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("reads a token's organisation tree by the token alone (beside checking it), and nothing for a token it does not know", async () => {
    const em = server.db.orm.em.fork();
    const ez = await organisationId(server.db.orm, EZ);
    const tree = await new ApiTokenService(em).organisationTree(await issueToken(server.db.orm, EZ));
    expect(tree.root).toBe(ez);
    expect([...tree.ids].sort()).toEqual([...(await subtreeIds(em, ez))].sort());
    expect(tree.ids).toContain(await organisationId(server.db.orm, RVO));
    expect(await new ApiTokenService(em).organisationTree(`vr_${'A'.repeat(43)}`)).toEqual({ root: null, ids: [] });
    expect(await new ApiTokenService(em).organisationTree('not a token')).toEqual({ root: null, ids: [] });
  });

  it('walks EVERY operation with a REGISTER_READ token: every mutation is FORBIDDEN and writes nothing; every query but the operator ones answers', async () => {
    const supervisor = server.syncClient(await issueToken(server.db.orm, LISSE, [TokenScope.REGISTER_READ]));
    const em = server.db.orm.em.fork();
    const before = { versions: await em.count(ProcessingActivityVersion, {}), activities: await em.count(ProcessingActivity, {}), withheld: await em.count(ProcessingActivity, { withheld: true }) };
    const operatorQueries = ['apiTokens'];
    for (const [kind, field] of rootFields(schema)) {
      const { query, variables } = operationFor(kind, field);
      const res = await supervisor.request(query, variables);
      if (kind === 'mutation' || operatorQueries.includes(field.name)) {
        expect({ field: field.name, codes: codes(res) }).toEqual({ field: field.name, codes: ['FORBIDDEN'] });
      } else {
        expect({ field: field.name, codes: codes(res).filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED') }).toEqual({ field: field.name, codes: [] });
      }
    }
    const after = { versions: await em.count(ProcessingActivityVersion, {}), activities: await em.count(ProcessingActivity, {}), withheld: await em.count(ProcessingActivity, { withheld: true }) };
    expect(after).toEqual(before);
    // It reads another organisation's drafts and internals (Lisse's token, Defensie's record).
    const read = await supervisor.query<{ processingActivity: { reference: string } | null }>(`{ processingActivity(activity: { organisation: { tooiUri: "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034" }, reference: "D2717" }) { reference } }`);
    expect(read.processingActivity).toEqual({ reference: 'D2717' });
  });

  it('issues REGISTER_READ only without RECORDS_WRITE, and only through an operator', async () => {
    const operator = server.syncClient(await issueToken(server.db.orm, DEFENSIE, [TokenScope.OPERATOR]));
    const both = await operator.query<{ createApiToken: { token: string | null; errors: { path: string[]; code: string }[] } }>(
      `mutation { createApiToken(input: { organisation: { tooiUri: "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034" }, name: "x", scopes: [REGISTER_READ, RECORDS_WRITE] }) { token errors { path code } } }`,
    );
    expect(both.createApiToken).toEqual({ token: null, errors: [{ path: ['scopes'], code: 'INVALID_FORMAT' }] });
    const ok = await operator.query<{ createApiToken: { token: string | null; apiToken: { scopes: string[] } } }>(
      `mutation { createApiToken(input: { organisation: { tooiUri: "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034" }, name: "toezicht", scopes: [REGISTER_READ] }) { token apiToken { scopes } } }`,
    );
    expect(ok.createApiToken.apiToken.scopes).toEqual(['REGISTER_READ']);
    const me = await server.syncClient(ok.createApiToken.token).query<{ viewer: { scopes: string[] } }>(`{ viewer { scopes } }`);
    expect(me.viewer.scopes).toEqual(['REGISTER_READ']);
    // A token without OPERATOR cannot issue one.
    const notOperator = await server.syncClient(defensie).request(`mutation { createApiToken(input: { organisation: { tooiUri: "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034" }, name: "x", scopes: [REGISTER_READ] }) { token } }`);
    expect(codes(notOperator)).toEqual(['FORBIDDEN']);
  });

  it('audits every read of internal data, naming the token, and lists those reads only on request', async () => {
    const token = await issueToken(server.db.orm, DEFENSIE, [TokenScope.INTERNAL_READ]);
    const reader = server.syncClient(token);
    await reader.query(`{ processingActivities { totalCount } }`);
    await reader.query(`{ viewer { scopes } }`);
    const reads = await reader.query<{ auditLog: { nodes: { operation: string; outcome: string; actor: string }[] } }>(`{ auditLog(includeReads: true, outcomes: ["READ"]) { nodes { operation outcome actor } } }`);
    const mine = reads.auditLog.nodes.filter((n) => n.actor === token.slice(0, 11));
    expect(mine.map((n) => n.operation)).toEqual(['processingActivities']);
    const writesOnly = await reader.query<{ auditLog: { nodes: { outcome: string }[] } }>(`{ auditLog(first: 500) { nodes { outcome } } }`);
    expect(writesOnly.auditLog.nodes.some((n) => n.outcome === 'READ')).toBe(false);
  });

  it('asks for the scope an operation needs: read-only tokens cannot write, write-only tokens cannot read internals, only operators manage', async () => {
    const readOnly = server.syncClient(await issueToken(server.db.orm, DEFENSIE, [TokenScope.INTERNAL_READ]));
    const writeOnly = server.syncClient(await issueToken(server.db.orm, DEFENSIE, [TokenScope.RECORDS_WRITE]));

    const write = await readOnly.request(`mutation { syncProcessingActivities(input: { records: [] }) { committed } }`);
    expect(codes(write)).toEqual(['FORBIDDEN']);
    const publish = await readOnly.request(`mutation { publishProcessingActivity(input: { activity: { reference: "D2717" } }) { changed } }`);
    expect(codes(publish)).toEqual(['FORBIDDEN']);
    const read = await writeOnly.request(`{ processingActivities { totalCount } }`);
    expect(codes(read)).toEqual(['FORBIDDEN']);
    const audit = await writeOnly.request(`{ auditLog { nodes { id } } }`);
    expect(codes(audit)).toEqual(['FORBIDDEN']);
    for (const client of [readOnly, writeOnly, server.syncClient(defensie)]) {
      const org = await client.request(`mutation { createOrganisation(input: { name: "X", kind: OTHER }) { organisation { id } } }`);
      expect(codes(org)).toEqual(['FORBIDDEN']);
      const tokens = await client.request(`{ apiTokens { prefix } }`);
      expect(codes(tokens)).toEqual(['FORBIDDEN']);
    }
    // viewer needs only a valid token
    const me = await writeOnly.query<{ viewer: { scopes: string[]; organisation: { name: string } } }>(`{ viewer { scopes organisation { name } } }`);
    expect(me.viewer).toEqual({ scopes: ['RECORDS_WRITE'], organisation: { name: DEFENSIE } });
  });
});


/**
 * The types that carry internal data (drafts, every version, internal content, the audit log):
 * the entry types named here and every type reachable only through them. Computed from the
 * served schema, so a new field or payload that reaches one of them is walked automatically.
 */
const INTERNAL_ENTRY_TYPES = ['InternalProcessingActivity', 'RecordVersion', 'ExportedRecord', 'AuditLogEntry', 'Adoption'];

function internalTypes(schema: GraphQLSchema): Set<string> {
  const reach = (from: GraphQLObjectType[], stopAt: Set<string>) => {
    const seen = new Set<string>();
    const walk = (type: GraphQLObjectType) => {
      if (seen.has(type.name) || stopAt.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) walk(named);
      }
    };
    from.forEach(walk);
    return seen;
  };
  const entries = INTERNAL_ENTRY_TYPES.map((name) => schema.getType(name) as GraphQLObjectType);
  const outside = reach([schema.getQueryType()!, schema.getMutationType()!], new Set(INTERNAL_ENTRY_TYPES));
  return new Set([...reach(entries, new Set())].filter((name) => !outside.has(name)));
}

interface InternalPath {
  kind: 'query' | 'mutation';
  /** Field names from the root to the first field whose type is internal. */
  fields: GraphQLField<unknown, unknown>[];
}

/** Every field path from Query and Mutation to a field of an internal type (stopping at the first such field: what lies beyond it is reached only through it). */
function pathsToInternalData(schema: GraphQLSchema, internal: Set<string>): InternalPath[] {
  const paths: InternalPath[] = [];
  const walk = (kind: InternalPath['kind'], type: GraphQLObjectType, trail: GraphQLField<unknown, unknown>[], visited: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      if (internal.has(named.name)) paths.push({ kind, fields: [...trail, field] });
      else if (!visited.has(named.name)) walk(kind, named, [...trail, field], new Set([...visited, named.name]));
    }
  };
  walk('query', schema.getQueryType()!, [], new Set());
  walk('mutation', schema.getMutationType()!, [], new Set());
  return paths;
}

type ActivityRef = Record<string, unknown>;

/** Arguments that name real data (by default the caller Defensie's D2717), so that an unguarded path would answer something. */
function realValue(type: GraphQLInputType, name: string, activity: ActivityRef = { reference: 'D2717' }): unknown {
  if (isNonNullType(type)) return realValue(type.ofType, name, activity);
  if (isListType(type)) return [];
  if (isInputObjectType(type)) {
    if (type.name === 'ActivityRefInput') return activity;
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined) || getNamedType(f.type).name === 'ActivityRefInput')
        .map((f) => [f.name, realValue(f.type, f.name, activity)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (name === 'publishFrom') return '2031-01-01T00:00:00Z';
  return sample(type);
}

/** The operation that selects, along the path, every scalar field of the internal type it reaches and its __typename. */
function operationAlong(path: InternalPath, activity?: ActivityRef): { query: string; variables: Record<string, unknown> } {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const argsOf = (field: GraphQLField<unknown, unknown>, depth: number) => {
    const args = field.args.filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || getNamedType(a.type).name === 'ActivityRefInput');
    if (!args.length) return '';
    return `(${args
      .map((a) => {
        const variable = `v${depth}_${a.name}`;
        declarations.push(`$${variable}: ${a.type.toString()}`);
        variables[variable] = realValue(a.type, a.name, activity);
        return `${a.name}: $${variable}`;
      })
      .join(', ')})`;
  };
  const last = path.fields[path.fields.length - 1];
  const target = getNamedType(last.type) as GraphQLObjectType;
  const leaves = Object.values(target.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name);
  let selection = `{ __typename ${leaves.join(' ')} }`;
  for (let i = path.fields.length - 1; i >= 0; i--) {
    const field = path.fields[i];
    selection = `${field.name}${argsOf(field, i)} ${selection}`;
    if (i > 0) selection = `{ ${selection} }`;
  }
  return { query: `${path.kind} Op${declarations.length ? `(${declarations.join(', ')})` : ''} { ${selection} }`, variables };
}

/** The values found along a path in an answer (lists flattened). */
function valuesAt(data: unknown, names: string[]): unknown[] {
  let values: unknown[] = [data];
  for (const name of names) {
    values = values.flatMap((v) => (v == null ? [v] : Array.isArray(v) ? v.map((x) => (x as Record<string, unknown>)?.[name]) : [(v as Record<string, unknown>)[name]]));
    values = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return values;
}

describe('sync surface: internal data needs INTERNAL_READ on every path that reaches it', () => {
  let server: TestServer;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    server = await startTestServer();
    schema = await buildSyncSchema();
    // Defensie adopts the public chatbot seed, so the path to its adoptions answers something too.
    await new Fixtures(server.db.orm).adopt('GEM-CHATBOT', DEFENSIE, HLTSAMEN);
  });
  afterAll(() => server?.close());

  it('finds the internal types and the paths to them in the schema (the publication payloads among them)', () => {
    const internal = internalTypes(schema);
    for (const name of [...INTERNAL_ENTRY_TYPES, 'RecordContent', 'InternalContent', 'ContactPersonContent', 'SecurityContent', 'DpiaScreeningContent']) expect(internal).toContain(name);
    for (const name of ['Organisation', 'PageInfo', 'FieldError', 'Viewer', 'PublicationPayload']) expect(internal).not.toContain(name);
    const paths = pathsToInternalData(schema, internal).map((p) => `${p.kind}.${p.fields.map((f) => f.name).join('.')}`);
    expect(paths).toEqual(
      expect.arrayContaining(['query.processingActivity', 'query.processingActivities.nodes', 'query.auditLog.nodes', 'query.adoptions.nodes', 'mutation.withdrawProcessingActivity.activity', 'mutation.publishProcessingActivity.activity']),
    );
  });

  it('resolves nothing internal without INTERNAL_READ, for every scope combination and every path; resolves every path with it', async () => {
    const internal = internalTypes(schema);
    const paths = pathsToInternalData(schema, internal);
    const all = [TokenScope.RECORDS_WRITE, TokenScope.INTERNAL_READ, TokenScope.OPERATOR];
    const combinations = [1, 2, 3, 4, 5, 6, 7].map((mask) => all.filter((_, bit) => mask & (1 << bit)));
    // Without the read scope first, then with it (so the audit log holds the mutations' entries by then).
    combinations.sort((a, b) => Number(a.includes(TokenScope.INTERNAL_READ)) - Number(b.includes(TokenScope.INTERNAL_READ)));
    const leaked: string[] = [];
    const unresolved: string[] = [];
    for (const scopes of [null, ...combinations]) {
      const client = server.syncClient(scopes ? await issueToken(server.db.orm, DEFENSIE, scopes) : null);
      for (const path of paths) {
        const { query, variables } = operationAlong(path);
        const res = await client.request(query, variables);
        const names = path.fields.map((f) => f.name);
        const label = `${scopes?.join('+') ?? 'no token'}: ${path.kind}.${names.join('.')}`;
        const found = valuesAt(res.data, names).filter((v) => v != null);
        const typenames = [...res.raw.matchAll(/"__typename":"(\w+)"/g)].map((m) => m[1]).filter((t) => internal.has(t));
        if (!scopes?.includes(TokenScope.INTERNAL_READ)) {
          const refused = codes(res).some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
          if (found.length || typenames.length || !refused) leaked.push(`${label} → ${res.raw.slice(0, 300)}`);
        } else if (scopes.includes(TokenScope.RECORDS_WRITE) && !found.length) {
          unresolved.push(`${label} → ${res.raw.slice(0, 300)}`);
        }
      }
    }
    expect(leaked).toEqual([]);
    // The walk reaches real data: with both scopes every path answers the internal record.
    expect(unresolved).toEqual([]);
  });
});

describe('sync surface: one organisation never reaches another', () => {
  let server: TestServer;
  let defensie: ReturnType<TestServer['syncClient']>;
  let ez: ReturnType<TestServer['syncClient']>;
  let rvoId: string;
  let d2717: ProcessingActivity;

  beforeAll(async () => {
    server = await startTestServer();
    defensie = server.syncClient(await issueToken(server.db.orm, DEFENSIE));
    ez = server.syncClient(await issueToken(server.db.orm, EZ));
    rvoId = await organisationId(server.db.orm, RVO);
    d2717 = await server.db.orm.em.fork().findOneOrFail(ProcessingActivity, { reference: 'D2717' });
  });
  afterAll(() => server?.close());

  const versionsOf = (reference: string) => server.db.orm.em.fork().count(ProcessingActivityVersion, { activity: { reference } });

  it('a parent organisation writes and reads its sub-organisation (EZ → RVO)', async () => {
    const res = await sync(ez, { organisation: { id: toGlobalId('Organisation', rvoId) }, records: [record('RVO-NEW-1')] });
    expect(res.results.map((r) => r.outcome)).toEqual(['CREATED']);
    const read = await ez.query<{ processingActivity: { reference: string } | null }>(`query($id: ID!) { processingActivity(activity: { organisation: { id: $id }, reference: "M10495" }) { reference } }`, {
      id: toGlobalId('Organisation', rvoId),
    });
    expect(read.processingActivity).toEqual({ reference: 'M10495' });
  });

  it('refuses a batch for another organisation, by id, TOOI URI or OIN, and writes nothing', async () => {
    const refs = [{ id: toGlobalId('Organisation', rvoId) }, { tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1045' }, { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' }];
    for (const organisation of refs) {
      const res = await sync(defensie, { organisation, records: [record('M10495'), record('X-STOLEN')] });
      expect(res.committed).toBe(false);
      expect(res.results).toEqual([]);
      expect(res.errors.map((e) => [e.code, e.path])).toEqual([['NOT_FOUND', ['organisation']]]);
    }
    expect(await versionsOf('X-STOLEN')).toBe(0);
    expect(await versionsOf('M10495')).toBe(1);
  });

  it('answers a foreign organisation exactly like one that does not exist', async () => {
    const foreign = await sync(defensie, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' }, records: [] });
    const missing = await sync(defensie, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999' }, records: [] });
    expect(foreign.errors).toEqual(missing.errors);
  });

  it('a child cannot reach its parent: RVO cannot write or read EZ', async () => {
    const rvo = server.syncClient(await issueToken(server.db.orm, RVO));
    const res = await sync(rvo, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1045' }, records: [record('EZ-1')] });
    expect(res.errors[0].code).toBe('NOT_FOUND');
  });

  it('refuses reads of another organisation’s records, drafts, internals, export and audit log', async () => {
    const id = toGlobalId('ProcessingActivity', d2717.id);
    const byId = await ez.query<{ processingActivity: unknown }>(`query($id: ID!) { processingActivity(activity: { id: $id }) { reference } }`, { id });
    expect(byId.processingActivity).toBeNull();
    const defensieOrg = { tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034' };
    const byRef = await ez.query<{ processingActivity: unknown }>(`query($o: OrganisationRefInput) { processingActivity(activity: { organisation: $o, reference: "D2717" }) { reference } }`, { o: defensieOrg });
    expect(byRef.processingActivity).toBeNull();
    // A question about another organisation is refused explicitly (NOT_FOUND, as for one that does not exist), never answered with zeros.
    for (const query of [
      `query($o: OrganisationRefInput) { processingActivities(organisation: $o) { totalCount nodes { reference } } }`,
      `query($o: OrganisationRefInput) { exportProcessingActivities(organisation: $o) { nodes { reference } } }`,
      `query($o: OrganisationRefInput) { auditLog(organisation: $o) { nodes { id } } }`,
      `query($o: OrganisationRefInput) { statistics(organisation: $o) { total { records } } }`,
    ]) {
      const foreign = await ez.request(query, { o: defensieOrg });
      const missing = await ez.request(query, { o: { tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre9999' } });
      expect({ query, codes: codes(foreign), data: foreign.data }).toEqual({ query, codes: ['NOT_FOUND'], data: null });
      expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    }
    // EZ's own list holds no Defensie record, even with sub-organisations included.
    const own = await ez.query<{ processingActivities: { nodes: { reference: string }[] } }>(`{ processingActivities(includeSubOrganisations: true) { nodes { reference } } }`);
    expect(own.processingActivities.nodes.map((n) => n.reference)).not.toContain('D2717');
  });

  it('refuses publication changes on another organisation’s record, whatever id is sent, and changes nothing', async () => {
    const id = toGlobalId('ProcessingActivity', d2717.id);
    const ops: [string, string, Record<string, unknown>][] = [
      ['publishProcessingActivity', 'PublishProcessingActivityInput', {}],
      ['scheduleProcessingActivityPublication', 'SchedulePublicationInput', { publishFrom: '2031-01-01T00:00:00Z' }],
      ['withdrawProcessingActivity', 'WithdrawProcessingActivityInput', {}],
      ['withholdProcessingActivity', 'WithholdProcessingActivityInput', { reason: 'OTHER' }],
      ['unwithholdProcessingActivity', 'UnwithholdProcessingActivityInput', {}],
    ];
    for (const [field, type, extra] of ops) {
      for (const activity of [{ id }, { reference: 'D2717' }, { id: toGlobalId('Organisation', d2717.id) }, { id: 'garbage' }]) {
        const res = await mutate<{ errors: { code: string }[]; changed: boolean; activity: unknown }>(ez, field, { activity, ...extra }, type);
        expect({ field, errors: res.errors.map((e) => e.code), changed: res.changed, activity: res.activity }).toEqual({ field, errors: ['NOT_FOUND'], changed: false, activity: null });
      }
    }
    const after = await server.db.orm.em.fork().findOneOrFail(ProcessingActivity, d2717.id, { populate: ['versions'] });
    expect(after.withheld).toBe(false);
    expect(after.versions.getItems().map((v) => v.status)).toEqual(['PUBLISHED']);
  });

  it('Financiën reaches its directorate but not Lisse', async () => {
    const fin = server.syncClient(await issueToken(server.db.orm, FINANCIEN, ALL_WRITE));
    const me = await fin.query<{ viewer: { organisations: { name: string }[] } }>(`{ viewer { organisations { name } } }`);
    expect(me.viewer.organisations.map((o) => o.name).sort()).toEqual(['Ministerie van Financiën', 'SG/ Directie Communicatie']);
    const res = await sync(fin, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' }, records: [record('L-1')] });
    expect(res.errors[0].code).toBe('NOT_FOUND');
    expect(LISSE).toBeTruthy();
  });
});

describe('sync surface: a participant reads a shared record’s public view and its own adoption, never the owner’s internal data', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  const MARKER = 'LEKKAGEDEELNEMER';
  let shared: ProcessingActivity;

  beforeAll(async () => {
    server = await startTestServer();
    schema = await buildSyncSchema();
    const fx = new Fixtures(server.db.orm);
    // HLTsamen's record, published, with internal parts and a newer draft carrying the marker; Lisse adopted it.
    await fx.save('HLT-INTERN', { ...markedContent(MARKER), title: 'Gedeeld', description: null, internal: markedContent(MARKER).internal }, { organisation: HLTSAMEN });
    await fx.save('HLT-INTERN', markedContent(MARKER), { organisation: HLTSAMEN, status: VersionStatus.DRAFT });
    await fx.adopt('HLT-INTERN', LISSE, HLTSAMEN);
    shared = await server.db.orm.em.fork().findOneOrFail(ProcessingActivity, { reference: 'HLT-INTERN' }, { populate: ['versions'] });
  });
  afterAll(() => server?.close());

  it('walks every path to internal data with the participant’s tokens, naming the shared record by id and by owner and reference: nothing of it resolves, nothing changes', async () => {
    const paths = pathsToInternalData(schema, internalTypes(schema));
    const hltsamen = toGlobalId('Organisation', shared.organisation.id);
    const refs = [{ id: toGlobalId('ProcessingActivity', shared.id) }, { organisation: { id: hltsamen }, reference: 'HLT-INTERN' }];
    const leaked: string[] = [];
    for (const scopes of [ALL_WRITE, [...ALL_WRITE, TokenScope.OPERATOR]]) {
      const client = server.syncClient(await issueToken(server.db.orm, LISSE, scopes));
      for (const path of paths) {
        for (const activity of refs) {
          const { query, variables } = operationAlong(path, activity);
          const res = await client.request(query, variables);
          const names = path.fields.map((f) => f.name);
          // The participant's adoption, and its own audit entries of adopting, name the record (its id and reference); anything else of the record, or its content, is a leak.
          const ownAdoption = (v: { __typename?: string; operation?: string }) => v.__typename === 'Adoption' || (v.__typename === 'AuditLogEntry' && v.operation === 'adoptProcessingActivity');
          const found = valuesAt(res.data, names).filter((v) => v != null && !ownAdoption(v as { __typename?: string }));
          const ofShared = found.filter((v) => JSON.stringify(v).includes('HLT-INTERN') || JSON.stringify(v).includes(shared.id));
          if (res.raw.toUpperCase().includes(MARKER) || ofShared.length) leaked.push(`${scopes.join('+')} ${path.kind}.${names.join('.')} ${JSON.stringify(activity)} → ${res.raw.slice(0, 300)}`);
        }
      }
    }
    expect(leaked).toEqual([]);
    const after = await server.db.orm.em.fork().findOneOrFail(ProcessingActivity, shared.id, { populate: ['versions'] });
    expect({ withheld: after.withheld, versions: after.versions.getItems().map((v) => [v.versionNumber, v.status]) }).toEqual({
      withheld: false,
      versions: shared.versions.getItems().map((v) => [v.versionNumber, v.status]),
    });
  });

  it('reads its adoption and the public view of the record, and cannot write the record', async () => {
    const lisse = server.syncClient(await issueToken(server.db.orm, LISSE, ALL_WRITE));
    const adoptions = await lisse.query<{ adoptions: { nodes: { reference: string; isPublic: boolean; publicTitle: string | null; owner: { name: string } }[] } }>(
      `{ adoptions { nodes { reference isPublic publicTitle owner { name } } } }`,
    );
    expect(adoptions.adoptions.nodes).toEqual([
      { reference: 'GEM-CHATBOT', isPublic: true, publicTitle: 'Chatbot (Gem)', owner: { name: HLTSAMEN } },
      { reference: 'HLT-INTERN', isPublic: true, publicTitle: 'Gedeeld', owner: { name: HLTSAMEN } },
    ]);
    const view = await server.publicClient.query<{ processingActivity: { title: string; versionNumber: number } }>(`query($id: ID!) { processingActivity(id: $id) { title versionNumber } }`, {
      id: toGlobalId('ProcessingActivity', shared.id),
    });
    expect(view.processingActivity).toEqual({ title: 'Gedeeld', versionNumber: 1 });
    // Writing the shared record is the owner's: the participant's sync batch names its own organisation only.
    const res = await sync(lisse, { organisation: { id: toGlobalId('Organisation', shared.organisation.id) }, records: [record('HLT-INTERN')] });
    expect(res.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });
});
