import { describe, expect, it } from 'vitest';
import { queryTokens } from '../search';
import { PROBE_TERMS, probeTerms } from './matching.service';

describe('probe terms of a demand', () => {
  it('prefer the technology words over the words every request uses', () => {
    const tokens = queryTokens(
      '寻求锂电池极片缺陷检测解决方案：希望通过联合攻关实现在线检测，要求技术成熟度不低于6级，应用于动力电池场景。',
    );
    const probes = probeTerms(tokens);
    expect(probes.length).toBeLessThanOrEqual(PROBE_TERMS);
    expect(probes).toContain('锂电池');
    for (const noise of ['解决方案', '联合攻关', '成熟度', '技术成熟度', '不低于', '应用于'])
      expect(probes).not.toContain(noise);
  });

  it('leave out numbers and one-character words', () => {
    expect(probeTerms(['2026', '光', '激光器'])).toEqual(['激光器']);
  });
});
