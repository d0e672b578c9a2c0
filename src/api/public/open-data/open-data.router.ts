import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import express from 'express';
import type { RegisterHead } from '../../../modules/publication/public-changes';
import { catalog, type CatalogSettings } from './catalog';
import { ACTIVITY_COLUMNS, type CsvColumn, DATA_ITEM_COLUMNS, dataItemRows } from './csv-columns';
import { DOWNLOADS } from './downloads';
import { DPV_CONTEXT, recordAsDpv } from './linked-data';
import type { PublicRecordSource, RecordScope, RegisterDownload } from './public-records';
import { type PublicRecord, RecordRenderer, type RenderedRecord } from './record-renderer';

/** What the routes read (PublicRecordSource). */
export type RecordSource = Pick<PublicRecordSource, 'head' | 'organisation' | 'open'>;

export interface OpenDataOptions {
  records: RecordSource;
  settings: Omit<CatalogSettings, 'base'> & { base: string | null };
  maxAgeSeconds: number;
  /** Downloads this process streams at once; each holds a database connection while it runs. */
  maxConcurrentDownloads: number;
  /** A download whose client takes no data for this long is cut off (its connection and snapshot released). */
  idleTimeoutMs: number;
  onError(error: unknown, req: express.Request): void;
}

type Stage = NodeJS.ReadableStream | NodeJS.ReadWriteStream;

interface Writer {
  /** Needs every record's older versions and related records (NDJSON's every field). */
  history: boolean;
  /** The stages that turn records into the file's bytes. */
  write(records: AsyncIterable<RenderedRecord>, base: string): Stage[];
}

/**
 * /open-data/: the whole public register as files, streamed from a snapshot of the read model
 * (never the register in memory). Every answer carries the change-log position it reflects
 * (X-Register-Position; a mirror replays the change feed from there), an ETag and Last-Modified
 * derived from that position, so an unchanged download answers 304 without reading a record (the
 * position is kept in the process until the register changes).
 */
export function openDataRouter(options: OpenDataOptions): express.Router {
  const router = express.Router();
  const writers: Record<string, Writer> = {
    'processing-activities.csv': { history: false, write: (records) => csv(records, ACTIVITY_COLUMNS, (r) => [r]) },
    'processing-activities-data-items.csv': { history: false, write: (records) => csv(records, DATA_ITEM_COLUMNS, dataItemRows) },
    'processing-activities.ndjson': { history: true, write: (records) => [Readable.from(ndjson(records))] },
    'processing-activities.jsonld': { history: false, write: (records, base) => [Readable.from(jsonld(records, base))] },
  };
  let streaming = 0;

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
      const head = await options.records.head();
      if (conditional(req, res, head, 'catalog', options.maxAgeSeconds)) return;
      res.type('application/ld+json').send(JSON.stringify(catalog({ ...options.settings, base: baseOf(req, options.settings.base) }, head.modifiedAt, head.position), null, 2));
    } catch (e) {
      next(e);
    }
  });

  router.get('/open-data/:file', async (req, res, next) => {
    const writer = Object.hasOwn(writers, req.params.file) ? writers[req.params.file] : undefined;
    const download = DOWNLOADS.find((d) => d.file === req.params.file);
    if (!writer || !download) return next();
    let opened: RegisterDownload | null = null;
    let counted = false;
    const release = async () => {
      if (counted) streaming--;
      counted = false;
      await opened?.close();
    };
    try {
      const scope = await scopeOf(req, options.records);
      if ('error' in scope) {
        res.status(scope.status).json({ errors: [{ message: scope.error, extensions: { code: scope.code } }] });
        return;
      }
      const variant = `${download.file}|${scope.organisation?.id ?? ''}|${scope.ownOnly ? 'own' : 'tree'}`;
      if (conditional(req, res, await options.records.head(), variant, options.maxAgeSeconds)) return;
      if (streaming >= options.maxConcurrentDownloads) {
        // Not the file: no validators, and nothing a cache may keep.
        for (const header of ['ETag', 'Last-Modified', 'X-Register-Position']) res.removeHeader(header);
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Retry-After', '5');
        res.status(503).json({ errors: [{ message: `This server is streaming ${streaming} downloads at once, its limit; try again in a few seconds.`, extensions: { code: 'DOWNLOADS_BUSY' } }] });
        return;
      }
      streaming++;
      counted = true;
      opened = await options.records.open(scope, { history: writer.history });
      // The snapshot may be newer than the head read a moment ago: its own position is what the file shows.
      if (conditional(req, res, opened.head, variant, options.maxAgeSeconds)) return await release();
      res.type(download.mediaType === 'text/csv' ? 'text/csv; charset=utf-8' : download.mediaType);
      res.setHeader('Content-Disposition', `attachment; filename="${download.file}"`);
    } catch (e) {
      await release();
      return next(e);
    }
    try {
      // A client that stops reading would hold the snapshot's connection; past the idle limit it is cut off.
      res.setTimeout(options.idleTimeoutMs, () => res.destroy(new Error(`download idle for ${options.idleTimeoutMs} ms`)));
      // From here on the status line is sent: a failure can only cut the transfer short (the
      // client sees an incomplete chunked body), never end it as if the file were whole.
      await pipeline([...writer.write(opened.records, baseOf(req, options.settings.base)), res]);
    } catch (e) {
      options.onError(e, req);
      res.destroy(e instanceof Error ? e : undefined);
    } finally {
      await release();
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

async function scopeOf(req: express.Request, records: RecordSource): Promise<RecordScope | { error: string; code: string; status: number }> {
  const ref = req.query.organisation;
  const sub = req.query.subOrganisations;
  if (ref === undefined) return {};
  if (typeof ref !== 'string' || ref === '' || ref.length > 300 || (sub !== undefined && sub !== 'true' && sub !== 'false')) {
    return { error: 'organisation names one organisation (global id, TOOI URI or OIN); subOrganisations is true or false.', code: 'BAD_USER_INPUT', status: 400 };
  }
  const organisation = await records.organisation(ref);
  if (!organisation) return { error: 'No such organisation in the register.', code: 'NOT_FOUND', status: 404 };
  return { organisation, ownOnly: sub === 'false' };
}

function baseOf(req: express.Request, configured: string | null): string {
  return configured ?? `${req.protocol}://${req.get('host')}`;
}

/** CSV rows through csv-stringify (RFC 4180 quoting); pipeline() carries backpressure and a failure through both stages. */
function csv<Row>(records: AsyncIterable<RenderedRecord>, columns: CsvColumn<Row>[], rowsOf: (record: PublicRecord) => Row[]): Stage[] {
  async function* cells() {
    for await (const record of records) for (const row of rowsOf(RecordRenderer.record(record))) yield columns.map((c) => c.value(row) ?? '');
  }
  return [Readable.from(cells()), stringify({ bom: true, header: true, columns: columns.map((c) => c.name), cast: { boolean: (b) => (b ? 'true' : 'false') } })];
}

async function* ndjson(records: AsyncIterable<RenderedRecord>): AsyncGenerator<string> {
  for await (const record of records) yield RecordRenderer.ndjsonLine(record);
}

async function* jsonld(records: AsyncIterable<RenderedRecord>, base: string): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(DPV_CONTEXT)},"@graph":[\n`;
  let first = true;
  for await (const record of records) {
    yield `${first ? '' : ',\n'}${JSON.stringify(recordAsDpv(base, RecordRenderer.record(record)))}`;
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
