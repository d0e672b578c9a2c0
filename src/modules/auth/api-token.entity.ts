import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Rel, Unique } from '@mikro-orm/core';
import { UuidEntity } from '../common/base.entity';
import { Organisation } from '../organisation/organisation.entity';
import { TokenScope } from './token-scope';

/**
 * A bearer token of one organisation. Only the SHA-256 hash of the secret is stored; the
 * secret is shown once, when the token is created. `prefix` (the first characters of the
 * token) identifies a token in lists, logs and the CLI without revealing it.
 */
@Entity({ tableName: 'api_token' })
export class ApiToken extends UuidEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  @Index()
  organisation!: Rel<Organisation>;

  /** A human label, e.g. "Defensie registersysteem (productie)". */
  @Property({ type: 'text' })
  name!: string;

  /** Public identifier, e.g. "vr_AbC123xY": the token's first 11 characters. */
  @Property({ type: 'string', length: 16 })
  @Unique()
  prefix!: string;

  /** SHA-256 (hex) of the whole token. */
  @Property({ type: 'character', length: 64 })
  @Unique()
  tokenHash!: string;

  @Enum({ items: () => TokenScope, array: true, nativeEnumName: 'api_token_scope' })
  scopes!: TokenScope[];

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
