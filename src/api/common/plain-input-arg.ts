import { type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { createParameterDecorator, Extensions } from 'type-graphql';

type ReturnTypeFunc = NonNullable<NonNullable<Parameters<typeof createParameterDecorator>[1]>['arg']>['typeFunc'];

/**
 * A resolver argument handed over as GraphQL coerced it (plain objects), declared in the schema
 * exactly like `@Arg(name, typeFunc)`.
 *
 * Why: type-graphql copies every input object of an argument into an instance of its class, walking
 * the whole value and looking each nested type up again per object. For a sync batch (100 records,
 * ~2,000 nested input objects, ~300 KB) that was ~5 ms of Node CPU and ~30 MB of garbage per
 * request (issue 5's sync profile), for instances nobody needs: the services take plain data.
 * Input classes may carry property initialisers; they are also the schema's default values, so
 * GraphQL's coercion has already filled them in (input-defaults.ts for graphql-jit).
 *
 * `skipInstanceCopies(schema)` must run on the built schema to save the copy: it moves such
 * arguments out of type-graphql's sight before its handler runs. Without it the resolver still
 * receives the plain value (type-graphql then copies and discards it: slower, same answer).
 * Validation (class-validator) does not apply to such an argument; the schemas run with
 * `validate: false` and the services validate themselves.
 */
export function PlainInputArg(name: string, typeFunc: ReturnTypeFunc): ParameterDecorator {
  const declareArg = createParameterDecorator(({ args }) => (plainArgsOf(args) ?? args)[name], { arg: { name, typeFunc } });
  return (prototype, propertyKey, parameterIndex) => {
    if (typeof propertyKey !== 'string') throw new Error('@PlainInputArg needs a named method.');
    declareArg(prototype, propertyKey, parameterIndex);
    Extensions({ [extensionKey(name)]: true })(prototype, propertyKey);
  };
}

/** Wraps the root fields that have @PlainInputArg arguments; see PlainInputArg. Returns the schema. */
export function skipInstanceCopies(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const plainNames = field.args.map((a) => a.name).filter((n) => field.extensions[extensionKey(n)] === true);
      const resolve = field.resolve;
      if (!plainNames.length || !resolve) continue;
      field.resolve = hidePlainArgs(resolve, plainNames);
    }
  }
  return schema;
}

const PLAIN_ARGS = Symbol('plainInputArgs');
type ArgsWithPlain = Record<string, unknown> & { [PLAIN_ARGS]?: Record<string, unknown> };

const extensionKey = (argName: string) => `plainInputArg:${argName}`;
const plainArgsOf = (args: ArgsWithPlain) => args[PLAIN_ARGS];

function hidePlainArgs(resolve: GraphQLFieldResolver<unknown, unknown>, plainNames: string[]): GraphQLFieldResolver<unknown, unknown> {
  return (root, args: Record<string, unknown>, context, info) => {
    const visible: ArgsWithPlain = { ...args, [PLAIN_ARGS]: {} };
    for (const name of plainNames) {
      visible[PLAIN_ARGS]![name] = args[name];
      visible[name] = undefined; // type-graphql's conversion passes undefined through untouched
    }
    return resolve(root, visible, context, info);
  };
}
