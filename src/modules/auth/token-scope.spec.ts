import { parseScopes, scopeConflict, TokenScope } from './token-scope';

describe('token scopes', () => {
  it('reads register:read as REGISTER_READ, alone or with internal:read', () => {
    expect(parseScopes('register:read')).toEqual([TokenScope.REGISTER_READ]);
    expect(parseScopes('register:read, internal:read')).toEqual([TokenScope.REGISTER_READ, TokenScope.INTERNAL_READ]);
  });

  it('refuses a register-wide reader that could also write', () => {
    expect(() => parseScopes('register:read,records:write')).toThrow('register:read cannot be combined with records:write');
    expect(scopeConflict([TokenScope.REGISTER_READ, TokenScope.RECORDS_WRITE])).not.toBeNull();
    expect(scopeConflict([TokenScope.RECORDS_WRITE, TokenScope.INTERNAL_READ])).toBeNull();
  });

  it('names register:read among the known scopes', () => {
    expect(() => parseScopes('register:write')).toThrow('known: records:write, internal:read, register:read, operator');
  });
});
