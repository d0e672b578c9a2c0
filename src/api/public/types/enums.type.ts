import { registerEnumType } from 'type-graphql';
import { OrganisationKind } from '../../../modules/organisation/organisation.enums';
import { LegalRole } from '../../../modules/processing-activity/processing-activity.enums';
import { PublicChangeKind } from '../../../modules/publication/public-changes';
import { PublicActivityOrder } from '../../../modules/publication/public-filter';
import { RetentionKind, RetentionValuation } from '../../../modules/retention/retention-rule.types';
import { LEGAL_BASIS_CODES, SPECIAL_CATEGORY_CODES, TRANSFER_SAFEGUARD_CODES } from '../../../modules/vocabulary/vocabulary.codes';

const asEnum = <T extends string>(codes: readonly T[]) => Object.fromEntries(codes.map((c) => [c, c])) as { [K in T]: K };

export const LegalBasisCode = asEnum(LEGAL_BASIS_CODES);
export const SpecialCategoryCode = asEnum(SPECIAL_CATEGORY_CODES);
export const TransferSafeguardCode = asEnum(TRANSFER_SAFEGUARD_CODES);

registerEnumType(LegalBasisCode, { name: 'LegalBasisCode', description: 'Grondslag: the six legal grounds of AVG (GDPR) article 6(1). Stable codes.' });
registerEnumType(SpecialCategoryCode, {
  name: 'SpecialCategoryCode',
  description: 'Bijzondere persoonsgegevens (AVG art. 9), strafrechtelijke gegevens (art. 10) and the burgerservicenummer. Stable codes.',
});
registerEnumType(TransferSafeguardCode, { name: 'TransferSafeguardCode', description: 'Waarborg for a transfer outside the EU: AVG art. 45, 46 or 49. Stable codes.' });
registerEnumType(LegalRole, { name: 'LegalRole', description: 'Which register a record belongs to. Only controller (verwerkingsverantwoordelijke) records are public.' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'Kind of public organisation (ministerie, agentschap, gemeente, gemeenschappelijke regeling, …).' });
registerEnumType(RetentionKind, {
  name: 'RetentionKind',
  description: 'How a retention rule is expressed: a period, until (or a period after) an event, permanent, or as a selection list prescribes. New kinds may be added; treat an unknown one as "see the text".',
  valuesConfig: {
    DURATION: { description: 'A fixed period (duration).' },
    UNTIL_EVENT: { description: 'Until an event, or a period counted from it (eventTrigger, and duration when given).' },
    PERMANENT: { description: 'Kept permanently (B, blijvend bewaren).' },
    SELECTION_LIST: { description: 'As the named selection list prescribes for the named category (selectionList, processNumber); the text gives no period of its own.' },
  },
});
registerEnumType(RetentionValuation, { name: 'RetentionValuation', description: 'Waardering in an archival selection list: V (vernietigen, destroy) or B (bewaren, keep).' });
registerEnumType(PublicActivityOrder, { name: 'ProcessingActivityOrder', description: 'Order of a listing. RELEVANCE needs a search and is the default when one is given.' });
registerEnumType(PublicChangeKind, { name: 'PublicChangeKind', description: 'What a change-log event did to a record: PUBLISHED (became public), UPDATED (new public version, organisation or reference, or organisations adopted or left it), REMOVED (left the public register).' });
