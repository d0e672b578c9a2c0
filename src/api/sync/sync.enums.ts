import { registerEnumType } from 'type-graphql';
import { TokenScope } from '../../modules/auth/token-scope';
import { OrganisationKind } from '../../modules/organisation/organisation.enums';
import { LegalRole, VersionStatus, WithheldReason } from '../../modules/processing-activity/processing-activity.enums';
import { RecordOutcome, ReplaceScope, SyncMode } from '../../modules/sync/batch-sync.service';
import { LEGAL_BASIS_CODES, SPECIAL_CATEGORY_CODES, TRANSFER_SAFEGUARD_CODES } from '../../modules/vocabulary/vocabulary.codes';

const asEnum = <T extends string>(codes: readonly T[]) => Object.fromEntries(codes.map((c) => [c, c])) as Record<T, T>;

/** The vocabularies' codes as GraphQL enums: an unknown code is refused by the schema itself. */
export const LegalBasisCodeEnum = asEnum(LEGAL_BASIS_CODES);
export const SpecialCategoryCodeEnum = asEnum(SPECIAL_CATEGORY_CODES);
export const TransferSafeguardCodeEnum = asEnum(TRANSFER_SAFEGUARD_CODES);

registerEnumType(LegalBasisCodeEnum, { name: 'LegalBasisCode', description: 'AVG art. 6(1) legal bases.' });
registerEnumType(SpecialCategoryCodeEnum, { name: 'SpecialCategoryCode', description: 'AVG art. 9 and 10 categories, and the BSN.' });
registerEnumType(TransferSafeguardCodeEnum, { name: 'TransferSafeguardCode', description: 'Safeguards for transfers outside the EU (AVG art. 45, 46, 49).' });
/*
 * Domain enums are registered through copies of their own: type-graphql keeps enum metadata per
 * enum object, process-wide, so registering the domain objects themselves would also change how
 * the public surface (which registers some of them) describes them. Values are identical.
 */
export const LegalRoleEnum = { ...LegalRole };
export const VersionStatusEnum = { ...VersionStatus };
export const WithheldReasonEnum = { ...WithheldReason };
export const OrganisationKindEnum = { ...OrganisationKind };
export const TokenScopeEnum = { ...TokenScope };
export const SyncModeEnum = { ...SyncMode };
export const RecordOutcomeEnum = { ...RecordOutcome };
export const ReplaceScopeEnum = { ...ReplaceScope };

registerEnumType(LegalRoleEnum, { name: 'LegalRole', description: 'Which Article 30 register a record belongs to; processor and Wpg records are never public.' });
registerEnumType(VersionStatusEnum, { name: 'VersionStatus' });
registerEnumType(WithheldReasonEnum, { name: 'WithheldReason' });
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });
registerEnumType(TokenScopeEnum, { name: 'TokenScope' });
registerEnumType(SyncModeEnum, { name: 'SyncMode' });
registerEnumType(RecordOutcomeEnum, { name: 'RecordOutcome' });
registerEnumType(ReplaceScopeEnum, {
  name: 'ReplaceScope',
  description: 'What REPLACE reconciles.',
  valuesConfig: {
    ORGANISATION: { description: "The batch's organisation: its records absent from the batch are withdrawn." },
    SUBTREE: { description: "The batch's organisation and all its sub-organisations: every record of the tree absent from the batch is withdrawn." },
  },
});
