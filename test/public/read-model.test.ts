import type { Knex } from '@mikro-orm/postgresql';
import { runCommand } from '../../src/cli/register-commands';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivityService } from '../../src/modules/processing-activity/processing-activity.service';
import { PublicationScheduler } from '../../src/modules/publication/publication-scheduler';
import { DEFENSIE, Fixtures, seedContent } from '../support/fixtures';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The public read model: written in the transaction that changes publication state, by the
 * scheduler at publish-from moments (one process applies each), recomputed and verified by
 * `register public:rebuild [--verify]`; organisations and vocabularies kept in the process.
 */
describe('the public read model', () => {
  let server: TestServer;
  let fx: Fixtures;
  const knex = () => server.db.orm.em.getKnex();
  const events = (reference: string): Promise<{ kind: string; organisation_id: string; occurred_at: Date }[]> =>
    knex().select('kind', 'organisation_id', 'occurred_at').from('public_change').where({ reference }).orderBy('position');
  const current = (reference: string) => knex().first('title', 'organisation_id').from('public_processing_activity_version').where({ reference, is_current: true });

  beforeAll(async () => {
    server = await startTestServer();
    fx = new Fixtures(server.db.orm);
  });
  afterAll(() => server?.close());

  describe('kept consistent', () => {
    verifyReadModelAfterEach(() => server.db.orm);

    it('is written in the transaction that publishes: a rolled-back publication leaves no trace', async () => {
      await expect(
        server.db.orm.em.fork().transactional(async (em) => {
          const organisation = await em.findOneOrFail(Organisation, { name: DEFENSIE });
          await new ProcessingActivityService(em).saveRecord({ organisation, reference: 'RM-ROLLBACK', content: seedContent('D2717'), status: VersionStatus.PUBLISHED });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await events('RM-ROLLBACK')).toEqual([]);
      await fx.save('RM-COMMIT', { ...seedContent('D2717'), title: 'Leesmodel vastgelegd' });
      expect((await current('RM-COMMIT'))?.title).toBe('Leesmodel vastgelegd');
      expect((await events('RM-COMMIT')).map((e) => e.kind)).toEqual(['PUBLISHED']);
    });

    it('projects the records of one transaction together, at one moment; a rolled-back savepoint takes its records with it', async () => {
      await server.db.orm.em.fork().transactional(async (em) => {
        const organisation = await em.findOneOrFail(Organisation, { name: DEFENSIE });
        const service = new ProcessingActivityService(em);
        for (const reference of ['RM-BATCH-1', 'RM-BATCH-2', 'RM-BATCH-3']) {
          await service.saveRecord({ organisation, reference, content: { ...seedContent('D2717'), title: `Samen gepubliceerd ${reference}` }, status: VersionStatus.PUBLISHED });
        }
        await em.flush();
        await em.getConnection().execute('savepoint before_fourth', [], 'run', em.getTransactionContext());
        await new ProcessingActivityService(em).saveRecord({ organisation, reference: 'RM-BATCH-4', content: seedContent('D2717'), status: VersionStatus.PUBLISHED });
        await em.flush();
        await em.getConnection().execute('rollback to savepoint before_fourth', [], 'run', em.getTransactionContext());
      });
      const logged = await knex().select('reference', 'occurred_at').from('public_change').whereIn('reference', ['RM-BATCH-1', 'RM-BATCH-2', 'RM-BATCH-3', 'RM-BATCH-4']).orderBy('position');
      expect(logged.map((e) => e.reference).sort()).toEqual(['RM-BATCH-1', 'RM-BATCH-2', 'RM-BATCH-3']);
      // One call of the projector for the transaction: its events share the projector's moment.
      expect(new Set(logged.map((e) => new Date(e.occurred_at).toISOString())).size).toBe(1);
      expect(await current('RM-BATCH-4')).toBeUndefined();
    });

    it('stores the search vector and the document of the current version only, and the document without empty fields', async () => {
      const content = seedContent('D2717');
      await fx.save('RM-LEAN', { ...content, title: 'Eerste versie' });
      await fx.save('RM-LEAN', { ...content, title: 'Tweede versie' });
      const rows = await knex()
        .select('is_current', knex().raw('search_vector is not null as has_vector'), knex().raw('document is not null as has_document'), knex().raw('document::jsonb = jsonb_strip_nulls(document::jsonb) as without_nulls'))
        .from('public_processing_activity_version')
        .where({ reference: 'RM-LEAN' })
        .orderBy('version_number');
      // History rows are read for history only (search finds current versions): nothing to compute for them on every projection.
      expect(rows).toEqual([
        { is_current: false, has_vector: false, has_document: false, without_nulls: null },
        { is_current: true, has_vector: true, has_document: true, without_nulls: true },
      ]);
      // The seed has empty optional fields (a purpose without explanation, items without a source): absent, and GraphQL answers them as null.
      const { rows: empty } = await knex().raw(`select count(*)::int as n from public_processing_activity_version, jsonb_path_query(document::jsonb, 'strict $.**') v where reference = 'RM-LEAN' and v = 'null'::jsonb`);
      expect(empty[0].n).toBe(0);
    });

    it('an adoption written in the same transaction as a publication is projected too (the notes hold both)', async () => {
      await fx.save('RM-ADOPT-TX', { ...seedContent('D2717'), title: 'Gedeeld na publicatie' });
      const shared = await knex().first('activity_id').from('public_processing_activity_version').where({ reference: 'RM-ADOPT-TX', is_current: true });
      const adopter = await knex().first('id').from('organisation').whereNot({ name: DEFENSIE }).orderBy('name');
      await server.db.orm.em.fork().transactional(async (em) => {
        const organisation = await em.findOneOrFail(Organisation, { name: DEFENSIE });
        await new ProcessingActivityService(em).saveRecord({ organisation, reference: 'RM-ADOPT-TX-2', content: seedContent('D2717'), status: VersionStatus.PUBLISHED });
        await em.flush();
        await em.getConnection().execute('insert into processing_activity_participant (activity_id, organisation_id) values (?, ?)', [shared.activity_id, adopter.id], 'run', em.getTransactionContext());
      });
      expect(await current('RM-ADOPT-TX-2')).toBeDefined();
      const adoptions = await knex().select('organisation_id').from('public_processing_activity_participant').where({ activity_id: shared.activity_id });
      expect(adoptions.map((a) => a.organisation_id)).toEqual([adopter.id]);
    });

    it('projects each record by itself when a transaction wrote more rows than its notes hold', async () => {
      await fx.save('RM-MANY', { ...seedContent('D2717'), title: 'Veel tegelijk' });
      await knex().transaction(async (trx) => {
        // As the note triggers leave it after 1,000 noted rows.
        await trx.raw(`select set_config('public_register.pending', pg_current_xact_id()::text || ':*', true)`);
        await trx('processing_activity').where({ reference: 'RM-MANY' }).update({ withheld: true, withheld_reason: 'NATIONAL_SECURITY' });
      });
      expect(await current('RM-MANY')).toBeUndefined();
      expect((await events('RM-MANY')).map((e) => e.kind)).toEqual(['PUBLISHED', 'REMOVED']);
    });

    it('notes a record once however many of its rows a transaction writes: 1,200 versions of one record, one projection', async () => {
      await fx.save('RM-LONG', { ...seedContent('D2717'), title: 'Verwerking met een lange geschiedenis' });
      const { rows } = await knex().transaction(async (trx) => {
        await trx.raw(`set local track_functions = 'pl'`);
        // 1,200 older published versions, as an import of a record's history would write them.
        await trx.raw(
          `insert into processing_activity_version (id, activity_id, version_number, status, published_at, created_at, content_hash, title, legal_role)
           select gen_random_uuid(), v.activity_id, -g, 'PUBLISHED', v.published_at - g * interval '1 day', v.created_at, v.content_hash, v.title || ' ' || g, v.legal_role
             from processing_activity_version v join processing_activity a on a.id = v.activity_id, generate_series(1, 1200) g
            where a.reference = 'RM-LONG'`,
        );
        await trx.raw('set constraints all immediate'); // the deferred projection runs now, inside the transaction
        return trx.raw<{ rows: { calls: string }[] }>(`select coalesce(sum(calls), 0) as calls from pg_stat_xact_user_functions where funcname = 'public_register_project'`);
      });
      expect(Number(rows[0].calls)).toBe(1);
      expect(await knex()('public_processing_activity_version').where({ reference: 'RM-LONG' }).count({ n: '*' }).first()).toEqual({ n: '1201' });
    });

    it("decides a record's new published version from its current public version on, and its whole history after any other write", async () => {
      await fx.save('RM-APPENDED', { ...seedContent('D2717'), title: 'Verwerking met veel versies' });
      const { id } = await knex()('processing_activity').where({ reference: 'RM-APPENDED' }).first('id');
      /** 300 older published versions (numbered before the others), as an import of a record's history writes them. */
      const olderVersions = (trx: Knex.Transaction, from: number) =>
        trx.raw(
          `insert into processing_activity_version (id, activity_id, version_number, status, published_at, created_at, content_hash, title, legal_role)
           select gen_random_uuid(), v.activity_id, -g, 'PUBLISHED', v.published_at - g * interval '1 day', v.created_at, v.content_hash, v.title || ' ' || g, v.legal_role
             from processing_activity_version v, generate_series(?::int, ? + 299) g
            where v.activity_id = ? and v.version_number = 1`,
          [from, from, id],
        );
      const newVersion = (trx: Knex.Transaction) =>
        trx.raw(
          `with v as (insert into processing_activity_version (id, activity_id, version_number, status, published_at, created_at, content_hash, title, legal_role)
                      select gen_random_uuid(), v.activity_id, 2, 'PUBLISHED', now(), now(), v.content_hash, 'Verwerking met veel versies, bijgewerkt', v.legal_role
                        from processing_activity_version v where v.activity_id = ? and v.version_number = 1
                      returning activity_id)
           update processing_activity set latest_version_number = 2 where id in (select activity_id from v)`,
          [id],
        );
      /** Before the transaction's projection: whether its notes ask for the record's whole history, and where the projection would decide from. */
      const noted = async (trx: Knex.Transaction) => {
        const { rows } = await trx.raw<{ rows: { pending: string; whole: string | null; from_versions: (number | null)[] }[] }>(
          `select current_setting('public_register.pending', true) as pending, current_setting('public_register.whole', true) as whole,
                  public_projection_from_versions(array[?::uuid], array[?::uuid], clock_timestamp()) as from_versions`,
          [id, id],
        );
        return { noted: rows[0].pending.includes(id), whole: (rows[0].whole ?? '').includes(id), fromVersions: rows[0].from_versions };
      };

      expect(await knex().transaction(async (trx) => (await olderVersions(trx, 1), noted(trx)))).toEqual({ noted: true, whole: true, fromVersions: [1] });
      expect(await knex().transaction(async (trx) => (await newVersion(trx), noted(trx)))).toEqual({ noted: true, whole: false, fromVersions: [1] });
      expect((await current('RM-APPENDED'))?.title).toBe('Verwerking met veel versies, bijgewerkt');
      expect(await knex()('public_processing_activity_version').where({ reference: 'RM-APPENDED' }).count({ n: '*' }).first()).toEqual({ n: '302' });
      // A publish-from moment of the record that has passed, not yet applied: the whole history.
      const trx = await knex().transaction();
      try {
        const { version_id } = await trx('public_processing_activity_version').where({ activity_id: id, version_number: -1 }).first('version_id');
        await trx('public_schedule').insert({ version_id, activity_id: id, publish_from: new Date(Date.now() - 1000) });
        expect((await noted(trx)).fromVersions).toEqual([null]);
      } finally {
        await trx.rollback();
      }
      // Older versions added after it: the whole history is decided again.
      expect(await knex().transaction(async (trx) => (await olderVersions(trx, 301), noted(trx)))).toEqual({ noted: true, whole: true, fromVersions: [2] });
      expect(await knex()('public_processing_activity_version').where({ reference: 'RM-APPENDED' }).count({ n: '*' }).first()).toEqual({ n: '602' });
    });

    it('follows an organisation move with an UPDATED event', async () => {
      await fx.save('RM-MOVE', { ...seedContent('D2717'), title: 'Verhuizende verwerking' });
      const target = await server.db.orm.em.fork().findOneOrFail(Organisation, { name: 'Gemeente Lisse' });
      await knex()('processing_activity').where({ reference: 'RM-MOVE' }).update({ organisation_id: target.id });
      expect((await current('RM-MOVE'))?.organisation_id).toBe(target.id);
      const log = await events('RM-MOVE');
      expect(log.map((e) => e.kind)).toEqual(['PUBLISHED', 'UPDATED']);
      expect(log[1].organisation_id).toBe(target.id);
    });

    it('writes only the rows whose decision changed: a new version leaves the history as it is, a move rewrites every row, a withdrawn newest version brings back the one before, rendered', async () => {
      const reference = 'RM-HISTORY';
      const rows = async () =>
        (
          await knex()('public_processing_activity_version')
            .where({ reference })
            .orderBy('version_number')
            .select('version_number', 'is_current', 'organisation_id', 'title', knex().raw('xmin::text as xmin'), knex().raw('document is not null as rendered'), knex().raw('search_vector is not null as searchable'))
        ).map((r) => ({ ...r, version_number: Number(r.version_number) }));
      const shape = (all: Awaited<ReturnType<typeof rows>>) => all.map((r) => [r.version_number, r.is_current, r.rendered, r.searchable]);
      for (const title of ['Eerste', 'Tweede', 'Derde']) await fx.save(reference, { ...seedContent('D2717'), title: `${title} versie` });
      const before = await rows();
      expect(shape(before)).toEqual([
        [1, false, false, false],
        [2, false, false, false],
        [3, true, true, true],
      ]);

      await fx.save(reference, { ...seedContent('D2717'), title: 'Vierde versie' });
      const published = await rows();
      expect(published.slice(0, 2)).toEqual(before.slice(0, 2)); // the same row versions (xmin): not written again
      expect(shape(published)).toEqual([
        [1, false, false, false],
        [2, false, false, false],
        [3, false, false, false],
        [4, true, true, true],
      ]);

      const target = await server.db.orm.em.fork().findOneOrFail(Organisation, { name: 'Gemeente Lisse' });
      await knex()('processing_activity').where({ reference }).update({ organisation_id: target.id });
      const moved = await rows();
      expect(moved.map((r) => r.organisation_id)).toEqual([target.id, target.id, target.id, target.id]);
      expect(shape(moved)).toEqual(shape(published));

      const activity = await knex()('processing_activity').where({ reference }).first('id');
      await knex()('processing_activity_version').where({ activity_id: activity.id, version_number: 4 }).update({ status: VersionStatus.WITHDRAWN, withdrawn_at: new Date() });
      const restored = await rows();
      expect(shape(restored)).toEqual([
        [1, false, false, false],
        [2, false, false, false],
        [3, true, true, true],
      ]);
      expect(restored[2].title).toBe('Derde versie');
      expect((await events(reference)).map((e) => e.kind)).toEqual(['PUBLISHED', 'UPDATED', 'UPDATED', 'UPDATED', 'UPDATED', 'UPDATED']);
    });

    it("a new public version changes only the search postings and counts of the words that differ", async () => {
      const reference = 'RM-WORDS';
      const postings = async () =>
        Object.fromEntries(
          (
            await knex()
              .select('p.lexeme', knex().raw('p.xmin::text as xmin'))
              .from({ p: 'public_search_posting' })
              .join({ v: 'public_processing_activity_version' }, 'v.activity_id', 'p.activity_id')
              .where({ 'v.reference': reference, 'v.is_current': true })
          ).map((r: { lexeme: string; xmin: string }) => [r.lexeme, r.xmin]),
        );
      const records = async (word: string) => Number((await knex()('public_search_facet').first('records').where({ lexeme: word, facet: 'T', key: '' }))?.records ?? 0);
      const words = (title: string) => ({ ...seedContent('D2717'), title, description: null });

      await fx.save(reference, words('Kwallenteller zeegras'));
      const before = await postings();
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['kwallenteller', 'zeegras']));
      const [kwallen, zeegras] = [await records('kwallenteller'), await records('zeegras')];

      await fx.save(reference, words('Zeesterrenteller zeegras'));
      const after = await postings();
      expect(after).not.toHaveProperty('kwallenteller');
      expect(after).toHaveProperty('zeesterrenteller');
      // The words both versions have keep their postings as they were (not deleted and added again).
      const common = Object.keys(before).filter((w) => w in after);
      expect(common.length).toBeGreaterThan(10);
      for (const word of common) expect({ word, xmin: after[word] }).toEqual({ word, xmin: before[word] });
      expect([await records('kwallenteller'), await records('zeegras'), await records('zeesterrenteller')]).toEqual([kwallen - 1, zeegras, 1]);

      // A word moved from the title to the description (weight A to B) keeps its count but is
      // ranked anew; a word that only moved within the title (same weight) keeps its posting.
      const score = async (word: string) =>
        (
          await knex()
            .first('p.score', knex().raw('ts_rank_cd(v.search_vector, public_search_lexeme(p.lexeme)) as expected'))
            .from({ p: 'public_search_posting' })
            .join({ v: 'public_processing_activity_version' }, 'v.activity_id', 'p.activity_id')
            .where({ 'v.reference': reference, 'v.is_current': true, 'p.lexeme': word })
        ) as { score: number; expected: number };
      const titled = await score('zeegras');
      await fx.save(reference, { ...words('Blauwe zeesterrenteller'), description: 'Zeegras' });
      const moved = await postings();
      const described = await score('zeegras');
      expect(described.score).toBeCloseTo(described.expected, 6);
      expect(described.score).toBeLessThan(titled.score);
      expect(moved.zeegras).not.toBe(after.zeegras);
      expect(moved.zeesterrenteller).toBe(after.zeesterrenteller);
      expect([await records('zeegras'), await records('zeesterrenteller')]).toEqual([zeegras, 1]);

      // Other codes (a legal basis the record did not have): every word is counted again under them.
      const changed = words('Zeesterrenteller zeegras');
      changed.purposes[0].legalBasis = changed.purposes[0].legalBasis === 'CONSENT' ? 'CONTRACT' : 'CONSENT';
      await fx.save(reference, changed);
      expect(await records('zeegras')).toBe(zeegras);
    });

    it('applies a scheduled publication within a second of its moment without any request, in exactly one process', async () => {
      // A second API process on the same database, racing this one's scheduler.
      const other = new PublicationScheduler(knex());
      await other.start();
      try {
        const publishFrom = new Date(Date.now() + 800);
        await fx.save('RM-TIMED', { ...seedContent('D2717'), title: 'Getimede verwerking' }, { publishFrom });
        await other.refresh();
        expect(await events('RM-TIMED')).toEqual([]);
        await new Promise((r) => setTimeout(r, publishFrom.getTime() - Date.now() + 1_000));
        const log = await events('RM-TIMED');
        expect(log.map((e) => e.kind)).toEqual(['PUBLISHED']);
        expect(new Date(log[0].occurred_at).getTime() - publishFrom.getTime()).toBeLessThan(1_000);
        expect(new Date(log[0].occurred_at).getTime()).toBeGreaterThanOrEqual(publishFrom.getTime());
      } finally {
        other.stop();
      }
    });
  });

  it('public:rebuild --verify reports every difference and fails; public:rebuild corrects it through the change log', async () => {
    await fx.save('RM-DRIFT', { ...seedContent('D2717'), title: 'Verwerking die afdrijft' });
    await fx.save('RM-GONE', { ...seedContent('D2717'), title: 'Verwerking die verdwijnt' });
    const em = server.db.orm.em.fork();
    expect(await runCommand(em, ['public:rebuild', '--verify'])).toEqual(['the public read model agrees with the versions']);

    // Drift, as a bug or a hand-made change would cause it.
    await knex()('public_processing_activity_version').where({ reference: 'RM-DRIFT' }).update({ title: 'Verkeerde titel' });
    await knex()('public_processing_activity_version').where({ reference: 'RM-GONE' }).delete();
    const verify = runCommand(em, ['public:rebuild', '--verify']);
    await expect(verify).rejects.toThrow(/differs from the versions in 3 row\(s\)/);
    const message = await verify.catch((e: Error) => e.message);
    expect(message).toMatch(/missing public_processing_activity_version activity .* version/);
    expect(message).toMatch(/unexpected public_processing_activity_version/);

    expect(await runCommand(em, ['public:rebuild'])).toEqual(['public read model rebuilt from the versions; 1 change-log event appended for what it corrected']);
    expect((await current('RM-DRIFT'))?.title).toBe('Verwerking die afdrijft');
    expect((await events('RM-GONE')).map((e) => e.kind)).toEqual(['PUBLISHED', 'PUBLISHED']);
    expect(await runCommand(em, ['public:rebuild', '--verify'])).toEqual(['the public read model agrees with the versions']);
  });

  it('covers the public adoptions of shared records: --verify reports a missing or unexpected one, public:rebuild corrects it with an UPDATED event', async () => {
    await fx.save('RM-SHARED', { ...seedContent('D2717'), title: 'Gedeelde verwerking' });
    await fx.adopt('RM-SHARED', 'Gemeente Lisse');
    const em = server.db.orm.em.fork();
    expect(await runCommand(em, ['public:rebuild', '--verify'])).toEqual(['the public read model agrees with the versions']);
    const adoption = await knex()('public_processing_activity_participant as pp').join('processing_activity as a', 'a.id', 'pp.activity_id').where('a.reference', 'RM-SHARED').first('pp.activity_id', 'pp.organisation_id');
    expect(adoption).toBeTruthy();
    const m10495 = await knex()('processing_activity').where({ reference: 'M10495' }).first('id');
    const hillegom = await em.findOneOrFail(Organisation, { name: 'Gemeente Hillegom' });

    // Drift: an adoption lost, and one that never happened.
    await knex()('public_processing_activity_participant').where(adoption).delete();
    await knex()('public_processing_activity_participant').insert({ activity_id: m10495.id, organisation_id: hillegom.id });
    const verify = runCommand(em, ['public:rebuild', '--verify']);
    await expect(verify).rejects.toThrow(/differs from the versions in 2 row\(s\)/);
    const message = await verify.catch((e: Error) => e.message);
    expect(message).toContain(`missing public_processing_activity_participant activity ${adoption.activity_id} organisation ${adoption.organisation_id}`);
    expect(message).toContain(`unexpected public_processing_activity_participant activity ${m10495.id} organisation ${hillegom.id}`);

    expect(await runCommand(em, ['public:rebuild'])).toEqual(['public read model rebuilt from the versions; 2 change-log events appended for what it corrected']);
    expect((await events('RM-SHARED')).map((e) => e.kind)).toEqual(['PUBLISHED', 'UPDATED', 'UPDATED']);
    expect((await events('M10495')).map((e) => e.kind).at(-1)).toBe('UPDATED');
    expect(await runCommand(em, ['public:rebuild', '--verify'])).toEqual(['the public read model agrees with the versions']);
  });

  it('keeps organisations and vocabularies in the process until they change', async () => {
    const ask = () => server.publicClient.query<{ facets: { organisations: { organisation: { name: string } }[] } }>(`{ facets { total legalBases { legalBasis { label } } organisations { organisation { name } } } }`);
    await ask();
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    knex().on('query', listen);
    try {
      await ask();
      expect(statements.filter((s) => /from "(organisation|legal_basis|special_category|country)"/.test(s))).toEqual([]);
    } finally {
      knex().off('query', listen);
    }
    await knex()('organisation').where({ name: DEFENSIE }).update({ name: 'Ministerie van Defensie (hernoemd)' });
    let names: string[] = [];
    for (const deadline = Date.now() + 3_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      names = (await ask()).facets.organisations.map((o) => o.organisation.name);
      if (names.includes('Ministerie van Defensie (hernoemd)')) break;
    }
    expect(names).toContain('Ministerie van Defensie (hernoemd)');
  });
});
