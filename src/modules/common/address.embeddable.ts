import { Embeddable, Property } from '@mikro-orm/core';

/** A functional (organisation) address: visiting address or PO box. Never a person's home address. */
@Embeddable()
export class Address {
  /** Street and number, or "Postbus 20701". */
  @Property({ type: 'text' })
  line!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  postalCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Property({ type: 'character', length: 2, nullable: true })
  countryCode: string | null = null;
}
