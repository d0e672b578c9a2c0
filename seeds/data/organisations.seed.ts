import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import type { OrganisationSeed } from '../seed-record';

/**
 * The organisations the seed records belong to, as a tree (one parent per node).
 *
 * Only public, functional data: TOOI URIs where the exact code is known, websites and
 * postal addresses where certain (the RVO and Financiën postal addresses are the ones the
 * source documents give for their controllers). OIN is left null throughout.
 *
 * M4140's "Organisatie" line reads "Ministerie van Financiën SG/ Directie Communicatie KD":
 * the ministry is the parent, the unit is "SG/ Directie Communicatie" (the Directie
 * Communicatie under the Secretaris-generaal). The trailing "KD" is read as the
 * kerndepartement marker of the central register, not part of the unit's name.
 *
 * Gemeenschappelijke Regeling werkorganisatie HLTsamen acts for the municipalities
 * Hillegom, Lisse and Teylingen; since a node has a single parent, the GR and the three
 * municipalities are all top-level.
 */
export const SEED_ORGANISATIONS: OrganisationSeed[] = [
  {
    key: 'DEF',
    name: 'Ministerie van Defensie',
    kind: OrganisationKind.MINISTRY,
    parentKey: null,
    tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034',
    oin: null,
    website: 'https://www.defensie.nl',
    postalAddress: { line: 'Postbus 20701', postalCode: '2500 ES', city: 'Den Haag', countryCode: 'NL' },
  },
  {
    key: 'EZ',
    name: 'Ministerie van Economische Zaken',
    abbreviation: 'EZ',
    kind: OrganisationKind.MINISTRY,
    parentKey: null,
    tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1045',
    oin: null,
    website: null,
  },
  {
    key: 'RVO',
    name: 'Rijksdienst voor Ondernemend Nederland',
    abbreviation: 'RVO',
    kind: OrganisationKind.AGENCY,
    parentKey: 'EZ',
    tooiUri: null,
    oin: null,
    website: 'https://www.rvo.nl',
    visitingAddress: { line: 'Prinses Beatrixlaan 2', postalCode: '2595 AL', city: 'Den Haag', countryCode: 'NL' },
    postalAddress: { line: 'Postbus 93144', postalCode: '2509 AC', city: 'Den Haag', countryCode: 'NL' },
  },
  {
    key: 'FIN',
    name: 'Ministerie van Financiën',
    kind: OrganisationKind.MINISTRY,
    parentKey: null,
    tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090',
    oin: null,
    website: 'https://www.rijksoverheid.nl/ministeries/ministerie-van-financien',
    postalAddress: { line: 'Postbus 20201', postalCode: '2500 EE', city: 'Den Haag', countryCode: 'NL' },
  },
  {
    key: 'FIN-SG-DC',
    name: 'SG/ Directie Communicatie',
    kind: OrganisationKind.DIRECTORATE,
    parentKey: 'FIN',
    tooiUri: null,
    oin: null,
    website: null,
  },
  {
    key: 'HLTSAMEN',
    name: 'Gemeenschappelijke Regeling werkorganisatie HLTsamen',
    abbreviation: 'HLTsamen',
    kind: OrganisationKind.JOINT_ARRANGEMENT,
    parentKey: null,
    tooiUri: null,
    oin: null,
    website: null,
  },
  {
    key: 'LISSE',
    name: 'Gemeente Lisse',
    kind: OrganisationKind.MUNICIPALITY,
    parentKey: null,
    tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553',
    oin: null,
    website: 'https://www.lisse.nl',
  },
  {
    key: 'HILLEGOM',
    name: 'Gemeente Hillegom',
    kind: OrganisationKind.MUNICIPALITY,
    parentKey: null,
    tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0534',
    oin: null,
    website: 'https://www.hillegom.nl',
  },
  {
    key: 'TEYLINGEN',
    name: 'Gemeente Teylingen',
    kind: OrganisationKind.MUNICIPALITY,
    parentKey: null,
    tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm1525',
    oin: null,
    website: 'https://www.teylingen.nl',
  },
];
