import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ColumnOf, DataItemRow } from '../../../modules/publication/public-content.loaders';
import { ORGANISATION_COLUMNS } from '../organisation-directory';
import type { PublicContext } from '../public.context';
import { ColumnSelection } from '../selection';
import { DataItemView } from '../document-content';
import { PublicDataItem } from '../types/data-item.type';
import { PublicDataSubjectGroup } from '../types/data-subject-group.type';
import { PublicOrganisation } from '../types/organisation.type';
import { PublicParty } from '../types/party.type';
import { PublicPurpose, PublicStatutoryReference } from '../types/purpose.type';
import { PublicThirdCountryTransfer, PublicThirdCountryTransfers } from '../types/transfer.type';

@Resolver(() => PublicPurpose)
export class PurposeResolver {
  @FieldResolver(() => [PublicStatutoryReference], { description: 'Wettelijke grondslagen cited for this purpose.' })
  statutoryReferences(@Root() root: PublicPurpose, @Ctx() ctx: PublicContext): PublicStatutoryReference[] | Promise<PublicStatutoryReference[]> {
    return root.statutoryReferencesInDocument ?? ctx.content.statutoryReferences.all.load(root.dbId).then((rows) => rows.map((r) => ({ title: r.title, url: r.url })));
  }
}

/** Columns of a data item per field asked for (ColumnSelection). */
const DATA_ITEM_COLUMNS = new ColumnSelection<ColumnOf<DataItemRow>>({
  description: ['description'],
  collectionPurpose: ['collectionPurpose'],
  'retention.text': ['retentionText'],
  'retention.rules': ['retentionRules'],
  'source.isDataSubject': ['sourceIsDataSubject'],
  'source.description': ['sourceDescription'],
  'provision.obligatory': ['provisionObligatory'],
  'provision.statement': ['provisionStatement'],
  'provision.consequences': ['consequencesOfNotProviding'],
});

@Resolver(() => PublicDataSubjectGroup)
export class DataSubjectGroupResolver {
  @FieldResolver(() => [PublicDataItem], { description: 'Persoonsgegevens processed about this group.' })
  dataItems(@Root() root: PublicDataSubjectGroup, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): PublicDataItem[] | Promise<PublicDataItem[]> {
    return root.dataItemsInDocument ?? ctx.content.dataItems.with(DATA_ITEM_COLUMNS.of(info)).load(root.dbId).then((rows) => rows.map((row) => new DataItemView(row)));
  }
}

@Resolver(() => PublicThirdCountryTransfers)
export class ThirdCountryTransfersResolver {
  @FieldResolver(() => [PublicThirdCountryTransfer], { description: 'The individual transfers.' })
  transfers(@Root() root: PublicThirdCountryTransfers, @Ctx() ctx: PublicContext): PublicThirdCountryTransfer[] | Promise<PublicThirdCountryTransfer[]> {
    return root.content ? root.content.transfers() : loadTransfers(root, ctx);
  }
}

async function loadTransfers(root: PublicThirdCountryTransfers, ctx: PublicContext): Promise<PublicThirdCountryTransfer[]> {
  return (await ctx.content.transfers.all.load(root.versionId)).map((t) => ({
    country: t.countryCode ? { code: t.countryCode, name: t.countryName!, nameEn: t.countryNameEn! } : null,
    internationalOrganisation: t.internationalOrganisation,
    recipientName: t.recipientName,
    explanation: t.explanation,
    safeguard: t.safeguardCode ? { code: t.safeguardCode, label: t.safeguardLabel!, labelEn: t.safeguardLabelEn!, gdprArticle: t.safeguardArticle, dpvIri: t.safeguardIri } : null,
  }));
}

@Resolver(() => PublicParty)
export class PartyResolver {
  @FieldResolver(() => PublicOrganisation, { nullable: true, description: 'The party as an organisation in the register, when it is one.' })
  organisation(@Root() root: PublicParty, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicOrganisation | null> {
    return ctx.organisations.get(root.organisationId, ORGANISATION_COLUMNS.of(info));
  }
}
