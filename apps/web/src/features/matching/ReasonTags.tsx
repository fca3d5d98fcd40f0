import type { MatchReason } from '@corridor/contracts';
import { Space, Tag } from 'antd';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';

const COLORS: Record<MatchReason['code'], string> = {
  shared_terms: 'blue',
  same_field: 'geekblue',
  chain_link: 'purple',
  trl_fit: 'green',
  price_within_budget: 'gold',
  cross_city: 'magenta',
};

/** A match's reasons as tags (texts from the i18n catalogues, parameters filled in). */
export function ReasonTags({ reasons }: { reasons: MatchReason[] }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r) => {
        const p = r.params;
        const params = {
          terms: Array.isArray(p.terms) ? p.terms.join('、') : '',
          industry: labels.industry(typeof p.industry === 'string' ? p.industry : null),
          trl: typeof p.trl === 'number' ? p.trl : '',
          price: typeof p.price === 'number' ? p.price : '',
          budget: typeof p.budget === 'number' ? p.budget : '',
          from: labels.city(typeof p.from === 'string' ? p.from : null),
          to: labels.city(typeof p.to === 'string' ? p.to : null),
        };
        return (
          <Tag key={r.code} color={COLORS[r.code]}>
            {t(`matching.reason.${r.code}` as MessageKey, params)}
          </Tag>
        );
      })}
    </Space>
  );
}
