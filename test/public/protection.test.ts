import http from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '../../src/api/common/error-masking';
import { LIMITS } from '../../src/server/app';
import { startTestServer, type TestServer } from '../support/test-server';
import { ProcessingActivitiesPageDocument } from '../generated/public/graphql';
import { codes } from './support/public-helpers';

/** The public endpoint's protections: depth, cost and body limits, CSRF prevention, masked errors, no internal names. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const httpGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) =>
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on('error', reject),
  );
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(`${server.url}/graphql`, { method: 'POST', headers, body });

/** No stack trace, SQL or file path anywhere in a response body. */
function expectNoInternals(raw: string) {
  expect(raw).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|node_modules|\/src\//i);
  expect(raw).not.toMatch(/\b(select|insert|update|delete)\b.+\b(from|into|set)\b|processing_activity_version|invalid input syntax|relation "/i);
}

describe('query limits', () => {
  test(`depth over ${LIMITS.public.maxDepth} is refused with QUERY_DEPTH_LIMIT naming the limit`, async () => {
    // organisations is level 1; nested(n) puts a field at level n + 2.
    const nested = (n: number): string => (n === 0 ? 'name' : `name children { ${nested(n - 1)} }`);
    const ok = await server.publicClient.request(`{ organisations { ${nested(LIMITS.public.maxDepth - 2)} } }`);
    expect(ok.errors).toBeUndefined();
    const res = await server.publicClient.request(`{ organisations { ${nested(LIMITS.public.maxDepth - 1)} } }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_DEPTH_LIMIT']);
    expect(res.errors![0].message).toContain(String(LIMITS.public.maxDepth));
    expect(res.data).toBeUndefined();
  });

  test('depth counts through fragments', async () => {
    const res = await server.publicClient.request(
      `{ organisations { ...A } } fragment A on Organisation { children { ...B } } fragment B on Organisation { children { children { children { children { children { children { children { children { children { name } } } } } } } } } }`,
    );
    expect(codes(res)).toEqual(['QUERY_DEPTH_LIMIT']);
  });

  test('an organisation’s register is asked for one organisation at a time, never below a list (through fragments too), before anything runs', async () => {
    const tooi = 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553';
    const one = await server.publicClient.request(`{ organisation(tooi: "${tooi}") { processingActivities(first: 5) { totalCount } parent { name } } }`);
    expect(one.errors).toBeUndefined();
    for (const query of [
      `{ organisations(all: true) { processingActivities(first: 1) { totalCount } } }`,
      `{ organisations { children { processingActivities { totalCount } } } }`,
      `{ processingActivities(first: 100) { edges { node { organisation { processingActivities { totalCount } } } } } }`,
      `{ organisation(tooi: "${tooi}") { processingActivities { edges { node { sharedWith { processingActivities { totalCount } } } } } } }`,
      `{ changes { edges { node { organisation { ...Register } } } } } fragment Register on Organisation { processingActivities { totalCount } }`,
      `{ organisations { ... on Organisation { processingActivities { totalCount } } } }`,
    ]) {
      const res = await server.publicClient.request(query);
      expect({ query, status: res.status, codes: codes(res), data: res.data }).toEqual({ query, status: 400, codes: ['QUERY_NESTED_LISTING'], data: undefined });
    }
  });

  test(`cost over ${LIMITS.public.maxComplexity} is refused with QUERY_COST_LIMIT naming the limit`, async () => {
    const fields = 'id reference title description purposes { description legalBasis { code label dpvIri } } recipients { description } dataSubjectGroups { description dataItems { description retention { text } } }';
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: processingActivities(first: 100) { edges { node { ${fields} } } }`).join(' ');
    expect((await server.publicClient.request(`{ ${aliases(1)} }`)).errors).toBeUndefined();
    const res = await server.publicClient.request(`{ ${aliases(20)} }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_COST_LIMIT']);
    expect(res.errors![0].message).toContain(String(LIMITS.public.maxComplexity));
  });

  test('the cost follows the page size given in variables', async () => {
    const query = `query($first: Int!) { ${Array.from({ length: LIMITS.public.maxRootFields }, (_, i) => `a${i}: processingActivities(first: $first) { edges { node { id title description purposes { description } recipients { description } dataSubjectGroups { description dataItems { description } } } } }`).join(' ')} }`;
    expect((await server.publicClient.request(query, { first: 1 })).errors).toBeUndefined();
    expect(codes(await server.publicClient.request(query, { first: 100 }))).toEqual(['QUERY_COST_LIMIT']);
  });

  test('a body over 64kb is refused with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(70 * 1024)}` }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const justUnder = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(60 * 1024)}` }));
    expect(justUnder.status).toBe(200);
  });
});

describe('GET links and CSRF prevention', () => {
  test('the public surface answers a plain GET link (it carries no cookies, so there is no request to forge); the sync surface refuses one', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ organisations { name } }')}`;
    const plain = await fetch(url);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain('Ministerie van Defensie');
    const sync = await fetch(`${server.url}/sync/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(sync.status).toBe(400);
    expect(await sync.text()).toMatch(/Cross-Site Request Forgery/);
  });

  test('a GET answer has an ETag and a matching If-None-Match gets 304 without a body; POST answers carry none', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ organisations { name } }')}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await httpGet(url, headers);
    const etag = String(first.headers.etag);
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a request with If-None-Match.
    const again = await httpGet(url, { ...headers, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const other = await httpGet(url, { ...headers, 'if-none-match': '"0-stale"' });
    expect(other.status).toBe(200);
    const posted = await post(JSON.stringify({ query: '{ organisations { name } }' }));
    expect(posted.status).toBe(200);
    expect(posted.headers.get('etag')).toBeNull();
  });

  test('a POST with content-type text/plain is refused with 400', async () => {
    const res = await post(JSON.stringify({ query: '{ organisations { name } }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('Ministerie');
  });
});

describe('errors', () => {
  test('a BAD_USER_INPUT error carries no stack trace', async () => {
    const res = await server.publicClient.request(ProcessingActivitiesPageDocument, { first: 101 });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions).not.toHaveProperty('stacktrace');
    expectNoInternals(res.raw);
  });

  test('inputs PostgreSQL cannot take are BAD_USER_INPUT, never a database error', async () => {
    // A forged RELEVANCE cursor with text for the rank, and NUL bytes, used to reach PostgreSQL and fail there.
    const relevanceCursor = Buffer.from(JSON.stringify(['RELEVANCE', 'abc', '2b7e2a13-7011-4ae2-8984-987d2c9efddd'])).toString('base64url');
    const nulCursor = Buffer.from(JSON.stringify(['TITLE_ASC', 'a\u0000', '2b7e2a13-7011-4ae2-8984-987d2c9efddd'])).toString('base64url');
    for (const variables of [{ search: 'chatbot', after: relevanceCursor }, { after: nulCursor }, { search: 'a\u0000b' }, { filter: { recipient: 'a\u0000' } }]) {
      const res = await server.publicClient.request(ProcessingActivitiesPageDocument, variables);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expectNoInternals(res.raw);
    }
  });

  test('malformed requests get a clear message without internals', async () => {
    const badJson = await post('{"query": ');
    expect(badJson.status).toBe(400);
    expectNoInternals(await badJson.text());
    const syntax = await server.publicClient.request('{ processingActivities( }');
    expect(codes(syntax)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expectNoInternals(syntax.raw);
    const unknown = await server.publicClient.request('{ processingActivities { edges { node { contactPersons { name } } } } }');
    expect(codes(unknown)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expectNoInternals(unknown.raw);
  });

  describe('maskError', () => {
    const sqlError: GraphQLFormattedError = {
      message: 'select "v".* from "processing_activity_version" as "v" where "v"."status" = $1 - invalid input syntax for type real: "abc"',
      path: ['processingActivities'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['error: invalid input syntax', '    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:287:98)'] },
    };

    test('an error carrying SQL becomes a generic message with no stack', () => {
      const masked = maskError(sqlError, new Error(sqlError.message));
      expect(masked).toEqual({ message: 'Internal server error', path: ['processingActivities'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    });

    test('an error without a code is masked too', () => {
      const masked = maskError({ message: 'relation "audit_log" does not exist' }, new Error('x'));
      expect(masked.message).toBe('Internal server error');
      expect(JSON.stringify(masked)).not.toContain('audit_log');
    });

    test('a caller error keeps its message but loses the stack', () => {
      const masked = maskError({ message: 'first must be between 0 and 100.', extensions: { code: 'BAD_USER_INPUT', argument: 'first', stacktrace: ['at x (/src/y.ts:1:1)'] } }, null);
      expect(masked).toEqual({ message: 'first must be between 0 and 100.', extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    });
  });
});

describe('introspection shows no internal names', () => {
  const FORBIDDEN = /contactpersons?|^security$|securitymeasures|^systems?$|^dpia$|dpiascreening|^remarks?$|^attachments?$|^token$|apitoken|audit|^withheld$|withheldreason|contenthash|searchtext|searchvector|^status$|publishfrom|draft/i;

  test('no type, field, argument, input field or enum value has an internal name', async () => {
    const { __schema } = await server.publicClient.query<{
      __schema: { types: { name: string; fields: { name: string; args: { name: string }[] }[] | null; inputFields: { name: string }[] | null; enumValues: { name: string }[] | null }[] };
    }>(`{ __schema { types { name fields { name args { name } } inputFields { name } enumValues { name } } } }`);
    const names = __schema.types.flatMap((t) => [
      t.name,
      ...(t.fields ?? []).flatMap((f) => [f.name, ...f.args.map((a) => a.name)]),
      ...(t.inputFields ?? []).map((f) => f.name),
      ...(t.enumValues ?? []).map((v) => v.name),
    ]);
    expect(names).toContain('ProcessingActivity'); // the query really returned the schema
    expect(names).toContain('retention');
    expect(names.filter((n) => FORBIDDEN.test(n))).toEqual([]);
    // Substring matches as well, for the names that are never harmless.
    expect(names.filter((n) => /contactperson|securitymeasure|dpia|attachment|apitoken|withheld|contenthash|searchvector|searchtext|publishfrom/i.test(n))).toEqual([]);
  });
});
