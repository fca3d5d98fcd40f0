/**
 * Every action the server writes to the audit log has its words in the catalogue
 * (contracts/audit-catalogue.ts), so the audit page never shows a code. The server's
 * `writeAudit`/`writeAuditAlone` calls are read from the source: each literal action and object
 * type must be in the catalogue, and each catalogue entry must still be written somewhere.
 * Actions passed through a helper's parameter (a workflow step's `action`) are held by the
 * compiler instead: AuditInput.action is typed AuditAction, which the last test pins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTION_CODES,
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPE_CODES,
  AUDIT_OBJECT_TYPES,
} from '@corridor/contracts';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function sources(): { path: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-helpers'))
    .map((f) => ({ path: f, text: readFileSync(join(SRC, f), 'utf8') }));
}

/**
 * The end of the bracketed expression that opens at `start` (a `(`, `{` or `[`), skipping
 * strings, template literals (with their `${…}`) and comments.
 */
function closing(text: string, start: number): number {
  const stack: string[] = [];
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack.at(-1);
    if (top === '`') {
      if (c === '\\') i++;
      else if (c === '`') {
        stack.pop();
        if (stack.length === 0) return i;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push('${');
        i++;
      }
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
    else if (c === '`') stack.push('`');
    else if ('({['.includes(c)) stack.push(c);
    else if (')}]'.includes(c)) {
      stack.pop();
      if (stack.length === 0) return i;
    }
    i++;
  }
  throw new Error(`unbalanced expression at ${start}`);
}

/** The expression of property `name` in an object literal's text (up to its comma), or null. */
function property(call: string, name: string): string | null {
  const found = new RegExp(`\\b${name}\\s*([:,}])`).exec(call);
  if (!found) return null;
  if (found[1] !== ':') return name; // shorthand: a variable of that name
  let i = found.index + found[0].length;
  const from = i;
  while (i < call.length && !',}\n'.includes(call[i]!)) {
    if ('({['.includes(call[i]!) || call[i] === '`') i = closing(call, i);
    else if (call[i] === "'" || call[i] === '"') i = call.indexOf(call[i]!, i + 1);
    i++;
  }
  // A ternary may run over lines: take the rest of the expression up to the next property.
  if (call[i] === '\n' && /^\s*[?:]/.test(call.slice(i))) {
    const rest = /^[\s\S]*?,\s*\n/.exec(call.slice(i));
    return call.slice(from, i + (rest ? rest[0].length : 0));
  }
  return call.slice(from, i);
}

interface Written {
  path: string;
  expression: string;
  /** Plain literals in the expression (both arms of a ternary). */
  literals: string[];
  /** Template literals, as patterns (`${…}` stands for a word). */
  patterns: RegExp[];
}

function literalsOf(path: string, expression: string): Written {
  const templates = [...expression.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
  // The arms of a ternary are the actions; the literals its condition compares with are not.
  const plain = expression
    .replace(/`[^`]*`/g, '')
    .replace(/[!=]==\s*'[^']*'/g, '')
    .replace(/'[^']*'\s*[!=]==/g, '');
  return {
    path,
    expression: expression.trim(),
    literals: [...plain.matchAll(/'([^']*)'/g)].map((m) => m[1]!),
    patterns: templates.map(
      (t) =>
        new RegExp(
          `^${t
            .split(/\$\{[^}]*\}/)
            .map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('[a-z_]+')}$`,
        ),
    ),
  };
}

/** Each audit write in the server: its action and object type expressions. */
function auditWrites() {
  const out: { action: Written; objectType: Written | null }[] = [];
  for (const { path, text } of sources()) {
    for (const m of text.matchAll(/\bwriteAudit(?:Alone)?\(/g)) {
      const open = m.index + m[0].length - 1;
      const call = text.slice(open, closing(text, open) + 1);
      if (/^\(\s*trx: Transaction/.test(call) || /^\(\s*ctx: Ctx/.test(call)) continue; // definitions
      const action = property(call, 'action');
      if (action === null) {
        // Passing on a whole AuditInput (writeAuditAlone → writeAudit): typed, nothing to read.
        if (!call.includes('{')) continue;
        throw new Error(`${path}: an audit write without an action`);
      }
      const objectType = property(call, 'objectType');
      out.push({
        action: literalsOf(path, action),
        objectType: objectType ? literalsOf(path, objectType) : null,
      });
    }
  }
  return out;
}

describe('audit catalogue against the server source', () => {
  const writes = auditWrites();

  it('finds the audit writes of every module', () => {
    // A scanner that found nothing would pass everything: the server has dozens of writes.
    expect(writes.length).toBeGreaterThan(60);
    const modules = new Set(writes.map((w) => w.action.path.split('/').slice(0, 2).join('/')));
    for (const m of [
      'modules/auth',
      'modules/deals',
      'modules/orgs',
      'modules/market',
      'core/http',
    ])
      expect(modules).toContain(m);
  });

  it('has words for every action written, literal or built', () => {
    const unlabelled: string[] = [];
    for (const { action } of writes) {
      for (const code of action.literals)
        if (!Object.hasOwn(AUDIT_ACTIONS, code)) unlabelled.push(`${action.path}: '${code}'`);
      for (const pattern of action.patterns)
        if (!AUDIT_ACTION_CODES.some((c) => pattern.test(c)))
          unlabelled.push(`${action.path}: ${pattern}`);
    }
    expect(unlabelled, 'actions written without a label in contracts/audit-catalogue.ts').toEqual(
      [],
    );
  });

  it('has words for every object type written', () => {
    const unknown: string[] = [];
    for (const { objectType } of writes) {
      if (!objectType) continue;
      for (const code of objectType.literals)
        if (!Object.hasOwn(AUDIT_OBJECT_TYPES, code)) unknown.push(`${objectType.path}: '${code}'`);
      for (const pattern of objectType.patterns)
        if (!AUDIT_OBJECT_TYPE_CODES.some((c) => pattern.test(c)))
          unknown.push(`${objectType.path}: ${pattern}`);
    }
    expect(unknown, 'object types without a label in contracts/audit-catalogue.ts').toEqual([]);
  });

  it('keeps no label for an action nothing writes any more', () => {
    const text = sources()
      .map((s) => s.text)
      .join('\n');
    const templates = [...text.matchAll(/`([a-z_]+\.[^`]*\$\{[^`]*)`/g)].map(
      (m) => literalsOf('', `\`${m[1]}\``).patterns[0]!,
    );
    const unused = AUDIT_ACTION_CODES.filter(
      (code) => !text.includes(`'${code}'`) && !templates.some((p) => p.test(code)),
    );
    expect(unused, 'catalogue actions no server code writes').toEqual([]);
  });

  it('types the action of every write on the catalogue (helpers that pass one through included)', () => {
    const audit = readFileSync(join(SRC, 'core/audit/audit.ts'), 'utf8');
    expect(audit).toMatch(/interface AuditInput \{[^}]*\baction: AuditAction;/);
    expect(audit).toMatch(/interface AuditInput \{[^}]*\bobjectType\?: AuditObjectType;/);
    // The writes whose action is a variable: each is typed on the catalogue where it is declared.
    const indirect = writes.filter(
      (w) => w.action.literals.length + w.action.patterns.length === 0,
    );
    expect(indirect.length).toBeGreaterThan(0);
  });
});
