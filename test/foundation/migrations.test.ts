import { type PublicDataItemRetentionRules, type PublicDocument, withDataItemRetentionRules } from '../../src/modules/publication/public-document';
import { verifyPublicRegister } from '../../src/modules/publication/projector';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.close());

  it('bring an empty database up to the entities exactly, with no pending diff', async () => {
    const migrator = db.orm.getMigrator();
    expect((await migrator.getPendingMigrations()).length).toBeGreaterThan(0);
    await migrator.up();
    expect(await migrator.getPendingMigrations()).toEqual([]);
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});

describe('the migration list', () => {
  it('names every migration file in migrations/', async () => {
    const { readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { MIGRATIONS } = await import('../../migrations');
    const files = readdirSync(path.join(__dirname, '../../migrations'))
      .filter((f) => /^Migration\d+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files.sort());
  });
});

describe('the retention rules beside the read model\'s documents (Migration20261215100000)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  /** The current rows' stored documents and rules, and each version's whole document as the rule renders it. */
  const currentRows = async (withRulesColumn: boolean) => {
    const { rows } = await db.orm.em
      .getConnection()
      .execute<{ version_id: string; document: PublicDocument; rules: PublicDataItemRetentionRules | null; whole: PublicDocument }[]>(
        `select version_id, document, ${withRulesColumn ? 'data_item_retention_rules' : 'null'} as rules, public_document(version_id) as whole
           from public_processing_activity_version where is_current order by version_id`,
        [],
        'all',
      )
      .then((rows) => ({ rows }));
    return rows;
  };
  const itemRules = (d: PublicDocument) => d.dataSubjectGroups.flatMap((g) => g.dataItems.map((i) => i.retentionRules));

  it('moves the rules out of the documents, and the down migration puts them back', async () => {
    const migrator = db.orm.getMigrator();
    expect(await migrator.getPendingMigrations()).toEqual([]);
    const after = await currentRows(true);
    expect(after.length).toBeGreaterThan(3);
    expect(after.flatMap((r) => itemRules(r.whole)).flat().length).toBeGreaterThan(0);
    for (const row of after) {
      expect(itemRules(row.document).every((rules) => rules === undefined)).toBe(true);
      expect(withDataItemRetentionRules(structuredClone(row.document), row.rules!)).toEqual(row.whole);
    }

    await migrator.down({ to: 'Migration20261214100000' });
    const before = await currentRows(false);
    expect(before.map((r) => r.version_id)).toEqual(after.map((r) => r.version_id));
    for (const row of before) expect(row.document).toEqual(row.whole);

    await migrator.up();
    expect(await currentRows(true)).toEqual(after);
    expect(await verifyPublicRegister(db.orm.em.getKnex())).toEqual([]);
  });
});

describe('search vectors computed by the projector, not stored with every version (Migration20261217100000)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const execute = <T extends object>(sql: string) => db.orm.em.getConnection().execute<T[]>(sql, [], 'all');

  it('gives the read model the vectors the stored column gave, and the down migration stores them again', async () => {
    const migrator = db.orm.getMigrator();
    expect(await migrator.getPendingMigrations()).toEqual([]);
    const columns = () => execute<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'processing_activity_version' and column_name = 'search_vector'`);
    expect(await columns()).toEqual([]);
    const projected = await execute<{ version_id: string; vector: string }>(`select version_id, search_vector::text as vector from public_processing_activity_version where is_current order by version_id`);
    expect(projected.length).toBeGreaterThan(3);
    expect(projected.every((r) => r.vector.length > 0)).toBe(true);

    // Before: each version stored its vector (a generated column) and the projector extended it.
    await migrator.down({ to: 'Migration20261216100000' });
    expect(await columns()).toHaveLength(1);
    const stored = await execute<{ version_id: string; vector: string }>(
      `select p.version_id, public_search_vector(p.version_id, v.search_vector)::text as vector
         from public_processing_activity_version p join processing_activity_version v on v.id = p.version_id
        where p.is_current order by p.version_id`,
    );
    expect(stored).toEqual(projected);

    await migrator.up();
    expect(await columns()).toEqual([]);
    expect(await verifyPublicRegister(db.orm.em.getKnex())).toEqual([]);
  });
});
