import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { checkText, ProcessingActivityFilterInput, toPublicFilter } from '../inputs/processing-activity-filter.input';
import type { PublicContext } from '../public.context';
import { ProcessingActivityFacets } from '../types/facets.type';
import { facetsCost } from '../cost';

@Resolver()
export class FacetsResolver {
  @Query(() => ProcessingActivityFacets, {
    description: 'Counts per legal basis, organisation, special category and country for a filter and search: the same records processingActivities lists.',
    complexity: facetsCost,
  })
  async facets(
    @Ctx() ctx: PublicContext,
    @Arg('filter', () => ProcessingActivityFilterInput, { nullable: true, description: 'The same filter as processingActivities.' }) filter?: ProcessingActivityFilterInput | null,
    @Arg('search', () => String, { nullable: true, description: 'The same search as processingActivities.' }) search?: string | null,
  ): Promise<ProcessingActivityFacets> {
    const q = search?.trim() || null;
    if (q) checkText(q, 'search', 200);
    const f = toPublicFilter(filter);
    const [facetCounts, vocab, organisations] = await Promise.all([ctx.register.facets(f, q), ctx.register.vocabulary(), ctx.organisations.byId()]);
    return {
      total: facetCounts.total,
      countsAreEstimates: facetCounts.estimated,
      legalBases: facetCounts.legalBases.flatMap((c) => (vocab.legalBases.has(c.key) ? [{ legalBasis: vocab.legalBases.get(c.key)!, count: c.count }] : [])),
      specialCategories: facetCounts.specialCategories.flatMap((c) => (vocab.specialCategories.has(c.key) ? [{ specialCategory: vocab.specialCategories.get(c.key)!, count: c.count }] : [])),
      countries: facetCounts.countries.flatMap((c) => (vocab.countries.has(c.key) ? [{ country: vocab.countries.get(c.key)!, count: c.count }] : [])),
      organisations: facetCounts.organisations.flatMap((c) => (organisations.has(c.key) ? [{ organisation: organisations.get(c.key)!, count: c.count }] : [])),
    };
  }
}
