import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RetentionKind, RetentionValuation } from '../../../modules/retention/retention-rule.types';
import type { PublicContext } from '../public.context';
import { PublicDataItem, PublicRetention, PublicRetentionRule } from '../types/data-item.type';
import { PublicDataSubjectGroup } from '../types/data-subject-group.type';
import { PublicOrganisation } from '../types/organisation.type';
import { PublicParty } from '../types/party.type';
import { PublicPurpose, PublicStatutoryReference } from '../types/purpose.type';
import { PublicThirdCountryTransfer, PublicThirdCountryTransfers } from '../types/transfer.type';

@Resolver(() => PublicPurpose)
export class PurposeResolver {
  @FieldResolver(() => [PublicStatutoryReference], { description: 'Wettelijke grondslagen cited for this purpose.' })
  async statutoryReferences(@Root() root: PublicPurpose, @Ctx() ctx: PublicContext): Promise<PublicStatutoryReference[]> {
    return (await ctx.content.statutoryReferences.load(root.dbId)).map((r) => ({ title: r.title, url: r.url }));
  }
}

@Resolver(() => PublicDataSubjectGroup)
export class DataSubjectGroupResolver {
  @FieldResolver(() => [PublicDataItem], { description: 'Persoonsgegevens processed about this group.' })
  async dataItems(@Root() root: PublicDataSubjectGroup, @Ctx() ctx: PublicContext): Promise<PublicDataItem[]> {
    return (await ctx.content.dataItems.load(root.dbId)).map((d) => ({
      description: d.description,
      collectionPurpose: d.collectionPurpose,
      retention: Object.assign(new PublicRetention(), { dataItemId: d.id, text: d.retentionText }),
      source: { isDataSubject: d.sourceIsDataSubject, description: d.sourceDescription },
      provision: { obligatory: d.provisionObligatory, statement: d.provisionStatement, consequences: d.consequencesOfNotProviding },
    }));
  }
}

@Resolver(() => PublicRetention)
export class RetentionResolver {
  @FieldResolver(() => [PublicRetentionRule], { description: 'Rules parsed from the text; empty when nothing could be parsed (the text stays authoritative).' })
  async rules(@Root() root: PublicRetention, @Ctx() ctx: PublicContext): Promise<PublicRetentionRule[]> {
    return (await ctx.content.retentionRules.load(root.dataItemId)).map((r) => ({
      ...r,
      kind: r.kind as RetentionKind,
      valuation: r.valuation as RetentionValuation | null,
    }));
  }
}

@Resolver(() => PublicThirdCountryTransfers)
export class ThirdCountryTransfersResolver {
  @FieldResolver(() => [PublicThirdCountryTransfer], { description: 'The individual transfers.' })
  async transfers(@Root() root: PublicThirdCountryTransfers, @Ctx() ctx: PublicContext): Promise<PublicThirdCountryTransfer[]> {
    return (await ctx.content.transfers.load(root.versionId)).map((t) => ({
      country: t.countryCode ? { code: t.countryCode, name: t.countryName!, nameEn: t.countryNameEn! } : null,
      internationalOrganisation: t.internationalOrganisation,
      recipientName: t.recipientName,
      explanation: t.explanation,
      safeguard: t.safeguardCode ? { code: t.safeguardCode, label: t.safeguardLabel!, labelEn: t.safeguardLabelEn!, gdprArticle: t.safeguardArticle, dpvIri: t.safeguardIri } : null,
    }));
  }
}

@Resolver(() => PublicParty)
export class PartyResolver {
  @FieldResolver(() => PublicOrganisation, { nullable: true, description: 'The party as an organisation in the register, when it is one.' })
  organisation(@Root() root: PublicParty, @Ctx() ctx: PublicContext): Promise<PublicOrganisation | null> {
    return ctx.organisations.get(root.organisationId);
  }
}
