/** Every public field of a published version, nested all the way down: used where a test must see all the public surface returns. */
export const ALL_VERSION_FIELDS = `
  id reference versionNumber publishedAt updatedAt title description legalRole jointControllershipArrangement recipientsNone
  relatedProcessingsStatement dataSubjectRights processingLocation
  retention { text rules { kind duration eventTrigger valuation selectionList processNumber processTitle appliesTo sourceFragment } } source { isDataSubject description }
  organisation { id name abbreviation kind tooiUri oin website email phone publishedActivityCount parent { id name } }
  automatedDecisionMaking { applies statement logic consequences }
  thirdCountryTransfers { applies statement safeguardStatement transfers { recipientName internationalOrganisation explanation country { code name nameEn } safeguard { code label labelEn gdprArticle dpvIri } } }
  purposes { description legalBasisExplanation legalBasis { code label labelEn gdprArticle dpvIri } statutoryReferences { title url } }
  dataSubjectGroups { description noSpecialCategories specialCategories { code label labelEn gdprArticle dpvIri }
    dataItems { description collectionPurpose retention { text rules { kind duration eventTrigger valuation selectionList processNumber processTitle appliesTo sourceFragment } }
      source { isDataSubject description } provision { obligatory statement consequences } } }
  recipients { description explanation }
  controllers { name roleDescription kind email phone visitingAddress { line postalCode city countryCode } postalAddress { line postalCode city countryCode } organisation { id name } }
  processors { name kind email phone organisation { id name } }
  relatedProcessings { reference description activity { id title } }
`;

/** Every public field of a record: its current version's, and the organisations that adopted it (shared records). */
export const ALL_ACTIVITY_FIELDS = `${ALL_VERSION_FIELDS} sharedWith { id name kind tooiUri }`;
