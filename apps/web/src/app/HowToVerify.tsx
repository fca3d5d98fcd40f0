import { QuestionCircleOutlined } from '@ant-design/icons';
import { Collapse, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * The "how to verify / 如何验证" panel: where technical facts live (digests, keys, signature
 * parameters, command lines, query timings), folded away so the page itself reads in words.
 * Closed by default; whoever wants to check opens it.
 */
export function HowToVerify({
  children,
  testId,
  style,
}: {
  children: ReactNode;
  testId?: string;
  style?: CSSProperties;
}) {
  const t = useT();
  return (
    <Collapse
      size="small"
      ghost
      style={style}
      data-testid={testId}
      items={[
        {
          key: 'verify',
          label: (
            <Typography.Text type="secondary">
              <QuestionCircleOutlined /> {t('common.howToVerify')}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                {t('common.howToVerifyHint')}
              </Typography.Text>
            </Typography.Text>
          ),
          children,
        },
      ]}
    />
  );
}
