import http from 'node:http';
import { Pool, types } from 'pg';

/**
 * The baseline: the practical ceiling for any Node GraphQL server on this database. A bare
 * node:http server that answers the page scenario (and the search and byId scenarios) with
 * hand-written SQL — the page from the pre-rendered documents in one statement; byId with one
 * statement per nesting level run in parallel — and assembles the same JSON the GraphQL server
 * answers, in plain JavaScript. It reads the public read model (public_processing_activity_version)
 * for what is visible, as the API does, and its search tables (postings and per-word counts) for a
 * one-word search.
 *
 * POST /page   {"variables":{"after":cursor|null}}
 * POST /search {"variables":{"search":"..."}}
 * GET  /__bench/metrics → {"statements": n}
 */

types.setTypeParser(1184, (v) => v); // timestamptz as text; converted where needed
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
let statements = 0;
const q = <R>(text: string, values: unknown[]): Promise<R[]> => {
  statements++;
  return pool.query({ text, values }).then((r) => r.rows as R[]);
};

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/** Visible versions: the current rows of the public read model (src/modules/publication/public-scope.ts), the same table the API reads. */
const VISIBLE = `
  select v.version_id as id, v.activity_id, v.title, v.description, v.published_at, v.publish_from, v.third_country_transfers,
         v.search_vector, v.document, v.legal_basis_codes, v.special_category_codes, v.transfer_country_codes, v.organisation_id, v.reference
    from public_processing_activity_version v
   where v.is_current`;

interface PageRow {
  id: string;
  activity_id: string;
  title: string;
  description: string | null;
  published_at: string;
  publish_from: string | null;
  third_country_transfers: boolean | null;
  reference: string;
  organisation_id: string;
  organisation_name: string;
}

const SELECT_PAGE = `select f.id, f.activity_id, f.title, f.description, f.published_at, f.publish_from, f.third_country_transfers, f.reference,
                            f.organisation_id, o.name as organisation_name
                       from (${VISIBLE}) f join organisation o on o.id = f.organisation_id`;

/** The read model's document, whose empty fields are absent (public-document.ts). */
interface DocumentRow extends PageRow {
  document: {
    purposes: { description: string; legalBasis?: string }[];
    dataSubjectGroups: { description: string; dataItems: { description: string; retentionText?: string }[] }[];
    recipients: { description: string }[];
    transfers: { recipientName: string; countryCode?: string }[];
  };
}

let labels: Promise<{ legalBases: Map<string, string>; countries: Map<string, string> }> | null = null;

/**
 * The page from the read model's pre-rendered documents (the API's page reads them too): one
 * statement, the documents parsed and the answer built and serialised here; the vocabularies'
 * labels kept in the process, as the API does. (Reading the nested rows, one statement per level,
 * cost more PostgreSQL CPU for the same Node CPU.)
 */
