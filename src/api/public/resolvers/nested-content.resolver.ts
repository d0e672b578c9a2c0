import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ColumnOf, DataItemRow } from '../../../modules/publication/public-content.loaders';
import { ORGANISATION_COLUMNS } from '../organisation-directory';
import type { PublicContext } from '../public.context';
import { ColumnSelection } from '../selection';
import { PublicDataItem, type PublicDataSource, type PublicProvisionRequirement, type PublicRetention } from '../types/data-item.type';
import { PublicDataSubjectGroup } from '../types/data-subject-group.type';
import { PublicOrganisation } from '../types/organisation.type';
import { PublicParty } from '../types/party.type';
import { PublicPurpose, PublicStatutoryReference } from '../types/purpose.type';
import { PublicThirdCountryTransfer, PublicThirdCountryTransfers } from '../types/transfer.type';

@Resolver(() => PublicPurpose)
export class PurposeResolver {
  @FieldResolver(() => [PublicStatutoryReference], { description: 'Wettelijke grondslagen cited for this purpose.' })
  async statutoryReferences(@Root() root: PublicPurpose, @Ctx() ctx: PublicContext): Promise<PublicStatutoryReference[]> {
    return (await ctx.content.statutoryReferences.all.load(root.dbId)).map((r) => ({ title: r.title, url: r.url }));
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
  async dataItems(@Root() root: PublicDataSubjectGroup, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicDataItem[]> {
    return (await ctx.content.dataItems.with(DATA_ITEM_COLUMNS.of(info)).load(root.dbId)).map((row) => new DataItemView(row));
  }
}

/** A data item over its row; the nested objects are built when read (a page of 50 records has some 450 items and shows few of their parts). */
class DataItemView implements PublicDataItem {
  constructor(private readonly row: DataItemRow) {}

  get description(): string {
    return this.row.description;
  }

  get collectionPurpose(): string | null {
    return this.row.collectionPurpose;
  }

  get retention(): PublicRetention {
    return { text: this.row.retentionText, rules: this.row.retentionRules };
  }

  get source(): PublicDataSource {
    return { isDataSubject: this.row.sourceIsDataSubject, description: this.row.sourceDescription };
  }

  get provision(): PublicProvisionRequirement {
    return { obligatory: this.row.provisionObligatory, statement: this.row.provisionStatement, consequences: this.row.consequencesOfNotProviding };
  }
}

@Resolver(() => PublicThirdCountryTransfers)
export class ThirdCountryTransfersResolver {
  @FieldResolver(() => [PublicThirdCountryTransfer], { description: 'The individual transfers.' })
  async transfers(@Root() root: PublicThirdCountryTransfers, @Ctx() ctx: PublicContext): Promise<PublicThirdCountryTransfer[]> {
    return (await ctx.content.transfers.all.load(root.versionId)).map((t) => ({
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
  organisation(@Root() root: PublicParty, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicOrganisation | null> {
    return ctx.organisations.get(root.organisationId, ORGANISATION_COLUMNS.of(info));
  }
}
