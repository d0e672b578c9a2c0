import { type Opt, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** Shared columns of every controlled vocabulary: a stable code, labels, the legal article and the W3C DPV IRI. */
export abstract class VocabularyTermEntity {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'text' })
  labelNl!: string;

  @Property({ type: 'text' })
  labelEn!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  gdprArticle: string | null = null;

  @Property({ type: 'text', nullable: true })
  dpvIri: string | null = null;

  /** Terms are retired, never renamed or deleted: stored records keep pointing at them. */
  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date & Opt | null = null;
}
