import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../../database/availability';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
const MESSAGE = 'The register is temporarily unavailable (its database cannot be reached). Try again later.';

/** What a caller sees when its request failed because the database is unreachable: the service's fault, temporary. */
export function serviceUnavailableError(formatted: Pick<GraphQLFormattedError, 'locations' | 'path'>): GraphQLFormattedError {
  return { message: MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: SERVICE_UNAVAILABLE } };
}

/**
 * An answer with a SERVICE_UNAVAILABLE error gets HTTP 503 (and Retry-After), so clients, load
 * balancers and monitors see an outage rather than a 200 with an error inside. Works on the
 * formatted errors, so it holds for graphql-jit and graphql-js alike (maskError classifies).
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        },
      };
    },
  };
}

/**
 * Context creation that fails for want of a database (the sync surface looks the token up)
 * answers 503 SERVICE_UNAVAILABLE; Apollo would answer 500 "Context creation failed" with the
 * driver's message.
 */
export function unavailableAs503<A extends unknown[], C>(createContext: (...args: A) => Promise<C>): (...args: A) => Promise<C> {
  return async (...args) => {
    try {
      return await createContext(...args);
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      throw new GraphQLError(MESSAGE, { extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503, headers: new Map([['retry-after', '5']]) } } });
    }
  };
}
