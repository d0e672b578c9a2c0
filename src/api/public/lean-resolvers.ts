import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * The public surface answers pages of hundreds of nested objects, so it avoids type-graphql's
 * per-call wrappers where they do nothing:
 *
 * - Public object types are declared with `simpleResolvers: true`: their plain fields get no
 *   wrapper, and the executor reads the property directly. Without the wrapper type-graphql would
 *   not run @Authorized or middlewares on such fields, so `refuseGuardedPlainFields` refuses them.
 * - `callFieldResolversDirectly`: a field resolver that takes only @Root(), @Ctx() and optionally
 *   @Info() is called as a plain method. type-graphql's wrapper would, on every call, copy a root
 *   that is not an instance of its type into one, sort and map the parameter list and dispatch
 *   middlewares (a page of 50 records makes some 400 such calls). Public field resolvers have no
 *   middlewares or auth (refused below), the schema validates nothing, and they only read their
 *   root's properties, so a plain object root does as well as an instance.
 */
export function refuseGuardedPlainFields(): void {
  for (const type of getMetadataStorage().objectTypes) {
    if (!type.simpleResolvers) continue;
    for (const field of type.fields ?? []) {
      if (field.roles !== undefined || field.middlewares?.length) {
        throw new Error(`${type.name}.${field.name}: @Authorized or middleware on a field of a simpleResolvers type would not run`);
      }
    }
  }
}

type ResolverClass = new () => object;

export function callFieldResolversDirectly(schema: GraphQLSchema, resolvers: readonly ResolverClass[]): void {
  const storage = getMetadataStorage();
  for (const Resolver of resolvers) {
    const instance = new Resolver() as Record<string, (root: unknown, ctx: unknown, info: unknown) => unknown>;
    // Field resolvers declared on this class or inherited from a base class (contentFieldsResolver).
    for (const meta of storage.fieldResolvers.filter((m) => m.target === Resolver || Resolver.prototype instanceof m.target)) {
      if (meta.roles !== undefined || meta.middlewares?.length) throw new Error(`${Resolver.name}.${meta.methodName}: public field resolvers take no @Authorized or middleware`);
      const params = [...meta.params!].sort((a, b) => a.index - b.index);
      const kinds = params.map((p) => p.kind).join();
      if ((kinds !== 'root,context' && kinds !== 'root,context,info') || params.some((p) => 'propertyName' in p && p.propertyName)) continue;
      const typeName = storage.objectTypes.find((t) => t.target === meta.getObjectType!())!.name;
      const method = instance[meta.methodName];
      const resolve: GraphQLFieldResolver<unknown, unknown> = (root, _args, ctx, info) => method.call(instance, root, ctx, info);
      (schema.getType(typeName) as GraphQLObjectType).getFields()[meta.schemaName].resolve = resolve;
    }
  }
}
