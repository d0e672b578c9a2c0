import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import express from 'express';
import { catalog, type CatalogSettings } from './catalog';
import { ACTIVITY_COLUMNS, type CsvColumn, DATA_ITEM_COLUMNS, dataItemRows } from './csv-columns';
import { DOWNLOADS } from './downloads';
import { DPV_CONTEXT, recordAsDpv } from './linked-data';
import type { PublicRecord, PublicRecordSource, RecordScope } from './public-records';

/** Where the register stands: the last change-log position and when it was written. */
export interface RegisterHead {
  position: string;
  modifiedAt: Date | null;
}

export interface OpenDataOptions {
  records: PublicRecordSource;
  head(): Promise<RegisterHead>;
  settings: Omit<CatalogSettings, 'base'> & { base: string | null };
  maxAgeSeconds: number;
  onError(error: unknown, req: express.Request): void;
}

/**
 * /open-data/: the whole public register as files, streamed a page at a time (never the register
 * in memory). Every answer carries the change-log position it reflects (X-Register-Position; a
 * mirror replays the change feed from there), an ETag and Last-Modified derived from that
 * position, so an unchanged download answers 304 without reading a record.
 */
export function openDataRouter(options: OpenDataOptions): express.Router {
  const router = express.Router();
  const writers: Record<string, (records: AsyncIterable<PublicRecord>, base: string) => Readable> = {
    'processing-activities.csv': (records) => csv(records, ACTIVITY_COLUMNS, (r) => [r]),
    'processing-activities-data-items.csv': (records) => csv(records, DATA_ITEM_COLUMNS, dataItemRows),
    'processing-activities.ndjson': (records) => Readable.from(ndjson(records)),
    'processing-activities.jsonld': (records, base) => Readable.from(jsonld(records, base)),
  };

  router.get('/open-data', (req, res, next) => (req.path === '/open-data' ? res.redirect(301, '/open-data/') : next()));
  router.get('/open-data/', (req, res) => {
    res.setHeader('Cache-Control', `public, max-age=${options.maxAgeSeconds}`);
    if (req.accepts(['text/html', 'application/json']) === 'application/json') {
      res.json({ downloads: DOWNLOADS.map((d) => ({ ...d, url: `/open-data/${d.file}` })), catalog: '/open-data/catalog.jsonld' });
      return;
    }
    res.type('html').send(listingPage());
  });

  router.get('/open-data/catalog.jsonld', async (req, res, next) => {
    try {
      const head = await options.head();
      if (conditional(req, res, head, 'catalog', options.maxAgeSeconds)) return;
      res.type('application/ld+json').send(JSON.stringify(catalog({ ...options.settings, base: baseOf(req, options.settings.base) }, head.modifiedAt, head.position), null, 2));
    } catch (e) {
      next(e);
    }
  });

  router.get('/open-data/:file', async (req, res, next) => {
    const write = Object.hasOwn(writers, req.params.file) ? writers[req.params.file] : undefined;
    const download = DOWNLOADS.find((d) => d.file === req.params.file);
    if (!write || !download) return next();
    let scope: RecordScope;
    try {
      const resolved = await scopeOf(req, options.records);
      if ('error' in resolved) {
        res.status(resolved.status).json({ errors: [{ message: resolved.error, extensions: { code: resolved.code } }] });
        return;
      }
      scope = resolved;
      const head = await options.head();
      if (conditional(req, res, head, `${download.file}|${scope.organisationId ?? ''}|${scope.ownOnly ? 'own' : 'tree'}`, options.maxAgeSeconds)) return;
      res.type(download.mediaType === 'text/csv' ? 'text/csv; charset=utf-8' : download.mediaType);
      res.setHeader('Content-Disposition', `attachment; filename="${download.file}"`);
    } catch (e) {
      return next(e);
    }
    try {
      // From here on the status line is sent: a failure can only cut the transfer short (the
      // client sees an incomplete chunked body), never end it as if the file were whole.
      await pipeline(write(options.records.records(scope), baseOf(req, options.settings.base)), res);
    } catch (e) {
      options.onError(e, req);
      res.destroy(e instanceof Error ? e : undefined);
    }
  });
  return router;
}

