import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { LRUCache } from 'lru-cache';
import { limitsConfig } from '../../config';
import { boundedCache, type CacheLimits, cacheStats, type CacheStats } from '../../modules/common/bounded-cache';

type Memo = LRUCache<FieldNode, Map<ColumnSelection<string>, readonly string[]>>;

/**
 * Column sets per field node, shared by every ColumnSelection. A field node keeps its whole
 * document alive (through its location's source text), so the memo is bounded by entries and by
 * the query text its entries keep, counted in full for each.
 */
const newMemo = (limits: CacheLimits): Memo => boundedCache(limits, (_columns, node) => 64 + 2 * (node.loc?.source.body.length ?? 0));
let memo: Memo = newMemo(limitsConfig.queryCache);

/** Replaces the memo with an empty one of these bounds (the app's configured query-cache bounds). */
export function configureColumnSelectionMemo(limits: CacheLimits): void {
  memo = newMemo(limits);
}

export const columnSelectionStats = (): CacheStats => cacheStats(memo);

/**
 * The columns a field's selection needs, so the loaders read only those (public-content.loaders.ts).
 * `byPath` maps a selected path below the resolved field ("description", "legalBasis",
 * "legalBasis.label") to the columns it needs; paths it does not name need none. Fragments and
 * inline fragments are followed; @skip/@include are not evaluated, so a skipped field still
 * costs its column, never the other way round.
 *
 * Memoised per field node (a bounded memo shared by all selections): Apollo keeps the parsed
 * document, so the 125 calls of one field on a page (and every later request with the same
 * document) compute it once. Equal column sets are the same array, so a loader per column set is
 * shared by all fields that ask for it; there are at most as many as subsets of `byPath`'s columns.
 */
export class ColumnSelection<C extends string> {
  private readonly interned = new Map<string, readonly C[]>();

  constructor(
    private readonly byPath: Readonly<Record<string, readonly C[]>>,
    /** Only paths below this one count (e.g. "edges.node" for the records of a connection). */
    private readonly under = '',
  ) {}

  of(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): readonly C[] {
    const nodes = info.fieldNodes;
    const memoised = nodes.length === 1 ? (memo.get(nodes[0])?.get(this) as readonly C[] | undefined) : undefined;
    if (memoised) return memoised;
    const paths = new Set<string>();
    for (const node of nodes) if (node.selectionSet) collectPaths(node.selectionSet, info.fragments, '', paths);
    const prefix = this.under ? `${this.under}.` : '';
    const columns = new Set<C>();
    for (const path of paths) {
      if (!path.startsWith(prefix)) continue;
      for (const c of this.byPath[path.slice(prefix.length)] ?? []) columns.add(c);
    }
    const sorted = [...columns].sort();
    const key = sorted.join();
    let result = this.interned.get(key);
    if (!result) this.interned.set(key, (result = sorted));
    if (nodes.length === 1) {
      const byField = memo.get(nodes[0]);
      if (byField) byField.set(this, result);
      else memo.set(nodes[0], new Map([[this, result]]));
    }
    return result;
  }
}

function collectPaths(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, prefix: string, out: Set<string>): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const path = prefix + s.name.value;
      out.add(path);
      if (s.selectionSet) collectPaths(s.selectionSet, fragments, `${path}.`, out);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      collectPaths(s.selectionSet, fragments, prefix, out);
    } else {
      const fragment = fragments[s.name.value];
      if (fragment) collectPaths(fragment.selectionSet, fragments, prefix, out);
    }
  }
}
