import type { LegalRole } from '../../modules/processing-activity/processing-activity.enums';
import type { PageRow, Vocabulary } from '../../modules/publication/public-register';
import { toGlobalId } from '../common/global-id';
import { DocumentContent } from './document-content';
import { type PublicActivityContent, PublicProcessingActivity, PublicProcessingActivityVersion } from './types/processing-activity.type';

/** A version row as the register returns it; a page's rows lack the texts the request did not ask for, and so do their DTOs. */
type ContentRow = Omit<PageRow, 'sort_value'>;

function content<T extends PublicActivityContent>(target: T, row: ContentRow, vocabulary?: Vocabulary): T {
  // Raw rows carry timestamps as strings (MikroORM's pg type parsers leave them to the ORM).
  const publishedAt = new Date(row.published_at);
  const publishFrom = row.publish_from ? new Date(row.publish_from) : null;
  const nested = row.document && vocabulary ? new DocumentContent(row.document, vocabulary) : undefined;
  return Object.assign(target, {
    content: nested,
    versionId: row.version_id,
    activityId: row.activity_id,
    organisationId: row.organisation_id,
    reference: row.reference,
    versionNumber: row.version_number,
    publishedAt,
    updatedAt: publishFrom && publishFrom > publishedAt ? publishFrom : publishedAt,
    title: row.title,
    description: row.description,
    legalRole: row.legal_role as LegalRole,
    jointControllershipArrangement: row.joint_controllership_arrangement,
    recipientsNone: row.recipients_none,
    automatedDecisionMaking:
      row.automated_decision_making === null
        ? null
        : { applies: row.automated_decision_making, statement: row.automated_decision_statement, logic: row.automated_decision_logic, consequences: row.automated_decision_consequences },
    thirdCountryTransfers:
      row.third_country_transfers === null
        ? null
        : { versionId: row.version_id, content: nested, applies: row.third_country_transfers, statement: row.third_country_transfers_statement, safeguardStatement: row.transfer_safeguard_statement },
    relatedProcessingsStatement: row.related_processings_statement,
    dataSubjectRights: row.data_subject_rights,
    processingLocation: row.processing_location,
  });
}

/** The current version of a record; its global id is the record's. With the row's document and the vocabularies, its nested content comes from the document. */
export function toPublicActivity(row: ContentRow, vocabulary?: Vocabulary): PublicProcessingActivity {
  return content(Object.assign(new PublicProcessingActivity(), { id: toGlobalId('ProcessingActivity', row.activity_id) }), row, vocabulary);
}

/** One history entry; its global id is the version's. */
export function toPublicVersion(row: ContentRow): PublicProcessingActivityVersion {
  return content(Object.assign(new PublicProcessingActivityVersion(), { id: toGlobalId('ProcessingActivityVersion', row.version_id) }), row);
}
