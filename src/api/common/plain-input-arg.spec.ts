import { graphql, printSchema, type GraphQLSchema } from 'graphql';
import { Authorized, buildSchema, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PlainInputArg, skipInstanceCopies } from './plain-input-arg';

let instancesMade = 0;

@InputType()
class PlainSpecItem {
  constructor() {
    instancesMade++;
  }

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  tags: string[] = [];
}

@InputType()
class PlainSpecBatch {
  constructor() {
    instancesMade++;
  }

  @Field(() => [PlainSpecItem])
  items!: PlainSpecItem[];

  @Field(() => Int, { nullable: true })
  limit?: number | null;
}

const received: unknown[] = [];

@Resolver()
class PlainSpecResolver {
  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => Int)
  push(@PlainInputArg('input', () => PlainSpecBatch) input: PlainSpecBatch): number {
    received.push(input);
    return input.items.length;
  }

  @Authorized()
  @Mutation(() => Int)
  guarded(@PlainInputArg('input', () => PlainSpecBatch) input: PlainSpecBatch): number {
    return input.items.length;
  }
}

const build = () =>
  buildSchema({
    resolvers: [PlainSpecResolver],
    validate: false,
    authChecker: () => false,
  });
const push = async (schema: GraphQLSchema) => {
  instancesMade = 0; // building the schema instantiates input classes once to read their defaults
  const result = await graphql({ schema, source: 'mutation($input: PlainSpecBatch!) { push(input: $input) }', variableValues: { input: { items: [{ name: 'a' }, { name: 'b', tags: ['x'] }] } } });
  return { result, input: received.at(-1) as PlainSpecBatch };
};

beforeEach(() => {
  received.length = 0;
});

test('declares the argument in the schema like @Arg', async () => {
  const sdl = printSchema(await build());
  expect(sdl).toContain('push(input: PlainSpecBatch!): Int!');
  expect(sdl).toContain('tags: [String!]! = []');
});

test('with skipInstanceCopies: the resolver gets the coerced value as plain objects, defaults filled, and no input class is instantiated', async () => {
  const { result, input } = await push(skipInstanceCopies(await build()));
  expect(result).toEqual({ data: { push: 2 } });
  expect(input).toEqual({ items: [{ name: 'a', tags: [] }, { name: 'b', tags: ['x'] }] });
  expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
  expect(Object.getPrototypeOf(input.items[0])).toBe(Object.prototype);
  expect(instancesMade).toBe(0);
});

test('without skipInstanceCopies: the same plain value (type-graphql copies it into instances and the copy is discarded)', async () => {
  const { result, input } = await push(await build());
  expect(result).toEqual({ data: { push: 2 } });
  expect(input).toEqual({ items: [{ name: 'a', tags: [] }, { name: 'b', tags: ['x'] }] });
  expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
  expect(instancesMade).toBe(3); // the batch and its two items
});

test('authorisation still runs before the resolver on a wrapped field', async () => {
  const result = await graphql({ schema: skipInstanceCopies(await build()), source: 'mutation { guarded(input: { items: [{ name: "a" }] }) }' });
  expect(result.errors?.[0]?.message).toMatch(/Access denied/);
  expect(result.data).toBeNull();
});
