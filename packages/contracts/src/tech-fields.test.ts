import { describe, expect, it } from 'vitest';
import { FIELD_CODES as MARKET_FIELD_CODES } from './index';
import {
  FIELD_CODES,
  isFieldCode,
  TECH_FIELD_LABELS,
  TECH_FIELDS,
  techFieldLabel,
} from './tech-fields';
import { HIGH_TECH_FIELDS } from './tiers/types';

const CJK = /[\u4e00-\u9fff]/;

describe('technology fields: one source of their names', () => {
  it('names every field code in Chinese and in English, each name distinct', () => {
    expect(Object.keys(TECH_FIELD_LABELS).sort()).toEqual([...FIELD_CODES].sort());
    for (const code of FIELD_CODES) {
      const { zh, en } = TECH_FIELD_LABELS[code];
      expect(zh, code).toMatch(CJK);
      expect(en.trim().length, code).toBeGreaterThan(0);
      expect(en, code).not.toMatch(CJK);
      // A label is never the code itself (what a chart without labels would draw).
      expect(en, code).not.toBe(code);
    }
    const zhNames = FIELD_CODES.map((c) => TECH_FIELD_LABELS[c].zh);
    const enNames = FIELD_CODES.map((c) => TECH_FIELD_LABELS[c].en);
    expect(new Set(zhNames).size).toBe(FIELD_CODES.length);
    expect(new Set(enNames).size).toBe(FIELD_CODES.length);
  });

  it('uses the names of 《国家重点支持的高新技术领域》 (生物与新医药, not the industry 生物医药)', () => {
    expect(TECH_FIELD_LABELS.biomedicine.zh).toBe('生物与新医药');
    expect(TECH_FIELD_LABELS.resourcesEnvironment.zh).toBe('资源与环境');
    expect(TECH_FIELD_LABELS.electronicInformation.zh).toBe('电子信息');
  });

  it('is the same code list the tier rules and the market validate against', () => {
    expect(FIELD_CODES).toEqual([...HIGH_TECH_FIELDS]);
    expect(MARKET_FIELD_CODES).toBe(FIELD_CODES);
    expect(TECH_FIELDS.map((f) => f.code)).toEqual(FIELD_CODES);
  });

  it('labels in the reader language and refuses what is not a field', () => {
    expect(techFieldLabel('newEnergy', 'zh-CN')).toBe('新能源与节能');
    expect(techFieldLabel('newEnergy', 'en')).toBe('New energy and energy saving');
    expect(techFieldLabel('optoelectronics', 'zh-CN')).toBeNull(); // an industry, not a field
    expect(techFieldLabel('', 'zh-CN')).toBeNull();
    expect(techFieldLabel(null, 'en')).toBeNull();
    expect(isFieldCode('toString')).toBe(false);
  });
});
