import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * An operation type the schema has no root for (a mutation sent to the read-only public surface, a
 * subscription anywhere) is the caller's mistake: 400 OPERATION_NOT_SUPPORTED, said before
 * execution. Left to the executor it failed as an internal error.
 */
export function supportedOperationsPlugin(hint: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (!operation || schema.getRootType(operation.operation)) return;
          throw new GraphQLError(`This endpoint does not support ${operation.operation} operations. ${hint}`, {
            extensions: { code: 'OPERATION_NOT_SUPPORTED', operation: operation.operation, http: { status: 400 } },
          });
        },
      };
    },
  };
}
