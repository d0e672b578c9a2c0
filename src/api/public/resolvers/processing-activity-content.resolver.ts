import type { GraphQLResolveInfo } from 'graphql';
import { type ClassType, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ColumnOf, DataSubjectGroupRow, PurposeRow, RecipientRow } from '../../../modules/publication/public-content.loaders';
import { toParty } from '../document-content';
import { ORGANISATION_COLUMNS } from '../organisation-directory';
import type { PublicContext } from '../public.context';
import { toPublicActivity, toPublicVersion } from '../public.mappers';
import { PublicDataSource, PublicRetention } from '../types/data-item.type';
import { PublicDataSubjectGroup } from '../types/data-subject-group.type';
import { PublicOrganisation } from '../types/organisation.type';
import { PartyRole } from '../../../modules/processing-activity/processing-activity.enums';
import { PublicParty } from '../types/party.type';
import { type PublicActivityContent, PublicProcessingActivity, PublicProcessingActivityVersion, PublicRelatedProcessing } from '../types/processing-activity.type';
import { PublicPurpose } from '../types/purpose.type';
import { PublicRecipient } from '../types/recipient.type';
import { ColumnSelection } from '../selection';
import { historyCost } from '../cost';

/** Columns of each level per field asked for (ColumnSelection); fields resolved through a loader need the parent's id. */
const PURPOSE_COLUMNS = new ColumnSelection<ColumnOf<PurposeRow>>({
  description: ['description'],
  legalBasisExplanation: ['legalBasisExplanation'],
  legalBasis: ['legalBasisCode'],
  'legalBasis.label': ['legalBasisLabel'],
  'legalBasis.labelEn': ['legalBasisLabelEn'],
  'legalBasis.gdprArticle': ['legalBasisArticle'],
  'legalBasis.dpvIri': ['legalBasisIri'],
  statutoryReferences: ['id'],
});
const GROUP_COLUMNS = new ColumnSelection<ColumnOf<DataSubjectGroupRow>>({
  description: ['description'],
  noSpecialCategories: ['noSpecialCategories'],
  specialCategories: ['specialCategories'],
  dataItems: ['id'],
});
const RECIPIENT_COLUMNS = new ColumnSelection<ColumnOf<RecipientRow>>({ description: ['description'], explanation: ['explanation'] });


/**
 * Nested content of a version, shared by the current version and history entries (type-graphql
 * resolver inheritance). A page of current versions carries their pre-rendered documents
 * (root.content, document-content.ts): the fields answer from those, synchronously. Otherwise
 * (history entries, single lookups) each field goes through a batched loader keyed by the version
 * id the read model produced, so a request costs one statement per nesting level.
 */
