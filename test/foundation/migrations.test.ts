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
