/** The downloads the register offers: one list that the routes, the listing page and the DCAT catalogue all read. */
export interface Download {
  /** File name under /open-data/. */
  file: string;
  title: string;
  description: string;
  mediaType: string;
  /** EU file-type authority name, as DCAT-AP's dct:format wants it. */
  format: string;
}

export const DOWNLOADS: Download[] = [
  {
    file: 'processing-activities.csv',
    title: 'Processing activities (CSV)',
    description: 'One row per published processing activity; lists joined with " | ". UTF-8 with BOM, for spreadsheets.',
    mediaType: 'text/csv',
    format: 'CSV',
  },
  {
    file: 'processing-activities-data-items.csv',
    title: 'Data items of the processing activities (CSV)',
    description: 'One row per personal data item, with its data-subject group, retention text and parsed retention rules. UTF-8 with BOM.',
    mediaType: 'text/csv',
    format: 'CSV',
  },
  {
    file: 'processing-activities.ndjson',
    title: 'Processing activities (NDJSON)',
    description: 'One published record per line, in the shape of the GraphQL type ProcessingActivity with every field.',
    mediaType: 'application/x-ndjson',
    format: 'JSON',
  },
  {
    file: 'processing-activities.jsonld',
    title: 'Processing activities as linked data (JSON-LD, W3C DPV)',
    description: 'The register in the W3C Data Privacy Vocabulary: purposes, legal bases, data subjects, personal data, recipients, transfers, retention.',
    mediaType: 'application/ld+json',
    format: 'JSON_LD',
  },
];
