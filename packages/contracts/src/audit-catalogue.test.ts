import { describe, expect, it } from 'vitest';
import { ABILITIES } from './abilities';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  auditObjectLink,
  isAuditAction,
} from './audit-catalogue';
import { AUDIT_FIELD_LABELS, AUDIT_FIELD_OVERRIDES, auditFieldLabel } from './audit-fields';

const CJK = /\p{Script=Han}/u;

describe('audit catalogue', () => {
  it('names every action, object type and detail field in Chinese and English', () => {
    const all = {
      ...AUDIT_ACTION_GROUPS,
      ...AUDIT_ACTIONS,
      ...AUDIT_OBJECT_TYPES,
      ...AUDIT_FIELD_LABELS,
      ...Object.assign({}, ...Object.values(AUDIT_FIELD_OVERRIDES)),
    } as Record<string, { zh: string; en: string }>;
    for (const [key, label] of Object.entries(all)) {
      expect(label.zh, key).toMatch(CJK);
      expect(label.en.trim(), key).not.toBe('');
      expect(label.en, key).not.toMatch(CJK);
      // A label is words, never the code it names.
      expect(label.zh, key).not.toBe(key);
    }
  });

  it('files every action under a group of the filter', () => {
    for (const [code, entry] of Object.entries(AUDIT_ACTIONS))
      expect(Object.keys(AUDIT_ACTION_GROUPS), code).toContain(entry.group);
  });

  it('links objects to in-app pages guarded by real abilities', () => {
    for (const [type, entry] of Object.entries(AUDIT_OBJECT_TYPES)) {
      if (!entry.link) continue;
      expect(entry.link.path, type).toMatch(/^\/app\/[a-z/:A-Za-z-]+$/);
      expect(ABILITIES, type).toContain(entry.link.ability);
    }
  });

  it('fills a link from the object id or the detail, and only with canonical ids', () => {
    expect(auditObjectLink('org', '32', {})).toEqual({
      path: '/app/orgs/32',
      ability: 'orgs.read',
    });
    expect(auditObjectLink('deal', '5', {})?.path).toBe('/app/deals');
    expect(auditObjectLink('indicator_year', '32:2025', { orgId: 32, year: 2025 })?.path).toBe(
      '/app/orgs/32',
    );
    expect(auditObjectLink('ranking_correction', '3', { editionId: 9 })?.path).toBe(
      '/app/rankings/9',
    );
    // A part missing or not a canonical id: no link rather than a wrong one.
    expect(auditObjectLink('ranking_correction', '3', {})).toBeNull();
    expect(auditObjectLink('org', '../accounts', {})).toBeNull();
    expect(auditObjectLink('org', '007', {})).toBeNull();
    expect(auditObjectLink('org', null, {})).toBeNull();
    expect(auditObjectLink('indicator_year', '1:2025', { orgId: '1/../../x' })).toBeNull();
    // No page of its own, or a type the catalogue does not know.
    expect(auditObjectLink('file', '4', {})).toBeNull();
    expect(auditObjectLink('toString', '4', {})).toBeNull();
  });

  it('tells catalogue codes from anything else, prototype names included', () => {
    expect(isAuditAction('deal.register')).toBe(true);
    expect(isAuditAction('deal.unknown')).toBe(false);
    expect(isAuditAction('constructor')).toBe(false);
    expect(auditFieldLabel(null, 'constructor')).toBeNull();
    expect(auditFieldLabel('ranking_correction', 'field')?.zh).toBe('纠错指标');
    expect(auditFieldLabel('market_achievement', 'field')?.zh).toBe('技术领域');
  });
});
