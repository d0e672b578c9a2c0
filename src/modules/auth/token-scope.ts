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
}

/** The CLI and docs spell scopes in lower case with a colon: records:write, internal:read, operator. */
export const SCOPE_ALIASES: Record<string, TokenScope> = {
  'records:write': TokenScope.RECORDS_WRITE,
  'internal:read': TokenScope.INTERNAL_READ,
  operator: TokenScope.OPERATOR,
  RECORDS_WRITE: TokenScope.RECORDS_WRITE,
  INTERNAL_READ: TokenScope.INTERNAL_READ,
  OPERATOR: TokenScope.OPERATOR,
};

export function parseScopes(text: string): TokenScope[] {
  const scopes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const scope = SCOPE_ALIASES[s];
      if (!scope) throw new Error(`unknown scope "${s}" (known: records:write, internal:read, operator)`);
      return scope;
    });
  if (!scopes.length) throw new Error('at least one scope is required');
  return [...new Set(scopes)];
}
