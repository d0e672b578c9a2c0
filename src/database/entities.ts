import { AuditLogEntry } from '../modules/audit/audit-log-entry.entity';
import { ApiToken } from '../modules/auth/api-token.entity';
import { Organisation } from '../modules/organisation/organisation.entity';
import { DataItem } from '../modules/processing-activity/content/data-item.entity';
import { DataSubjectGroup } from '../modules/processing-activity/content/data-subject-group.entity';
import { ProcessingParty } from '../modules/processing-activity/content/processing-party.entity';
import { Purpose } from '../modules/processing-activity/content/purpose.entity';
import { Recipient } from '../modules/processing-activity/content/recipient.entity';
import { RelatedProcessing } from '../modules/processing-activity/content/related-processing.entity';
import { StatutoryReference } from '../modules/processing-activity/content/statutory-reference.entity';
import { ThirdCountryTransfer } from '../modules/processing-activity/content/third-country-transfer.entity';
import { Attachment } from '../modules/processing-activity/internal/attachment.entity';
import { ContactPerson } from '../modules/processing-activity/internal/contact-person.entity';
import { DpiaScreening } from '../modules/processing-activity/internal/dpia-screening.entity';
import { ProcessingSystem } from '../modules/processing-activity/internal/processing-system.entity';
import { Remark } from '../modules/processing-activity/internal/remark.entity';
import { SecurityMeasures } from '../modules/processing-activity/internal/security-measures.entity';
import { ProcessingActivity } from '../modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../modules/processing-activity/processing-activity-version.entity';
import { ProcessingActivityParticipant } from '../modules/sharing/processing-activity-participant.entity';
import { IdempotencyRecord } from '../modules/sync/idempotency-record.entity';
import { Country } from '../modules/vocabulary/country.entity';
import { LegalBasis } from '../modules/vocabulary/legal-basis.entity';
import { SpecialCategory } from '../modules/vocabulary/special-category.entity';
import { TransferSafeguard } from '../modules/vocabulary/transfer-safeguard.entity';

/** Every entity, listed explicitly: no folder globbing, so the compiled and ts-node runs see the same set. */
export const ENTITIES = [
  LegalBasis,
  SpecialCategory,
  TransferSafeguard,
  Country,
  Organisation,
  ProcessingActivity,
  ProcessingActivityVersion,
  Purpose,
  StatutoryReference,
  DataSubjectGroup,
  DataItem,
  Recipient,
  ProcessingParty,
  ThirdCountryTransfer,
  RelatedProcessing,
  ContactPerson,
  SecurityMeasures,
  ProcessingSystem,
  DpiaScreening,
  Remark,
  Attachment,
  ApiToken,
  AuditLogEntry,
  IdempotencyRecord,
  ProcessingActivityParticipant,
];
