import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type App, type AppOptions, createApp } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** The raw body, for leak checks that must see every byte. */
  raw: string;
}

type Doc<T, V> = TypedDocumentNode<T, V> | string;

/** A GraphQL client of one role against one surface. */
export interface GraphQLClient {
  request<T = Record<string, unknown>, V = Record<string, unknown>>(document: Doc<T, V>, variables?: V): Promise<GraphQLResponse<T>>;
  /** Like request, but fails the test on any GraphQL error and returns data. */
  query<T = Record<string, unknown>, V = Record<string, unknown>>(document: Doc<T, V>, variables?: V): Promise<T>;
}

export interface TestServer {
  db: TestDatabase;
  url: string;
  /** /metrics on its own listener, when the app options asked for one. */
  metricsUrl: string | null;
  /** The anonymous open-data consumer. */
  publicClient: GraphQLClient;
  /** An organisation's sync client, authenticated with a bearer token (or none). */
  syncClient(token?: string | null): GraphQLClient;
  /** Sizes of the app's caches (App.cacheStats). */
  cacheStats: App['cacheStats'];
  close(): Promise<void>;
}

/** A running server on a free loopback port, on a database of this test file's own (a clone of the seeded template). */
export async function startTestServer(options: { empty?: boolean; app?: AppOptions } = {}): Promise<TestServer> {
  const db = await createTestDatabase(options);
  const { app, stop, metricsAddress, cacheStats } = await createApp(db.orm, options.app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    db,
    url,
    metricsUrl: metricsAddress ? `http://127.0.0.1:${metricsAddress.port}/metrics` : null,
    publicClient: client(`${url}/graphql`, {}),
    syncClient: (token) => client(`${url}/sync/graphql`, token ? { authorization: `Bearer ${token}` } : {}),
    cacheStats,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await db.close();
    },
  };
}

function client(endpoint: string, headers: Record<string, string>): GraphQLClient {
  const request = async <T, V>(document: Doc<T, V>, variables?: V): Promise<GraphQLResponse<T>> => {
    const query = typeof document === 'string' ? document : print(document);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await res.text();
    let body: Omit<GraphQLResponse<T>, 'status' | 'raw'> = {};
    try {
      body = JSON.parse(raw);
    } catch {
      body = { errors: [{ message: `non-JSON response: ${raw.slice(0, 200)}` }] };
    }
    return { status: res.status, raw, ...body };
  };
  return {
    request,
    query: async (document, variables) => {
      const res = await request(document, variables);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
      return res.data as never;
    },
  };
}
