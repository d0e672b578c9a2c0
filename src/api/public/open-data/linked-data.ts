/**
 * The register as linked data: each public record as a W3C Data Privacy Vocabulary (DPV 2.x)
 * process. Legal bases, special categories and transfer safeguards carry the DPV IRIs of their
 * vocabulary terms (the same `dpvIri` the GraphQL terms show); countries the DPV location
 * concepts; organisations their TOOI IRI where known. The context is inline, so a consumer (or a
 * test) needs no network to expand it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- records are the GraphQL answer's plain JSON */
type Node = any;

export const DPV_CONTEXT = {
  dpv: 'https://w3id.org/dpv#',
  loc: 'https://w3id.org/dpv/loc#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dct:issued': { '@type': 'xsd:dateTime' },
  'dct:modified': { '@type': 'xsd:dateTime' },
  'dpv:hasDuration': { '@type': 'xsd:duration' },
} as const;

/** IRI of a record within a register served at `base` (a fragment of the linked-data download). */
export const recordIri = (base: string, id: string) => `${base}/open-data/processing-activities.jsonld#${encodeURIComponent(id)}`;
const organisationIri = (base: string, organisation: Node) => organisation.tooiUri ?? `${base}/open-data/processing-activities.jsonld#organisation-${encodeURIComponent(organisation.id)}`;

const term = (t: Node, type: string) => (t?.dpvIri ? { '@id': t.dpvIri } : t ? { '@type': type, 'rdfs:label': t.label } : undefined);
const compact = <T>(values: (T | undefined | null)[]) => values.filter((v): v is T => v !== undefined && v !== null);

export function recordAsDpv(base: string, activity: Node): Record<string, unknown> {
  const groups: Node[] = activity.dataSubjectGroups;
  const transfers: Node[] = activity.thirdCountryTransfers?.transfers ?? [];
  const specialCategories = new Map<string, Node>();
  for (const group of groups) for (const c of group.specialCategories) specialCategories.set(c.code, c);
  return {
    '@id': recordIri(base, activity.id),
    '@type': 'dpv:Process',
    'dct:identifier': activity.reference,
    'dct:title': activity.title,
    ...(activity.description ? { 'dct:description': activity.description } : {}),
    'dct:issued': activity.publishedAt,
    'dct:modified': activity.updatedAt,
    'dpv:hasDataController': {
      '@id': organisationIri(base, activity.organisation),
      '@type': 'dpv:DataController',
      'foaf:name': activity.organisation.name,
    },
    // Several controllers of one processing (a municipality's burgemeester, college and raad), each with its role.
    ...(activity.controllers.length > 1
      ? {
          'dpv:hasJointDataControllers': {
            '@type': 'dpv:JointDataControllers',
            'dpv:hasDataController': activity.controllers.map((c: Node) => ({
              ...(c.organisation?.tooiUri ? { '@id': c.organisation.tooiUri } : {}),
              '@type': 'dpv:DataController',
              'foaf:name': c.name,
              ...(c.roleDescription ? { 'dct:description': c.roleDescription } : {}),
            })),
          },
        }
      : {}),
    'dpv:hasPurpose': activity.purposes.map((p: Node) => ({
      '@type': 'dpv:Purpose',
      'dct:description': p.description,
      ...(p.legalBasis ? { 'dpv:hasLegalBasis': term(p.legalBasis, 'dpv:LegalBasis') } : {}),
    })),
    'dpv:hasDataSubject': groups.map((g) => ({ '@type': 'dpv:DataSubject', 'dct:description': g.description })),
    'dpv:hasPersonalData': [
      ...groups.flatMap((g) =>
        g.dataItems.map((item: Node) => ({
          '@type': 'dpv:PersonalData',
          'dct:description': item.description,
          ...(item.retention.text
            ? {
                'dpv:hasStorageCondition': {
                  '@type': 'dpv:StorageDuration',
                  'dct:description': item.retention.text,
                  ...(item.retention.rules.some((r: Node) => r.duration) ? { 'dpv:hasDuration': compact(item.retention.rules.map((r: Node) => r.duration)) } : {}),
                },
              }
            : {}),
        })),
      ),
      ...[...specialCategories.values()].map((c) => term(c, 'dpv:SpecialCategoryPersonalData')),
    ],
    'dpv:hasRecipient': activity.recipients.map((r: Node) => ({ '@type': 'dpv:Recipient', 'dct:description': r.description })),
    'dpv:hasDataProcessor': activity.processors.map((p: Node) => ({ '@type': 'dpv:DataProcessor', 'foaf:name': p.name })),
    'dpv:hasThirdCountry': compact(transfers.map((t) => (t.country ? { '@id': `${DPV_CONTEXT.loc}${t.country.code}` } : undefined))),
    'dpv:hasTechnicalOrganisationalMeasure': compact(transfers.map((t) => (t.safeguard ? term(t.safeguard, 'dpv:TechnicalOrganisationalMeasure') : undefined))),
  };
}
