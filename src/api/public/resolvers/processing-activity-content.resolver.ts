import { type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyRow } from '../../../modules/publication/public-content.loaders';
import type { PublicContext } from '../public.context';
import { toPublicActivity, toPublicVersion } from '../public.mappers';
import { addressFrom } from '../types/address.type';
import { PublicDataSubjectGroup } from '../types/data-subject-group.type';
import { PublicOrganisation } from '../types/organisation.type';
import { PartyRole } from '../../../modules/processing-activity/processing-activity.enums';
import { PublicParty } from '../types/party.type';
import { type PublicActivityContent, PublicProcessingActivity, PublicProcessingActivityVersion, PublicRelatedProcessing } from '../types/processing-activity.type';
import { PublicPurpose } from '../types/purpose.type';
import { PublicRecipient } from '../types/recipient.type';

/**
 * Nested content of a version, shared by the current version and history entries (type-graphql
 * resolver inheritance). Each field goes through a batched loader keyed by the version id the
 * public scope produced, so a page costs one statement per nesting level.
 */
function contentFieldsResolver<T extends PublicActivityContent>(type: ClassType<T>) {
  @Resolver(() => type)
  abstract class ContentFieldsResolver {
    @FieldResolver(() => PublicOrganisation, { description: 'The organisation that registered this processing.' })
    async organisation(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicOrganisation> {
      return (await ctx.organisations.get(root.organisationId))!;
    }

    @FieldResolver(() => [PublicPurpose], { description: 'Doelen, each with its legal basis.' })
    async purposes(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicPurpose[]> {
      return (await ctx.content.purposes.load(root.versionId)).map((p) =>
        Object.assign(new PublicPurpose(), {
          dbId: p.id,
          description: p.description,
          legalBasisExplanation: p.legalBasisExplanation,
          legalBasis: p.legalBasisCode
            ? { code: p.legalBasisCode, label: p.legalBasisLabel!, labelEn: p.legalBasisLabelEn!, gdprArticle: p.legalBasisArticle, dpvIri: p.legalBasisIri }
            : null,
        }),
      );
    }

    @FieldResolver(() => [PublicDataSubjectGroup], { description: 'Betrokkenen: groups of data subjects with the data processed about them.' })
    async dataSubjectGroups(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicDataSubjectGroup[]> {
      return (await ctx.content.dataSubjectGroups.load(root.versionId)).map((g) =>
        Object.assign(new PublicDataSubjectGroup(), {
          dbId: g.id,
          description: g.description,
          noSpecialCategories: g.noSpecialCategories,
          specialCategories: g.specialCategories.map((c) => ({ code: c.code, label: c.label, labelEn: c.labelEn, gdprArticle: c.gdprArticle, dpvIri: c.dpvIri })),
        }),
      );
    }

    @FieldResolver(() => [PublicRecipient], { description: 'Ontvangers.' })
    async recipients(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicRecipient[]> {
      return (await ctx.content.recipients.load(root.versionId)).map((r) => ({ description: r.description, explanation: r.explanation }));
    }

    @FieldResolver(() => [PublicParty], { description: 'Verwerkingsverantwoordelijke(n): one, or several for joint controllership.' })
    async controllers(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicParty[]> {
      return (await ctx.content.parties.load(root.versionId)).filter((p) => p.role === PartyRole.CONTROLLER).map(toParty);
    }

    @FieldResolver(() => [PublicParty], { description: 'Verwerkers: processors acting on behalf of the controller.' })
    async processors(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicParty[]> {
      return (await ctx.content.parties.load(root.versionId)).filter((p) => p.role === PartyRole.PROCESSOR).map(toParty);
    }

    @FieldResolver(() => [PublicRelatedProcessing], { description: 'Gerelateerde verwerkingen.' })
    async relatedProcessings(@Root() root: T, @Ctx() ctx: PublicContext): Promise<PublicRelatedProcessing[]> {
      return (await ctx.content.relatedProcessings.load(root.versionId)).map((r) =>
        Object.assign(new PublicRelatedProcessing(), { reference: r.reference, description: r.description, relatedActivityId: r.relatedActivityId }),
      );
    }
  }
  return ContentFieldsResolver;
}

@Resolver(() => PublicProcessingActivity)
export class ProcessingActivityContentResolver extends contentFieldsResolver(PublicProcessingActivity) {
  @FieldResolver(() => [PublicProcessingActivityVersion], { description: 'Every published version, newest first, so a reader can see what changed.' })
  async history(@Root() root: PublicProcessingActivity, @Ctx() ctx: PublicContext): Promise<PublicProcessingActivityVersion[]> {
    return (await ctx.history.load(root.activityId)).map(toPublicVersion);
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

function toParty(p: PartyRow): PublicParty {
  return Object.assign(new PublicParty(), {
    organisationId: p.organisationId,
    name: p.name,
    kind: p.kind,
    email: p.email,
    phone: p.phone,
    visitingAddress: addressFrom(p.visitingLine, p.visitingPostalCode, p.visitingCity, p.visitingCountryCode),
    postalAddress: addressFrom(p.postalLine, p.postalPostalCode, p.postalCity, p.postalCountryCode),
  });
}
