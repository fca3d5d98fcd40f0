import { Badge } from 'antd';
import { useT } from '../../i18n';
import { useNegotiations } from './api';

/** The menu entry of negotiations, with how many offers wait for the caller's answer. */
export function NegotiationsMenuLabel() {
  const t = useT();
  const { data } = useNegotiations();
  const waiting = data?.items.filter((n) => n.abilities.acceptEntryId !== null).length ?? 0;
  return (
    <span data-testid="menu-negotiations">
      {t('menu.negotiations')}{' '}
      <Badge
        count={waiting}
        size="small"
        offset={[4, -2]}
        data-testid="menu-negotiations-waiting"
      />
    </span>
  );
}
