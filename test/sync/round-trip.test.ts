import { SEED_RECORDS } from '../../seeds/data/records';
import { SEED_ORGANISATIONS } from '../../seeds/data/organisations.seed';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { toGlobalId } from '../../src/api/common/global-id';
import { buildClientSchema, getIntrospectionQuery, getNamedType, type GraphQLObjectType, type GraphQLSchema, isObjectType, type IntrospectionQuery } from 'graphql';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, sync } from './support/sync-helpers';

/** A selection of every field of an output type, nested, generated from the schema so no field is forgotten. */
function selectAll(type: GraphQLObjectType, depth = 0): string {
  if (depth > 8) throw new Error('too deep');
  return Object.values(type.getFields())
    .map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? `${f.name} { ${selectAll(named, depth + 1)} }` : f.name;
    })
    .join(' ');
}

describe('the five seed records round-trip', () => {
  let server: TestServer;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    server = await startTestServer();
    schema = buildClientSchema(await server.syncClient(await issueToken(server.db.orm, 'Ministerie van Defensie')).query<IntrospectionQuery>(getIntrospectionQuery()));
  });
  afterAll(() => server?.close());

  it('exported through the internal query and pushed back through the batch mutation, each comes back UNCHANGED', async () => {
    const owners = new Set(SEED_RECORDS.map((r) => r.organisationKey));
    expect(owners.size).toBe(4);
    const selection = selectAll(schema.getType('ExportedRecord') as GraphQLObjectType);
    let total = 0;
    for (const key of owners) {
      const name = SEED_ORGANISATIONS.find((o) => o.key === key)!.name;
      const client = server.syncClient(await issueToken(server.db.orm, name));
      const organisation = { id: toGlobalId('Organisation', (await server.db.orm.em.fork().findOneOrFail(Organisation, { name })).id) };
      const exported = await client.query<{ exportProcessingActivities: { nodes: Record<string, unknown>[] } }>(`query($o: OrganisationRefInput) { exportProcessingActivities(organisation: $o) { nodes { ${selection} } } }`, { o: organisation });
      const records = exported.exportProcessingActivities.nodes;
      const expected = SEED_RECORDS.filter((r) => r.organisationKey === key).map((r) => r.reference).sort();
      expect(records.map((r) => r.reference)).toEqual(expected);
      const before = await server.db.orm.em.fork().find(ProcessingActivityVersion, { activity: { reference: { $in: expected } } });

      const pushed = await sync(client, { organisation, records });
      expect(pushed.results.map((r) => [r.reference, r.outcome, r.version, r.errors])).toEqual(expected.map((ref) => [ref, 'UNCHANGED', 1, []]));

      const after = await server.db.orm.em.fork().find(ProcessingActivityVersion, { activity: { reference: { $in: expected } } });
      expect(after.map((v) => [v.id, v.status, v.contentHash])).toEqual(before.map((v) => [v.id, v.status, v.contentHash]));
      // And exported again, byte for byte the same.
      const again = await client.query<{ exportProcessingActivities: { nodes: unknown[] } }>(`query($o: OrganisationRefInput) { exportProcessingActivities(organisation: $o) { nodes { ${selection} } } }`, { o: organisation });
      expect(again.exportProcessingActivities.nodes).toEqual(records);
      total += records.length;
    }
    expect(total).toBe(5);
  });

  it('the export carries every field of the seed content', async () => {
    const client = server.syncClient(await issueToken(server.db.orm, 'Ministerie van Defensie'));
    const selection = selectAll(schema.getType('ExportedRecord') as GraphQLObjectType);
    const {
      exportProcessingActivities: { nodes: records },
    } = await client.query<{ exportProcessingActivities: { nodes: { reference: string; title: string; thirdCountryTransfers: { transfers: unknown[] } | null }[] } }>(`{ exportProcessingActivities { nodes { ${selection} } } }`);
    const d2412 = records.find((r) => r.reference === 'D2412')!;
    const seed = SEED_RECORDS.find((r) => r.reference === 'D2412')!.content;
    expect(d2412.title).toBe(seed.title);
    expect(d2412.thirdCountryTransfers?.transfers).toHaveLength(seed.thirdCountryTransfers!.transfers.length);
  });
});