function contentFieldsResolver<T extends PublicActivityContent>(type: ClassType<T>) {
  @Resolver(() => type)
  abstract class ContentFieldsResolver {
    @FieldResolver(() => PublicOrganisation, { description: 'The organisation that registered this processing and writes it: its owner, also when other organisations adopted it (sharedWith).' })
    async organisation(@Root() root: T, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicOrganisation> {
      return (await ctx.organisations.get(root.organisationId, ORGANISATION_COLUMNS.of(info)))!;
    }

    @FieldResolver(() => [PublicPurpose], { description: 'Doelen, each with its legal basis.' })
    purposes(@Root() root: T, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): PublicPurpose[] | Promise<PublicPurpose[]> {
      return root.content ? root.content.purposes() : loadPurposes(root, ctx, info);
    }

    @FieldResolver(() => [PublicDataSubjectGroup], { description: 'Betrokkenen: groups of data subjects with the data processed about them.' })
    dataSubjectGroups(@Root() root: T, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): PublicDataSubjectGroup[] | Promise<PublicDataSubjectGroup[]> {
      return root.content ? root.content.dataSubjectGroups() : loadDataSubjectGroups(root, ctx, info);
    }

    @FieldResolver(() => PublicRetention, {
      nullable: true,
      description: 'Bewaartermijn the register states once for the whole record; it applies to every data item without one of its own (and is shown on those items too). Null when the record states none.',
    })
    async retention(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicRetention | null> {
      // Four short columns, all read at once: retention and source then share one statement per page.
      const [row] = await ctx.content.recordWide.all.load(root.versionId);
      return row?.retentionText != null ? { text: row.retentionText, rules: row.retentionRules } : null;
    }

    @FieldResolver(() => PublicDataSource, {
      nullable: true,
      description: 'Bron the register states once for the whole record; it applies to every data item that states no source of its own (and is shown on those items too). Null when the record states none.',
    })
    async source(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicDataSource | null> {
      const [row] = await ctx.content.recordWide.all.load(root.versionId);
      return row && (row.sourceDescription != null || row.sourceIsDataSubject != null) ? { description: row.sourceDescription, isDataSubject: row.sourceIsDataSubject } : null;
    }

    @FieldResolver(() => [PublicRecipient], { description: 'Ontvangers.' })
    recipients(@Root() root: T, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): PublicRecipient[] | Promise<PublicRecipient[]> {
      // The rows have exactly the fields of a recipient.
      return root.content ? root.content.recipients() : ctx.content.recipients.with(RECIPIENT_COLUMNS.of(info)).load(root.versionId);
    }

    @FieldResolver(() => [PublicParty], { description: 'Verwerkingsverantwoordelijke(n): one, or several, each with the role it is controller in (roleDescription), e.g. the burgemeester, the college van burgemeester en wethouders and the gemeenteraad of one municipality.' })
    controllers(@Root() root: T, @Ctx() ctx: PublicContext): PublicParty[] | Promise<PublicParty[]> {
      return root.content ? root.content.parties(PartyRole.CONTROLLER) : loadParties(root, ctx, PartyRole.CONTROLLER);
    }

    @FieldResolver(() => [PublicParty], { description: 'Verwerkers: processors acting on behalf of the controller.' })
    processors(@Root() root: T, @Ctx() ctx: PublicContext): PublicParty[] | Promise<PublicParty[]> {
      return root.content ? root.content.parties(PartyRole.PROCESSOR) : loadParties(root, ctx, PartyRole.PROCESSOR);
    }

    @FieldResolver(() => [PublicRelatedProcessing], { description: 'Gerelateerde verwerkingen.' })
    async relatedProcessings(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicRelatedProcessing[]> {
      // The rows have exactly the fields of a related processing.
      return ctx.content.relatedProcessings.all.load(root.versionId);
    }
  }
  return ContentFieldsResolver;
}

async function loadPurposes(root: PublicActivityContent, ctx: PublicContext, info: GraphQLResolveInfo): Promise<PublicPurpose[]> {
  return (await ctx.content.purposes.with(PURPOSE_COLUMNS.of(info)).load(root.versionId)).map((p) => ({
    dbId: p.id,
    description: p.description,
    legalBasisExplanation: p.legalBasisExplanation,
    legalBasis: p.legalBasisCode
      ? { code: p.legalBasisCode, label: p.legalBasisLabel!, labelEn: p.legalBasisLabelEn!, gdprArticle: p.legalBasisArticle, dpvIri: p.legalBasisIri }
      : null,
  }));
}

async function loadDataSubjectGroups(root: PublicActivityContent, ctx: PublicContext, info: GraphQLResolveInfo): Promise<PublicDataSubjectGroup[]> {
  return (await ctx.content.dataSubjectGroups.with(GROUP_COLUMNS.of(info)).load(root.versionId)).map((g) => ({
    dbId: g.id,
    description: g.description,
    noSpecialCategories: g.noSpecialCategories,
    specialCategories: g.specialCategories,
  }));
}

async function loadParties(root: PublicActivityContent, ctx: PublicContext, role: PartyRole): Promise<PublicParty[]> {
  return (await ctx.content.parties.all.load(root.versionId)).filter((p) => p.role === role).map(toParty);
}

@Resolver(() => PublicProcessingActivity)
export class ProcessingActivityContentResolver extends contentFieldsResolver(PublicProcessingActivity) {
  @FieldResolver(() => [PublicProcessingActivityVersion], { description: 'Every published version, newest first, so a reader can see what changed.', complexity: historyCost })
  async history(@Root() root: PublicProcessingActivity, @Ctx() ctx: PublicContext): Promise<PublicProcessingActivityVersion[]> {
    return (await ctx.history.load(root.activityId)).map(toPublicVersion);
  }

  @FieldResolver(() => [PublicOrganisation], {
    description:
      "A shared processing: the other organisations that adopted this record and list it in their own register (e.g. the municipalities a joint arrangement carries it out for), by name; empty when it is not shared. Its owner, who writes it, is `organisation`.",
  })
  async sharedWith(@Root() root: PublicProcessingActivity, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicOrganisation[]> {
    const ids = await ctx.participants.load(root.activityId);
    const columns = ORGANISATION_COLUMNS.of(info);
    return (await Promise.all(ids.map((id) => ctx.organisations.get(id, columns)))).filter((o): o is PublicOrganisation => o !== null);
  }
}

@Resolver(() => PublicProcessingActivityVersion)
export class ProcessingActivityVersionContentResolver extends contentFieldsResolver(PublicProcessingActivityVersion) {}

@Resolver(() => PublicRelatedProcessing)
export class RelatedProcessingResolver {
  @FieldResolver(() => PublicProcessingActivity, { nullable: true, description: 'The related activity, when it is in the register and published.' })
  async activity(@Root() root: PublicRelatedProcessing, @Ctx() ctx: PublicContext): Promise<PublicProcessingActivity | null> {
    const row = root.relatedActivityId ? await ctx.visibleActivity.load(root.relatedActivityId) : null;
    return row ? toPublicActivity(row) : null;
  }
}
