import { DOWNLOADS } from './downloads';

export interface CatalogSettings {
  /** Where the register is served, e.g. https://verwerkingsregister.example.nl (no trailing slash). */
  base: string;
  license: string;
  publisherName: string;
  publisherUri: string | null;
  contactEmail: string | null;
}

const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const EU_LANGUAGE_NLD = 'http://publications.europa.eu/resource/authority/language/NLD';

/**
 * The DCAT-AP catalogue that Dutch and European data portals harvest: one dataset (the public
 * register) with a distribution per download, the GraphQL endpoint and the change feed as data
 * services, licence, publisher, contact point and the moment of the register's last change.
 */
export function catalog(settings: CatalogSettings, modified: Date | null, position: string): Record<string, unknown> {
  const { base } = settings;
  const dataset = `${base}/open-data/catalog.jsonld#register`;
  const publisher = { '@id': settings.publisherUri ?? `${base}/#publisher`, '@type': 'foaf:Agent', 'foaf:name': settings.publisherName };
  const license = { '@id': settings.license };
  const graphql = `${base}/graphql`;
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      'dct:modified': { '@type': 'xsd:dateTime' },
    },
    '@id': `${base}/open-data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': 'Verwerkingsregister',
    'dct:description': 'Catalogue of the shared register of personal-data processing activities (GDPR Art. 30) of Dutch public bodies.',
    'dct:publisher': publisher,
    'dct:language': { '@id': EU_LANGUAGE_NLD },
    'foaf:homepage': { '@id': `${base}/` },
    ...(modified ? { 'dct:modified': modified.toISOString() } : {}),
    'dcat:dataset': {
      '@id': dataset,
      '@type': 'dcat:Dataset',
      'dct:identifier': dataset,
      'dct:title': 'Register van verwerkingsactiviteiten (open data)',
      'dct:description': `Every published processing activity of the register, as the public API shows it. Register position (change-log position) ${position}.`,
      'dcat:keyword': ['AVG', 'GDPR', 'verwerkingsregister', 'artikel 30', 'privacy'],
      'dct:publisher': publisher,
      'dct:license': license,
      'dct:language': { '@id': EU_LANGUAGE_NLD },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/CONT' },
      ...(modified ? { 'dct:modified': modified.toISOString() } : {}),
      ...(settings.contactEmail ? { 'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': settings.publisherName, 'vcard:hasEmail': { '@id': `mailto:${settings.contactEmail}` } } } : {}),
      'dcat:distribution': [
        ...DOWNLOADS.map((d) => ({
          '@id': `${base}/open-data/${d.file}`,
          '@type': 'dcat:Distribution',
          'dct:title': d.title,
          'dct:description': d.description,
          'dcat:accessURL': { '@id': `${base}/open-data/` },
          'dcat:downloadURL': { '@id': `${base}/open-data/${d.file}` },
          'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${d.mediaType}` },
          'dct:format': { '@id': `${EU_FILE_TYPE}${d.format}` },
          'dct:license': license,
        })),
        {
          '@id': `${graphql}#distribution`,
          '@type': 'dcat:Distribution',
          'dct:title': 'GraphQL API',
          'dct:description': 'The public GraphQL API: paging, filters, full-text search, facets.',
          'dcat:accessURL': { '@id': graphql },
          'dcat:accessService': { '@id': `${graphql}#service` },
          'dct:license': license,
        },
        {
          '@id': `${graphql}#changes`,
          '@type': 'dcat:Distribution',
          'dct:title': 'Change feed (GraphQL query "changes")',
          'dct:description': 'Every change of the public register in order, with tombstones for records that left it: how a mirror follows the register.',
          'dcat:accessURL': { '@id': graphql },
          'dcat:accessService': { '@id': `${graphql}#service` },
          'dct:license': license,
        },
      ],
    },
    'dcat:service': {
      '@id': `${graphql}#service`,
      '@type': 'dcat:DataService',
      'dct:title': 'Verwerkingsregister GraphQL API',
      'dcat:endpointURL': { '@id': graphql },
      'dcat:endpointDescription': { '@id': `${graphql}/schema.graphql` },
      'dcat:servesDataset': { '@id': dataset },
      'dct:license': license,
    },
  };
}