async function page(after: string | null): Promise<unknown> {
  labels ??= Promise.all([q<{ code: string; label: string }>('select code, label_nl as label from legal_basis', []), q<{ code: string; name: string }>('select code, name_nl as name from country', [])]).then(
    ([bases, countries]) => ({ legalBases: new Map(bases.map((b) => [b.code.trim(), b.label])), countries: new Map(countries.map((c) => [c.code.trim(), c.name])) }),
  );
  const select = `select f.id, f.activity_id, f.title, f.description, f.published_at, f.publish_from, f.third_country_transfers, f.reference, f.organisation_id, o.name as organisation_name, f.document
                    from (${VISIBLE}) f join organisation o on o.id = f.organisation_id`;
  const [{ legalBases, countries }, found] = await Promise.all([
    labels,
    after
      ? (() => {
          const [, title, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
          return q<DocumentRow>(`${select} where (f.title, f.activity_id) > ($1, $2::uuid) order by f.title, f.activity_id limit 51`, [title, id]);
        })()
      : q<DocumentRow>(`${select} order by f.title, f.activity_id limit 51`, []),
  ]);
  const hasNextPage = found.length > 50;
  const rows = found.slice(0, 50);
  const edges = rows.map((r) => {
    const published = new Date(r.published_at);
    const from = r.publish_from ? new Date(r.publish_from) : null;
    const d = r.document;
    return {
      node: {
        id: gid('ProcessingActivity', r.activity_id),
        reference: r.reference,
        title: r.title,
        description: r.description,
        updatedAt: (from && from > published ? from : published).toISOString(),
        organisation: { id: gid('Organisation', r.organisation_id), name: r.organisation_name },
        purposes: d.purposes.map((p) => ({ description: p.description, legalBasis: p.legalBasis ? { code: p.legalBasis, label: legalBases.get(p.legalBasis) ?? null } : null })),
        dataSubjectGroups: d.dataSubjectGroups.map((g) => ({ description: g.description, dataItems: g.dataItems.map((i) => ({ description: i.description, retention: { text: i.retentionText ?? null } })) })),
        recipients: d.recipients.map((x) => ({ description: x.description })),
        thirdCountryTransfers:
          r.third_country_transfers === null
            ? null
            : { applies: r.third_country_transfers, transfers: d.transfers.map((t) => ({ recipientName: t.recipientName, country: t.countryCode ? { code: t.countryCode, name: countries.get(t.countryCode) ?? null } : null })) },
      },
    };
  });
  const last = rows.at(-1);
  const endCursor = last ? Buffer.from(JSON.stringify(['TITLE_ASC', last.title, last.activity_id])).toString('base64url') : null;
  return { data: { processingActivities: { pageInfo: { hasNextPage, endCursor }, edges } } };
}

async function byId(globalId: string): Promise<unknown> {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const id = decoded.startsWith('ProcessingActivity:') ? decoded.slice('ProcessingActivity:'.length) : null;
  const rows = id && /^[0-9a-f-]{36}$/.test(id) ? await q<PageRow>(`${SELECT_PAGE} where f.activity_id = $1`, [id]) : [];
  const [edge] = await withContent(rows);
  return { data: { processingActivity: edge?.node ?? null } };
}

/** The nested content of these rows: one statement per nesting level, in parallel. */
async function withContent(rows: PageRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [purposes, groups, items, recipients, transfers] = await Promise.all([
    q<{ k: string; description: string; code: string | null; label: string | null }>(
      `select p.version_id k, p.description, lb.code, lb.label_nl label from purpose p left join legal_basis lb on lb.code = p.legal_basis_code
        where p.version_id = any($1::uuid[]) order by p.version_id, p.position`,
      [ids],
    ),
    q<{ k: string; id: string; description: string }>(`select version_id k, id, description from data_subject_group where version_id = any($1::uuid[]) order by version_id, position`, [ids]),
    q<{ k: string; description: string; text: string | null }>(
      `select d.group_id k, d.description, d.retention_text text from data_item d join data_subject_group g on g.id = d.group_id
        where g.version_id = any($1::uuid[]) order by d.group_id, d.position`,
      [ids],
    ),
    q<{ k: string; description: string }>(`select version_id k, description from recipient where version_id = any($1::uuid[]) order by version_id, position`, [ids]),
    q<{ k: string; recipient_name: string; code: string | null; name: string | null }>(
      `select t.version_id k, t.recipient_name, c.code, c.name_nl name from third_country_transfer t left join country c on c.code = t.country_code
        where t.version_id = any($1::uuid[]) order by t.version_id, t.position`,
      [ids],
    ),
  ]);
  const group = <T extends { k: string }, R>(list: T[], map: (t: T) => R) => {
    const m = new Map<string, R[]>();
    for (const t of list) {
      const l = m.get(t.k);
      if (l) l.push(map(t));
      else m.set(t.k, [map(t)]);
    }
    return m;
  };
  const purposesBy = group(purposes, (p) => ({ description: p.description, legalBasis: p.code ? { code: p.code.trim(), label: p.label } : null }));
  const itemsBy = group(items, (d) => ({ description: d.description, retention: { text: d.text } }));
  const groupsBy = group(groups, (g) => ({ description: g.description, dataItems: itemsBy.get(g.id) ?? [] }));
  const recipientsBy = group(recipients, (r) => ({ description: r.description }));
  const transfersBy = group(transfers, (t) => ({ recipientName: t.recipient_name, country: t.code ? { code: t.code.trim(), name: t.name } : null }));
  return rows.map((r) => {
    const published = new Date(r.published_at);
    const from = r.publish_from ? new Date(r.publish_from) : null;
    return {
      node: {
        id: gid('ProcessingActivity', r.activity_id),
        reference: r.reference,
        title: r.title,
        description: r.description,
        updatedAt: (from && from > published ? from : published).toISOString(),
        organisation: { id: gid('Organisation', r.organisation_id), name: r.organisation_name },
        purposes: purposesBy.get(r.id) ?? [],
        dataSubjectGroups: groupsBy.get(r.id) ?? [],
        recipients: recipientsBy.get(r.id) ?? [],
        thirdCountryTransfers: r.third_country_transfers === null ? null : { applies: r.third_country_transfers, transfers: transfersBy.get(r.id) ?? [] },
      },
    };
  });
}

/** The one word a search is, as a lexeme (PostgreSQL's tsquery text `'word'`), or null for anything else. */
async function singleWord(text: string): Promise<string | null> {
  const [{ tsquery }] = await q<{ tsquery: string }>(`select websearch_to_tsquery('dutch', $1)::text as tsquery`, [text]);
  const m = /^'((?:[^'\\]|'')*)'$/.exec(tsquery);
  return m ? m[1].replace(/''/g, "'") : null;
}

/**
 * A one-word search from the read model's search tables (src/modules/publication/search/): the
 * word's postings in score order for the page, its counts per facet for the total and facets.
 */
