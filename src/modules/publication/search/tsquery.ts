/**
 * PostgreSQL tsquery values as a tree, read from and written back to PostgreSQL's text form
 * (`'windmol' & !'zee'`, `'a' <-> 'b'`, `'verg':*`). The search planner rewrites queries as trees
 * (synonyms, prefixes) and sends the result as `$1::tsquery`; stemming stays PostgreSQL's.
 */
export type TsQuery =
  | { kind: 'word'; lexeme: string; prefix: boolean; weights: string }
  | { kind: 'not'; arg: TsQuery }
  | { kind: 'and' | 'or'; left: TsQuery; right: TsQuery }
  | { kind: 'phrase'; distance: number; left: TsQuery; right: TsQuery };

type Token = { t: 'word'; lexeme: string; prefix: boolean; weights: string } | { t: '!' | '&' | '|' | '(' | ')' } | { t: 'phrase'; distance: number };

/** Reads PostgreSQL's text output of a tsquery; null for the empty query (a search of stop words only). */
export function parseTsQuery(text: string): TsQuery | null {
  const tokens = tokenize(text);
  if (!tokens.length) return null;
  let i = 0;
  const peek = () => tokens[i];
  const expect = (t: Token['t']) => {
    if (tokens[i]?.t !== t) throw new Error(`tsquery: expected ${t} at token ${i} of ${text}`);
    i++;
  };
  // Precedence as PostgreSQL's: ! binds tightest, then <->, then &, then |; all left-associative.
  const or = (): TsQuery => {
    let left = and();
    while (peek()?.t === '|') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): TsQuery => {
    let left = phrase();
    while (peek()?.t === '&') {
      i++;
      left = { kind: 'and', left, right: phrase() };
    }
    return left;
  };
  const phrase = (): TsQuery => {
    let left = unary();
    for (let token = peek(); token?.t === 'phrase'; token = peek()) {
      i++;
      left = { kind: 'phrase', distance: token.distance, left, right: unary() };
    }
    return left;
  };
  const unary = (): TsQuery => {
    const token = peek();
    if (!token) throw new Error(`tsquery: unexpected end of ${text}`);
    i++;
    if (token.t === '!') return { kind: 'not', arg: unary() };
    if (token.t === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.t === 'word') return { kind: 'word', lexeme: token.lexeme, prefix: token.prefix, weights: token.weights };
    throw new Error(`tsquery: unexpected ${token.t} in ${text}`);
  };
  const query = or();
  if (i !== tokens.length) throw new Error(`tsquery: trailing input in ${text}`);
  return query;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ') i++;
    else if (c === "'") {
      let lexeme = '';
      for (i++; ; i++) {
        if (i >= text.length) throw new Error(`tsquery: unterminated lexeme in ${text}`);
        if (text[i] === '\\') lexeme += text[++i];
        else if (text[i] === "'" && text[i + 1] === "'") lexeme += text[++i];
        else if (text[i] === "'") break;
        else lexeme += text[i];
      }
      i++;
      const suffix = /^:(\*?)([A-D]*)/.exec(text.slice(i));
      if (suffix) i += suffix[0].length;
      tokens.push({ t: 'word', lexeme, prefix: suffix?.[1] === '*', weights: suffix?.[2] ?? '' });
    } else if (c === '<') {
      const op = /^<(-|\d+)>/.exec(text.slice(i));
      if (!op) throw new Error(`tsquery: bad phrase operator in ${text}`);
      tokens.push({ t: 'phrase', distance: op[1] === '-' ? 1 : Number(op[1]) });
      i += op[0].length;
    } else if (c === '!' || c === '&' || c === '|' || c === '(' || c === ')') {
      tokens.push({ t: c });
      i++;
    } else throw new Error(`tsquery: unexpected ${c} in ${text}`);
  }
  return tokens;
}

/** PostgreSQL's text form of a tree (fully parenthesised, so PostgreSQL reads back the same tree). */
export function formatTsQuery(q: TsQuery): string {
  switch (q.kind) {
    case 'word':
      return `'${q.lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${q.prefix || q.weights ? `:${q.prefix ? '*' : ''}${q.weights}` : ''}`;
    case 'not':
      return `!${wrap(q.arg)}`;
    case 'and':
      return `${wrap(q.left)} & ${wrap(q.right)}`;
    case 'or':
      return `${wrap(q.left)} | ${wrap(q.right)}`;
    case 'phrase':
      return `${wrap(q.left)} ${q.distance === 1 ? '<->' : `<${q.distance}>`} ${wrap(q.right)}`;
  }
}

// ! binds tightest: a word or a negation needs no parentheses as an operand.
const wrap = (q: TsQuery) => (q.kind === 'word' || q.kind === 'not' ? formatTsQuery(q) : `( ${formatTsQuery(q)} )`);

/** The operands of a chain of one operator (`a & b & c` → [a, b, c]), left to right. */
export function operandsOf(q: TsQuery, kind: 'and' | 'or'): TsQuery[] {
  return q.kind === kind ? [...operandsOf(q.left, kind), ...operandsOf(q.right, kind)] : [q];
}

/** The operands joined left-associatively by one operator; null for none. */
export function joined(operands: readonly TsQuery[], kind: 'and' | 'or'): TsQuery | null {
  if (!operands.length) return null;
  return operands.slice(1).reduce<TsQuery>((left, right) => ({ kind, left, right }), operands[0]);
}

export const word = (lexeme: string, prefix = false): TsQuery => ({ kind: 'word', lexeme, prefix, weights: '' });
