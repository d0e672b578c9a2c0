import { Entity, type Opt, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** ISO 3166-1 countries, for third-country transfers and addresses. */
@Entity({ tableName: 'country' })
export class Country {
  [PrimaryKeyProp]?: 'code';

  /** ISO 3166-1 alpha-2, upper case. */
  @PrimaryKey({ type: 'character', length: 2 })
  code!: string;

  @Property({ type: 'text' })
  nameNl!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date & Opt | null = null;
}