async function searchWord(lexeme: string): Promise<{ hits: Hit[]; facets: FacetRow[] }> {
  const [hits, facets] = await Promise.all([
    q<Hit>(
      `select f.activity_id, f.reference, f.title, o.name organisation_name
         from public_search_posting p join public_processing_activity_version f on f.activity_id = p.activity_id and f.is_current
         join organisation o on o.id = f.organisation_id
        where p.lexeme = $1 order by p.score desc, p.activity_id limit 21`,
      [lexeme],
    ),
    q<FacetRow>(
      `select case s.facet when 'T' then 'total' when 'L' then 'legalBases' when 'O' then 'organisations' when 'S' then 'specialCategories' else 'countries' end facet,
              s.key, case s.facet when 'L' then (select label_nl from legal_basis where code = s.key) when 'O' then (select name from organisation where id::text = s.key)
                                  when 'S' then (select label_nl from special_category where code = s.key) when 'C' then (select name_nl from country where code = s.key) end label,
              s.records count
         from public_search_facet s where s.lexeme = $1 and s.records > 0`,
      [lexeme],
    ),
  ]);
  return { hits, facets };
}

interface Hit {
  activity_id: string;
  reference: string;
  title: string;
  organisation_name: string;
}

interface FacetRow {
  facet: string;
  key: string;
  label: string | null;
  count: string;
}

async function search(text: string): Promise<unknown> {
  const lexeme = await singleWord(text);
  const { hits, facets } = lexeme !== null ? await searchWord(lexeme) : await searchAny(text);
  return searchAnswer(hits, facets);
}

/** Any other search: the GIN index and ts_rank_cd over every match. */
async function searchAny(text: string): Promise<{ hits: Hit[]; facets: FacetRow[] }> {
  const matching = `select f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes from (${VISIBLE}) f, websearch_to_tsquery('dutch', $1) query where f.search_vector @@ query`;
  const [hits, facets] = await Promise.all([
    q<Hit>(
      `select f.activity_id, f.reference, f.title, o.name organisation_name
         from (${VISIBLE}) f join organisation o on o.id = f.organisation_id, websearch_to_tsquery('dutch', $1) query
        where f.search_vector @@ query order by ts_rank_cd(f.search_vector, query) desc, f.activity_id limit 21`,
      [text],
    ),
    q<FacetRow>(
      `with m as materialized (${matching})
       select 'total' facet, '' key, null label, count(*) count from m
       union all select 'legalBases', x.code, (select label_nl from legal_basis where code = x.code), count(*) from m, unnest(legal_basis_codes) x(code) group by x.code
       union all select 'organisations', m.organisation_id::text, (select name from organisation where id = m.organisation_id), count(*) from m group by m.organisation_id
       union all select 'specialCategories', x.code, (select label_nl from special_category where code = x.code), count(*) from m, unnest(special_category_codes) x(code) group by x.code
       union all select 'countries', x.code, (select name_nl from country where code = x.code), count(*) from m, unnest(transfer_country_codes) x(code) group by x.code`,
      [text],
    ),
  ]);
  return { hits, facets };
}

function searchAnswer(hits: Hit[], facets: FacetRow[]): unknown {
  const out: Record<string, { key: string; label: string | null; count: number }[]> = { legalBases: [], organisations: [], specialCategories: [], countries: [] };
  let total = 0;
  for (const f of facets) {
    if (f.facet === 'total') total = Number(f.count);
    else out[f.facet].push({ key: f.key, label: f.label, count: Number(f.count) });
  }
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    data: {
      processingActivities: {
        totalCount: total,
        edges: hits.slice(0, 20).map((h) => ({ node: { id: gid('ProcessingActivity', h.activity_id), reference: h.reference, title: h.title, organisation: { name: h.organisation_name } } })),
      },
      facets: {
        total,
        legalBases: out.legalBases.map((f) => ({ count: f.count, legalBasis: { code: f.key, label: f.label } })),
        organisations: out.organisations.map((f) => ({ count: f.count, organisation: { id: gid('Organisation', f.key), name: f.label } })),
        specialCategories: out.specialCategories.map((f) => ({ count: f.count, specialCategory: { code: f.key, label: f.label } })),
        countries: out.countries.map((f) => ({ count: f.count, country: { code: f.key, name: f.label } })),
      },
    },
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/__bench/metrics') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statements }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const answer = async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      if (req.url === '/page') return page(body.variables?.after ?? null);
      if (req.url === '/byId') return byId(String(body.variables?.id ?? ''));
      if (req.url === '/search') return search(String(body.variables?.search ?? ''));
      return null;
    };
    answer().then(
      (result) => {
        res.statusCode = result ? 200 : 404;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(result));
      },
      (e: Error) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ errors: [{ message: e.message }] }));
      },
    );
  });
});

server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => console.log(`baseline listening on ${process.env.PORT ?? 4100}`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
