import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error as the API sends it: a message and a stable code in extensions.code. */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class ApiRequestError extends Error {
  constructor(
    readonly errors: ApiError[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.name = 'ApiRequestError';
  }

  /** The stable codes of the errors, e.g. ["NOT_FOUND"]. */
  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? 'ERROR');
  }
}

export interface ClientOptions {
  /** The surface's URL, e.g. https://register.example/sync/graphql or …/graphql. */
  endpoint: string;
  /** An API token (sync surface only); sent as "Authorization: Bearer <token>". */
  token?: string | null;
  /** Another fetch, e.g. for tests; default the global fetch. */
  fetch?: typeof fetch;
}

/** A tiny typed client: send a generated document, get its typed data, or an ApiRequestError. */
export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return {
    async request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...variables: TVariables extends Record<string, never> ? [] : [TVariables]): Promise<TData> {
      const res = await doFetch(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query: print(document), variables: variables[0] ?? {} }),
      });
      let body: { data?: TData | null; errors?: ApiError[] };
      try {
        body = await res.json();
      } catch {
        throw new ApiRequestError([{ message: `The API answered HTTP ${res.status} without JSON.` }], res.status);
      }
      if (body.errors?.length || !body.data) throw new ApiRequestError(body.errors ?? [{ message: 'No data.' }], res.status);
      return body.data;
    },
  };
}

export type Client = ReturnType<typeof createClient>;
