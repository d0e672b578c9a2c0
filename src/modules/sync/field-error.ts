/** An expected, explained failure of one field or of the whole operation (path []). */
export interface FieldError {
  /** From the input's root, e.g. ["records", "3", "dataSubjectGroups", "0", "dataItems", "2", "retentionText"]. */
  path: string[];
  /** Stable machine code, e.g. REQUIRED, TOO_LONG, INVALID_COUNTRY_CODE, STALE_VERSION. */
  code: string;
  message: string;
  /** For an unknown vocabulary value: the closest valid code or label (did you mean …?). */
  suggestion?: string | null;
  /** For REQUIRED_FOR_PUBLICATION: the letter of AVG art. 30(1) the requirement enforces, e.g. "30(1)(c)". */
  article?: string | null;
}

export type Path = (string | number)[];

export const fieldError = (path: Path, code: string, message: string, suggestion?: string | null): FieldError =>
  suggestion ? { path: path.map(String), code, message, suggestion } : { path: path.map(String), code, message };

/** Error codes that callers can rely on. */
export const ErrorCode = {
  REQUIRED: 'REQUIRED',
  BLANK: 'BLANK',
  TOO_LONG: 'TOO_LONG',
  TOO_MANY: 'TOO_MANY',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_REFERENCE: 'INVALID_REFERENCE',
  INVALID_COUNTRY_CODE: 'INVALID_COUNTRY_CODE',
  INVALID_DURATION: 'INVALID_DURATION',
  INVALID_URL: 'INVALID_URL',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_PHONE: 'INVALID_PHONE',
  INVALID_OIN: 'INVALID_OIN',
  INVALID_TOOI: 'INVALID_TOOI',
  INVALID_DATE: 'INVALID_DATE',
  /** A vocabulary value (legal basis, special category, safeguard, legal role) that is neither a code nor a known label. */
  INVALID_CODE: 'INVALID_CODE',
  CONTRADICTION: 'CONTRADICTION',
  DUPLICATE_REFERENCE: 'DUPLICATE_REFERENCE',
  REQUIRED_FOR_PUBLICATION: 'REQUIRED_FOR_PUBLICATION',
  PERSONAL_EMAIL: 'PERSONAL_EMAIL',
  PHONE_NUMBER: 'PHONE_NUMBER',
  BSN: 'BSN',
  STALE_VERSION: 'STALE_VERSION',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  ROLLED_BACK: 'ROLLED_BACK',
  WITHHELD_BY_LAW: 'WITHHELD_BY_LAW',
  CONFLICT: 'CONFLICT',
  WRITE_FAILED: 'WRITE_FAILED',
  INVALID_PARENT: 'INVALID_PARENT',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  /** Text the database cannot store: a NUL character or an unpaired UTF-16 surrogate. */
  INVALID_CHARACTERS: 'INVALID_CHARACTERS',
  /** A destructive request that needs an explicit confirmation argument (REPLACE with no records). */
  CONFIRMATION_REQUIRED: 'CONFIRMATION_REQUIRED',
  /** Adopting a record the participant owns (an organisation lists its own records already). */
  OWN_RECORD: 'OWN_RECORD',
  /** A name (of an organisation) or reference that several candidates answer to: name it by id instead. */
  AMBIGUOUS: 'AMBIGUOUS',
} as const;
