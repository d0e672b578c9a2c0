import type express from 'express';

/**
 * Refuses a request whose JSON (a POST body, or the `variables` and `extensions` parameters of a
 * GET) nests deeper than `maxDepth` objects and arrays, with 400 VARIABLES_TOO_DEEP and the path
 * where the limit was passed. Everything after it (the response cache's key, Apollo, the
 * executors' variable coercion) walks request JSON recursively; checked here without recursion,
 * a deep body can no longer exhaust the stack there.
 */
export function jsonDepthGuard(maxDepth: number): express.RequestHandler {
  return (req, res, next) => {
    const tooDeep =
      req.method === 'GET'
        ? (['variables', 'extensions'] as const).flatMap((name) => {
            const text = (req.query as Record<string, unknown>)[name];
            return typeof text === 'string' && textNestsDeeperThan(text, maxDepth) ? [[name]] : [];
          })[0]
        : pathDeeperThan(req.body, maxDepth);
    if (!tooDeep) return next();
    res.status(400).json({
      errors: [
        {
          message: `Request JSON is nested too deeply: more than ${maxDepth} levels of objects and arrays at ${tooDeep.join('.')}.`,
          extensions: { code: 'VARIABLES_TOO_DEEP', limit: maxDepth, path: tooDeep },
        },
      ],
    });
  };
}

interface Pending {
  value: unknown;
  depth: number;
  key: string | number;
  parent: Pending | null;
}

/** The path to the first object or array deeper than maxDepth (the body itself is level 1), or null. */
export function pathDeeperThan(root: unknown, maxDepth: number): (string | number)[] | null {
  return nestsDeeperThan(root, maxDepth) ? firstPathDeeperThan(root, maxDepth) : null;
}

/**
 * Whether any object or array lies deeper than maxDepth. Every request body is walked: this walk
 * keeps only values and depths (no path, no closure, no entry lists), and the path is looked for
 * only in a body that is refused.
 */
function nestsDeeperThan(root: unknown, maxDepth: number): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [1];
  while (values.length) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return true;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

function firstPathDeeperThan(root: unknown, maxDepth: number): (string | number)[] | null {
  const stack: Pending[] = [{ value: root, depth: 1, key: '', parent: null }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > maxDepth) return pathOf(item);
    const push = (value: unknown, key: string | number) => {
      if (typeof value === 'object' && value !== null) stack.push({ value, depth: item.depth + 1, key, parent: item });
    };
    if (Array.isArray(item.value)) for (let i = 0; i < item.value.length; i++) push(item.value[i], i);
    else for (const [key, value] of Object.entries(item.value)) push(value, key);
  }
  return null;
}

function pathOf(item: Pending): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Pending | null = item; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** Whether JSON text nests deeper than maxDepth, read without parsing it (brackets inside strings do not count). */
export function textNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
