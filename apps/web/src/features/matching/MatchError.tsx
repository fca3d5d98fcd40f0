import { Alert, Typography } from 'antd';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { isRefusal } from './decide';

/**
 * A list that could not load. A refusal the page could not foresee (the role changed since the
 * page loaded) is an info line in words, never the red 没有权限执行此操作.
 */
export function MatchError({ error }: { error: unknown }) {
  const t = useT();
  return isRefusal(error) ? (
    <Alert type="info" showIcon title={t('matching.notForYou')} />
  ) : (
    <Typography.Text type="danger">{errorText(error)}</Typography.Text>
  );
}
