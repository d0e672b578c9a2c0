/**
 * What an API token may do. A token always acts for one organisation and its sub-organisations;
 * OPERATOR additionally manages the register itself (organisations and tokens, register-wide).
 */
export enum TokenScope {
  /** Create and change records of the token's organisation and its sub-organisations. */
  RECORDS_WRITE = 'RECORDS_WRITE',
  /** Read those organisations' drafts, internal fields, every version and the audit log. */
  INTERNAL_READ = 'INTERNAL_READ',
  /** Register operators: manage organisations and tokens. */
  OPERATOR = 'OPERATOR',
  /**
   * Supervisors and the register's own staff: read internal data and statistics of EVERY
   * organisation; never writes (it cannot be combined with RECORDS_WRITE). Issued by an operator only.
   */
  REGISTER_READ = 'REGISTER_READ',
}

/** The CLI and docs spell scopes in lower case with a colon: records:write, internal:read, operator. */
export const SCOPE_ALIASES: Record<string, TokenScope> = {
  'records:write': TokenScope.RECORDS_WRITE,
  'internal:read': TokenScope.INTERNAL_READ,
  operator: TokenScope.OPERATOR,
  'register:read': TokenScope.REGISTER_READ,
  RECORDS_WRITE: TokenScope.RECORDS_WRITE,
  INTERNAL_READ: TokenScope.INTERNAL_READ,
  OPERATOR: TokenScope.OPERATOR,
  REGISTER_READ: TokenScope.REGISTER_READ,
};

export function parseScopes(text: string): TokenScope[] {
  const scopes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const scope = SCOPE_ALIASES[s];
      if (!scope) throw new Error(`unknown scope "${s}" (known: records:write, internal:read, register:read, operator)`);
      return scope;
    });
  if (!scopes.length) throw new Error('at least one scope is required');
  const conflict = scopeConflict(scopes);
  if (conflict) throw new Error(conflict);
  return [...new Set(scopes)];
}

/** Why a set of scopes cannot go on one token, or null. A register-wide reader must never write, so it cannot also hold RECORDS_WRITE. */
export function scopeConflict(scopes: readonly TokenScope[]): string | null {
  if (scopes.includes(TokenScope.REGISTER_READ) && scopes.includes(TokenScope.RECORDS_WRITE)) return 'register:read cannot be combined with records:write: a register-wide reader never writes';
  return null;
}

/** The scopes that read internal data: of the token's own organisations (INTERNAL_READ), or of every organisation (REGISTER_READ). */
export const INTERNAL_READERS = [TokenScope.INTERNAL_READ, TokenScope.REGISTER_READ] as const;
