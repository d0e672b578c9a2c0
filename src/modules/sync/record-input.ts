import { ErrorCode, type FieldError, fieldError, type Path } from './field-error';
import type { SyncRecordData } from './record-validation';
import { type Resolved, resolveLegalBasis, resolveLegalRole, resolveSpecialCategory, resolveTransferSafeguard } from './vocabulary-input';

/**
 * Turns the vocabulary fields of a record as received (codes or Dutch labels, in any case) into
 * codes, and reports every value that is neither with its path, INVALID_CODE and a suggestion.
 * Answers a copy; the rest of the record is left to validateRecord.
 */
export function resolveRecordVocabulary(received: SyncRecordData, base: Path): { record: SyncRecordData; errors: FieldError[] } {
  let r = received;
  const errors: FieldError[] = [];
  const resolve = <C>(value: unknown, path: Path, what: string, resolver: (v: string) => Resolved<C>): C | null => {
    if (value == null) return null;
    if (typeof value !== 'string') {
      errors.push(fieldError([...base, ...path], ErrorCode.INVALID_CODE, `${what} must be a code or its Dutch label.`));
      return null;
    }
    const resolved = resolver(value);
    if (resolved.code !== null) return resolved.code;
    const hint = resolved.suggestion ? ` Did you mean "${resolved.suggestion}"?` : '';
    errors.push(fieldError([...base, ...path], ErrorCode.INVALID_CODE, `"${value}" is not a known ${what}.${hint}`, resolved.suggestion));
    return null;
  };

  const record: SyncRecordData = withListDefaults(r);
  r = record;
  if (r.legalRole == null) errors.push(fieldError([...base, 'legalRole'], ErrorCode.REQUIRED, 'legalRole is required: CONTROLLER, PROCESSOR or WPG_CONTROLLER.'));
  else record.legalRole = resolve(r.legalRole, ['legalRole'], 'legal role (CONTROLLER, PROCESSOR, WPG_CONTROLLER)', resolveLegalRole) ?? r.legalRole;

  if (r.purposes) record.purposes = r.purposes.map((p, i) => (p?.legalBasis == null ? p : { ...p, legalBasis: resolve(p.legalBasis, ['purposes', i, 'legalBasis'], 'legal basis', resolveLegalBasis) }));

  if (r.dataSubjectGroups)
    record.dataSubjectGroups = r.dataSubjectGroups.map((g, i) =>
      g?.specialCategories
        ? { ...g, specialCategories: g.specialCategories.map((c, j) => resolve(c, ['dataSubjectGroups', i, 'specialCategories', j], 'special category', resolveSpecialCategory) ?? c) }
        : g,
    );

  const transfers = r.thirdCountryTransfers?.transfers;
  if (r.thirdCountryTransfers && transfers)
    record.thirdCountryTransfers = {
      ...r.thirdCountryTransfers,
      transfers: transfers.map((t, i) => (t?.safeguard == null ? t : { ...t, safeguard: resolve(t.safeguard, ['thirdCountryTransfers', 'transfers', i, 'safeguard'], 'transfer safeguard', resolveTransferSafeguard) })),
    };
  return { record, errors };
}

const items = <T>(list: T[] | null | undefined): T[] => (Array.isArray(list) ? list : []);

/**
 * Lists absent from a record are empty lists, as the sync schema's input defaults make them: a
 * record from a file (`register sync`) or an importer then hashes and validates exactly like the
 * same record sent over GraphQL.
 */
function withListDefaults(r: SyncRecordData): SyncRecordData {
  const internal = r.internal;
  return {
    ...r,
    purposes: items(r.purposes).map((p) => (p && typeof p === 'object' ? { ...p, statutoryReferences: items(p.statutoryReferences) } : p)),
    dataSubjectGroups: items(r.dataSubjectGroups).map((g) => (g && typeof g === 'object' ? { ...g, specialCategories: items(g.specialCategories), dataItems: items(g.dataItems) } : g)),
    recipients: items(r.recipients),
    controllers: items(r.controllers),
    processors: items(r.processors),
    relatedProcessings: items(r.relatedProcessings),
    thirdCountryTransfers: r.thirdCountryTransfers && typeof r.thirdCountryTransfers === 'object' ? { ...r.thirdCountryTransfers, transfers: items(r.thirdCountryTransfers.transfers) } : r.thirdCountryTransfers,
    internal:
      internal && typeof internal === 'object'
        ? {
            ...internal,
            contactPersons: items(internal.contactPersons),
            systems: items(internal.systems),
            remarks: items(internal.remarks),
            attachments: items(internal.attachments),
            security: internal.security && typeof internal.security === 'object'
              ? { ...internal.security, measures: items(internal.security.measures), electronicChannels: items(internal.security.electronicChannels), access: items(internal.security.access) }
              : internal.security,
          }
        : internal,
  };
}
