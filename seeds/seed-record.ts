import type { OrganisationKind } from '../src/modules/organisation/organisation.enums';
import type { AddressContent, RecordContent } from '../src/modules/processing-activity/record-content';
import type { VersionStatus } from '../src/modules/processing-activity/processing-activity.enums';

/** An organisation as the seeds describe it; `key` is only a handle inside the seed files. */
export interface OrganisationSeed {
  key: string;
  name: string;
  abbreviation?: string | null;
  kind: OrganisationKind;
  parentKey?: string | null;
  /** TOOI URI, e.g. https://identifier.overheid.nl/tooi/id/ministerie/mnre1034 — only when certain. */
  tooiUri?: string | null;
  /** 20-digit Organisatie-identificatienummer — only when certain. */
  oin?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  visitingAddress?: AddressContent | null;
  postalAddress?: AddressContent | null;
}

/** One source document as a structured record of an organisation. */
export interface SeedRecord {
  /** The source document it was transcribed from (file in the shared reference set). */
  sourceDocument: string;
  organisationKey: string;
  /** Organisations (keys) that adopted the record: a shared processing they list in their own registers too. */
  sharedWith?: string[];
  reference: string;
  status: VersionStatus;
  content: RecordContent;
}
