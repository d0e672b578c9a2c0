import { type FieldNode, type OperationDefinitionNode, parse, type SelectionSetNode } from 'graphql';
import { DEFENSIE, Fixtures, markedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { ALL_ACTIVITY_FIELDS, ALL_VERSION_FIELDS } from './activity-fields';

/**
 * The loaders read only the columns of the fields a request selects (src/api/public/selection.ts).
 * Every field must therefore answer the same whether it is asked for alone or with all the others.
 */

let server: TestServer;
let statements: string[] | null = null;

beforeAll(async () => {
  server = await startTestServer();
  const fixtures = new Fixtures(server.db.orm);
  const knex = server.db.orm.em.getKnex();
  // Values for the fields that neither markedContent nor the seeds fill, so every field has one somewhere.
  await knex('organisation').where({ name: DEFENSIE }).update({
    oin: '00000001003214345000',
    email: 'privacy@example.org',
    phone: '0701234567',
    ...{ visiting_line: 'Kalvermarkt 32', visiting_postal_code: '2511 CB', visiting_city: 'Den Haag', visiting_country_code: 'NL' },
    ...{ postal_line: 'Postbus 20701', postal_postal_code: '2500 ES', postal_city: 'Den Haag', postal_country_code: 'NL' },
  });
  for (let i = 0; i < 3; i++) {
    const c = markedContent(`Selectie${i}`);
    c.recipientsNone = false;
    c.dataSubjectGroups[0].noSpecialCategories = false;
    c.thirdCountryTransfers!.transfers!.push({ internationalOrganisation: `Selectie${i} organisatie`, recipientName: `Selectie${i} ontvanger` });
    c.processors = [{ name: `Selectie${i} verwerker`, kind: 'Agentschap', email: 'verwerker@example.org', phone: '0307654321', organisationOin: '00000001003214345000' }];
    await fixtures.save(`SEL-${i}`, c);
  }
  server.db.orm.em.getKnex().on('query', (q: { sql: string }) => statements?.push(q.sql));
}, 120_000);
afterAll(() => server?.close());

const page = async (nodeFields: string, fragments = '') => {
  const data = await server.publicClient.query<{ processingActivities: { edges: { node: Record<string, unknown> }[] } }>(
    // 90: every record of this file on one page, every field of each within the cost limit.
    `{ processingActivities(first: 90) { edges { node { id ${nodeFields} } } } } ${fragments}`,
  );
  return data.processingActivities.edges.map((e) => e.node);
};

/** Every leaf of a selection, as field-name paths. */
function leafPaths(set: SelectionSetNode, prefix: string[] = []): string[][] {
  return set.selections.flatMap((s) => {
    const field = s as FieldNode;
    const path = [...prefix, field.name.value];
    return field.selectionSet ? leafPaths(field.selectionSet, path) : [path];
  });
}

/** The selection text that asks for exactly this path. */
const selectionOf = (path: string[]): string => path.reduceRight((inner, name) => (inner ? `${name} { ${inner} }` : name), '');

/** The part of an answer that lies on this path (lists and nulls kept as they are). */
function project(value: unknown, path: string[]): unknown {
  if (!path.length || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => project(v, path));
  const [name, ...rest] = path;
  return { [name]: project((value as Record<string, unknown>)[name], rest) };
}

/** Every value on this path (through lists and nested objects). */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (!path.length || value === null || value === undefined) return [value];
  return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

/** Every public field of an activity, and its organisation's addresses (which ALL_ACTIVITY_FIELDS leaves out). */
const FIELDS = `${ALL_ACTIVITY_FIELDS} organisation { visitingAddress { line postalCode city countryCode } postalAddress { line postalCode city countryCode } }`;
/** The same, of a version: sharedWith is the record's, not a version's. */
const VERSION_FIELDS = `${ALL_VERSION_FIELDS} organisation { visitingAddress { line postalCode city countryCode } postalAddress { line postalCode city countryCode } }`;
const ALL_LEAVES = leafPaths((parse(`{ ${FIELDS} }`).definitions[0] as OperationDefinitionNode).selectionSet);

test('every field has a value in some record (a field whose column is not read would be null everywhere)', async () => {
  const nodes = await page(FIELDS);
  const empty = ALL_LEAVES.map((p) => p.join('.')).filter((p) => !valuesAt(nodes, p.split('.')).some((v) => v !== null && v !== undefined));
  expect(empty).toEqual([]);
});

test('every field answers alone what it answers among all the others', async () => {
  const full = await page(FIELDS);
  expect(full.filter((n) => String(n.title).startsWith('Selectie'))).toHaveLength(3);
  expect(ALL_LEAVES.length).toBeGreaterThan(60);
  for (const path of ALL_LEAVES) {
    const alone = await page(selectionOf(path));
    expect({ path: path.join('.'), nodes: alone }).toEqual({ path: path.join('.'), nodes: full.map((n) => ({ id: n.id, ...(project(n, path) as object) })) });
  }
});

test('one field asked for in two fragments with different sub-fields gets the sub-fields of both', async () => {
  const merged = await page(
    'purposes { description } ... on ProcessingActivity { purposes { legalBasis { label } } } dataSubjectGroups { dataItems { description } } ...Items',
    'fragment Items on ProcessingActivity { dataSubjectGroups { dataItems { retention { text } } } }',
  );
  const separate = await page('purposes { description legalBasis { label } } dataSubjectGroups { dataItems { description retention { text } } }');
  expect(merged).toEqual(separate);
});

test('history entries that show data items by description read no other column of data_item', async () => {
  // A page's current versions come with their pre-rendered documents; history entries load their
  // nested content level by level, with only the columns asked for.
  statements = [];
  await page('history { dataSubjectGroups { dataItems { description } } }');
  const items = statements.filter((sql) => /from data_item/.test(sql));
  statements = null;
  expect(items).toHaveLength(1);
  expect(items[0]).toMatch(/^select group_id as "_key", description as "description" from data_item /);
});

test('a page of current versions reads their nested content from the pre-rendered documents: no statement per nesting level', async () => {
  statements = [];
  await page('purposes { description statutoryReferences { title } } dataSubjectGroups { dataItems { description } } recipients { description } controllers { name } thirdCountryTransfers { transfers { recipientName } }');
  const levels = statements.filter((sql) => /from (purpose|statutory_reference|data_subject_group|data_item|recipient|processing_party|third_country_transfer)\b/.test(sql));
  const pages = statements.filter((sql) => /"f"\."document"/.test(sql));
  statements = null;
  expect(levels).toEqual([]);
  expect(pages).toHaveLength(1);
});

test("a page reads its data items' retention rules (kept beside the document) only when it shows them", async () => {
  const rulesRead = async (selection: string, fragments = ''): Promise<{ rulesColumn: boolean; rules: unknown[] }> => {
    statements = [];
    const nodes = await page(selection, fragments);
    const pages = statements.filter((sql) => /"f"\."document"/.test(sql));
    statements = null;
    expect(pages).toHaveLength(1);
    return { rulesColumn: /data_item_retention_rules/.test(pages[0]), rules: valuesAt(nodes, ['dataSubjectGroups', 'dataItems', 'retention', 'rules']) };
  };
  const without = await rulesRead('dataSubjectGroups { dataItems { description retention { text } } }');
  expect(without.rulesColumn).toBe(false);
  const withRules = await rulesRead('dataSubjectGroups { dataItems { retention { rules { kind duration sourceFragment } } } }');
  expect(withRules.rulesColumn).toBe(true);
  expect(withRules.rules.flat().length).toBeGreaterThan(3);
  // Through a fragment, as codegen's documents ask.
  const fragment = await rulesRead('...Rules', 'fragment Rules on ProcessingActivity { dataSubjectGroups { dataItems { retention { rules { kind duration sourceFragment } } } } }');
  expect(fragment).toEqual(withRules);
});

test('every field of the current version answers from its document what the loaders answer for the same version', async () => {
  // The newest history entry is the current version, its nested content loaded from the tables.
  // Pages of 5: the content twice over costs more than the limit for a page of 100.
  const nodes: Record<string, unknown>[] = [];
  for (let after: string | null = null, more = true; more; ) {
    const data: { processingActivities: { edges: { node: Record<string, unknown> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await server.publicClient.query(
      `query ($after: String) { processingActivities(first: 5, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id ${FIELDS} history { ${VERSION_FIELDS} } } } } }`,
      { after },
    );
    nodes.push(...data.processingActivities.edges.map((e) => e.node));
    ({ hasNextPage: more, endCursor: after } = data.processingActivities.pageInfo);
  }
  expect(nodes.filter((n) => String(n.title).startsWith('Selectie'))).toHaveLength(3);
  for (const node of nodes) {
    const { id: _id, history, sharedWith: _sharedWith, ...current } = node as Record<string, unknown> & { history: Record<string, unknown>[] };
    const { id: _versionId, ...loaded } = history[0];
    expect({ reference: node.reference, content: current }).toEqual({ reference: node.reference, content: loaded });
  }
});
