export { ApiRequestError, type ApiError, type Client, type ClientOptions, createClient } from './client';
export * as sync from './generated/sync/graphql';
export * as publicApi from './generated/public/graphql';
