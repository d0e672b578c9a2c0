import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { LRUCache } from 'lru-cache';
import { boundedCache, type CacheLimits, cacheStats, type CacheStats, documentBytes } from '../modules/common/bounded-cache';

/**
 * Apollo's store of parsed and validated documents (its `documentStore` option), bounded by
 * entries and by the heap the parsed documents keep (estimated from the query text). Apollo's
 * default store is bounded by the JSON size of the documents only, which lets thousands of small
 * documents stay parsed, each also keeping its compiled query alive.
 */
export class DocumentStore implements NonNullable<ApolloServerOptions<BaseContext>['documentStore']> {
  private readonly documents: LRUCache<string, DocumentNode>;

  constructor(limits: CacheLimits) {
    this.documents = boundedCache<string, DocumentNode>(limits, (document) => documentBytes(document.loc?.source.body.length ?? document.loc?.end ?? 0));
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.documents.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    this.documents.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.documents.delete(key);
  }

  stats(): CacheStats {
    return cacheStats(this.documents);
  }
}
