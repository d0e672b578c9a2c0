import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { config } from '../../config';
import type { Organisation } from '../organisation/organisation.entity';
import { subtreeIdsSql } from '../organisation/organisation-scope';
import { ApiToken } from './api-token.entity';
import { scopeConflict, type TokenScope } from './token-scope';

export const TOKEN_PREFIX = 'vr_';
/** Characters of the token kept in clear as its public identifier: "vr_" plus 8. */
const PUBLIC_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_FORMAT = /^vr_[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface CreatedToken {
  /** The secret: shown once, never stored. */
  token: string;
  apiToken: ApiToken;
}

export interface CreateTokenInput {
  organisation: Organisation;
  name: string;
  scopes: TokenScope[];
  /** Days until the token expires; absent or null for the default (config.tokenDefaultExpiryDays). */
  expiresInDays?: number | null;
  /** A token that never expires: only when asked for explicitly. */
  noExpiry?: boolean;
}

/** Why a presented token does not authenticate, in words for the caller (who holds the secret). */
export type TokenCheck = { token: ApiToken; refusal?: undefined } | { token?: undefined; refusal: string };

/** Issues, verifies, lists and revokes API tokens. */
export class ApiTokenService {
  constructor(private readonly em: EntityManager) {}

  async create(input: CreateTokenInput): Promise<CreatedToken> {
    if (!input.scopes.length) throw new Error('a token needs at least one scope');
    const conflict = scopeConflict(input.scopes);
    if (conflict) throw new Error(conflict);
    if (input.expiresInDays != null && !(input.expiresInDays > 0)) throw new Error('expiresInDays must be positive');
    if (input.expiresInDays != null && input.noExpiry) throw new Error('give either an expiry or none (noExpiry), not both');
    const days = input.noExpiry ? null : (input.expiresInDays ?? (config.tokenDefaultExpiryDays || null));
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const apiToken = this.em.create(ApiToken, {
      organisation: input.organisation,
      name: input.name,
      prefix: token.slice(0, PUBLIC_PREFIX_LENGTH),
      tokenHash: hashToken(token),
      scopes: [...new Set(input.scopes)],
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
    });
    await this.em.flush();
    return { token, apiToken };
  }

  /** The live token for a secret, or null when it is unknown, malformed, revoked or expired. */
  async verify(token: string, now = new Date()): Promise<ApiToken | null> {
    return (await this.check(token, now)).token ?? null;
  }

  /**
   * The organisation of the token with this secret and all its descendants, found by the
   * secret's hash, so it can be read beside check() (on another connection) rather than after it.
   * Says nothing of whether the token is live: only for a token check() accepts, whose
   * organisation is `root`.
   */
  async organisationTree(token: string): Promise<{ root: string | null; ids: string[] }> {
    if (!TOKEN_FORMAT.test(token)) return { root: null, ids: [] };
    const hash = hashToken(token);
    const tokenOrganisation = '(select t.organisation_id from api_token t where t.token_hash = ?)';
    const [row] = await this.em
      .getConnection()
      .execute<{ root: string | null; ids: string[] }[]>(`select ${tokenOrganisation} as root, array(${subtreeIdsSql(tokenOrganisation)}) as ids`, [hash, hash]);
    return row;
  }

  /** The live token for a secret, or why it is refused (only the secret's holder can learn that a token expired or was revoked). */
  async check(token: string, now = new Date()): Promise<TokenCheck> {
    const invalid = { refusal: 'The API token is invalid: send the whole token as "Authorization: Bearer vr_…".' };
    if (!TOKEN_FORMAT.test(token)) return invalid;
    const apiToken = await this.em.findOne(ApiToken, { tokenHash: hashToken(token) }, { populate: ['organisation'] });
    if (!apiToken) return invalid;
    if (apiToken.revokedAt) return { refusal: `This API token (${apiToken.prefix}) was revoked on ${apiToken.revokedAt.toISOString()}; ask an operator for a new one.` };
    if (apiToken.expiresAt && apiToken.expiresAt <= now) return { refusal: `This API token (${apiToken.prefix}) expired on ${apiToken.expiresAt.toISOString()}; ask an operator for a new one.` };
    // lastUsedAt at minute precision: one small write per token per minute at most.
    if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > 60_000) {
      await this.em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: now });
      apiToken.lastUsedAt = now;
    }
    return { token: apiToken };
  }

  /** Revokes by public prefix or id; answers the token, or null if none matched. Revoking twice keeps the first moment. */
  async revoke(prefixOrId: string, organisationIds?: string[]): Promise<ApiToken | null> {
    const where = /^[0-9a-f-]{36}$/.test(prefixOrId) ? { id: prefixOrId } : { prefix: prefixOrId };
    const apiToken = await this.em.findOne(ApiToken, organisationIds ? { ...where, organisation: { $in: organisationIds } } : where, { populate: ['organisation'] });
    if (!apiToken) return null;
    apiToken.revokedAt ??= new Date();
    await this.em.flush();
    return apiToken;
  }

  async list(organisation?: Organisation): Promise<ApiToken[]> {
    return this.em.find(ApiToken, organisation ? { organisation } : {}, { populate: ['organisation'], orderBy: { createdAt: 'asc' } });
  }
}
