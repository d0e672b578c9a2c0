import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { inputDefaultsFiller } from './input-defaults';

const schema = buildSchema(`
  enum Mode { UPSERT REPLACE }
  input Item { name: String!, publish: Boolean! = false, tags: [String!]! = [], sub: Sub }
  input Sub { level: Int! = 1 }
  input Batch { mode: Mode! = UPSERT, items: [Item!]!, note: String }
  input Plain { a: String }
  type Query { ok: Boolean }
  type Mutation { sync(input: Batch!, plain: Plain): Boolean }
`);
const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

test('fills omitted defaults of input-object fields, in nested objects and list items, as a client would send them', () => {
  const fill = inputDefaultsFiller(schema, operation(`mutation M($input: Batch!) { sync(input: $input) }`))!;
  const variables: Record<string, unknown> = { input: { items: [{ name: 'a' }, { name: 'b', publish: true, tags: ['x'], sub: {} }] } };
  fill(variables);
  expect(variables).toEqual({
    input: { mode: 'UPSERT', items: [{ name: 'a', publish: false, tags: [] }, { name: 'b', publish: true, tags: ['x'], sub: { level: 1 } }] },
  });
});

test('gives every item its own copy of a list default, and leaves explicit nulls and non-objects for coercion to judge', () => {
  const fill = inputDefaultsFiller(schema, operation(`mutation M($input: Batch!) { sync(input: $input) }`))!;
  const variables: Record<string, unknown> = { input: { items: [{ name: 'a' }, { name: 'b' }, 'not an object'], note: null } };
  fill(variables);
  const [a, b, c] = (variables.input as { items: unknown[] }).items as { tags: string[] }[];
  expect(a.tags).not.toBe(b.tags);
  expect(c).toBe('not an object');
  expect((variables.input as { note: unknown }).note).toBeNull();
});

test('is null for an operation whose variables have no defaults to fill', () => {
  expect(inputDefaultsFiller(schema, operation(`mutation M($plain: Plain) { sync(input: { items: [] }, plain: $plain) }`))).toBeNull();
});
