import {
  astFromValue,
  getNullableType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  type OperationDefinitionNode,
  typeFromAST,
  valueFromASTUntyped,
} from 'graphql';

type Filler = (value: unknown) => void;

/**
 * graphql-jit refuses an omitted input-object field of a non-null type that has a default
 * (`publish: Boolean! = false`) instead of using the default as graphql-js and the spec do
 * (graphql-jit#142). This fills such defaults into the request's variables before graphql-jit
 * coerces them. Built once per operation; it walks only the input types that (transitively) have
 * fields with defaults, so it is far cheaper than a second coercion.
 */
export function inputDefaultsFiller(schema: GraphQLSchema, operation: OperationDefinitionNode): ((variables: Record<string, unknown>) => void) | null {
  const memo = new Map<GraphQLInputObjectType, Filler | null>();
  const fillers = (operation.variableDefinitions ?? []).flatMap((d) => {
    const type = typeFromAST(schema, d.type as never) as GraphQLInputType | undefined;
    const fill = type ? fillerFor(type, memo) : null;
    return fill ? [[d.variable.name.value, fill] as const] : [];
  });
  if (!fillers.length) return null;
  return (variables) => {
    for (const [name, fill] of fillers) fill(variables[name]);
  };
}

function fillerFor(type: GraphQLInputType, memo: Map<GraphQLInputObjectType, Filler | null>): Filler | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = fillerFor(nullable.ofType as GraphQLInputType, memo);
    // A single value where a list is expected is coerced to a list of one: fill it as an item.
    return item && ((value) => (Array.isArray(value) ? value.forEach(item) : item(value)));
  }
  return isInputObjectType(nullable) ? objectFiller(nullable, memo) : null;
}

function objectFiller(type: GraphQLInputObjectType, memo: Map<GraphQLInputObjectType, Filler | null>): Filler | null {
  if (memo.has(type)) return memo.get(type)!;
  let built: Filler | null = null;
  memo.set(type, (value) => built?.(value)); // recursive input types reach themselves through this
  const defaults: [string, () => unknown][] = [];
  const nested: [string, Filler][] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.defaultValue !== undefined) {
      // As a client would send it (enum names, plain lists), so that graphql-jit coerces it like any input.
      const external = valueFromASTUntyped(astFromValue(field.defaultValue, field.type)!);
      defaults.push([field.name, typeof external === 'object' && external !== null ? () => structuredClone(external) : () => external]);
    }
    const fill = fillerFor(field.type, memo);
    if (fill) nested.push([field.name, fill]);
  }
  if (defaults.length || nested.length) {
    built = (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return; // not an object: coercion reports it
      const object = value as Record<string, unknown>;
      for (const [name, make] of defaults) if (object[name] === undefined) object[name] = make();
      for (const [name, fill] of nested) if (object[name] != null) fill(object[name]);
    };
  }
  memo.set(type, built);
  return built;
}