/** Sets the validators and answers 304 when the client's copy is current; true when answered. */
function conditional(req: express.Request, res: express.Response, head: RegisterHead, variant: string, maxAgeSeconds: number): boolean {
  res.setHeader('ETag', `"${head.position}-${createHash('sha1').update(variant).digest('hex').slice(0, 12)}"`);
  if (head.modifiedAt) res.setHeader('Last-Modified', head.modifiedAt.toUTCString());
  res.setHeader('X-Register-Position', head.position);
  res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  res.vary('Accept');
  if (req.fresh) {
    res.status(304).end();
    return true;
  }
  if (req.method === 'HEAD') {
    res.status(200).end();
    return true;
  }
  return false;
}

async function scopeOf(req: express.Request, records: PublicRecordSource): Promise<RecordScope | { error: string; code: string; status: number }> {
  const ref = req.query.organisation;
  const sub = req.query.subOrganisations;
  if (ref === undefined) return {};
  if (typeof ref !== 'string' || ref === '' || ref.length > 300 || (sub !== undefined && sub !== 'true' && sub !== 'false')) {
    return { error: 'organisation names one organisation (global id, TOOI URI or OIN); subOrganisations is true or false.', code: 'BAD_USER_INPUT', status: 400 };
  }
  const organisation = await records.organisation(ref);
  if (!organisation) return { error: 'No such organisation in the register.', code: 'NOT_FOUND', status: 404 };
  return { organisationId: organisation.id, ownOnly: sub === 'false' };
}

function baseOf(req: express.Request, configured: string | null): string {
  return configured ?? `${req.protocol}://${req.get('host')}`;
}

function csv<Row>(records: AsyncIterable<PublicRecord>, columns: CsvColumn<Row>[], rowsOf: (record: PublicRecord) => Row[]): Readable {
  const stringifier = stringify({ bom: true, header: true, columns: columns.map((c) => c.name), cast: { boolean: (b) => (b ? 'true' : 'false') } });
  void (async () => {
    try {
      for await (const record of records) {
        for (const row of rowsOf(record)) {
          if (!stringifier.write(columns.map((c) => c.value(row) ?? ''))) await new Promise((resolve) => stringifier.once('drain', resolve));
        }
      }
      stringifier.end();
    } catch (e) {
      stringifier.destroy(e as Error);
    }
  })();
  return stringifier;
}

async function* ndjson(records: AsyncIterable<PublicRecord>): AsyncGenerator<string> {
  for await (const record of records) yield `${JSON.stringify(record)}\n`;
}

async function* jsonld(records: AsyncIterable<PublicRecord>, base: string): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(DPV_CONTEXT)},"@graph":[\n`;
  let first = true;
  for await (const record of records) {
    yield `${first ? '' : ',\n'}${JSON.stringify(recordAsDpv(base, record))}`;
    first = false;
  }
  yield '\n]}\n';
}

function listingPage(): string {
  const rows = DOWNLOADS.map((d) => `<li><a href="/open-data/${d.file}">${d.file}</a> — ${d.title}: ${d.description}</li>`).join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Verwerkingsregister: open data</title><link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>Open data</h1>
<p>The published register as files, always current. Each download also exists per organisation:
add <code>?organisation=</code> with its global id, TOOI URI or OIN (its sub-organisations are
included; <code>&amp;subOrganisations=false</code> leaves them out). Columns and fields: <a href="/docs/open-data.md">docs/open-data.md</a>.</p>
<ul>
${rows}
<li><a href="/open-data/catalog.jsonld">catalog.jsonld</a> — DCAT-AP catalogue, for data portals</li>
</ul>
<p><a href="/">Verwerkingsregister</a></p>
</body></html>
`;
}
