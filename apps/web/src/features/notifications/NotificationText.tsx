import { type Notification, notificationText } from '@corridor/contracts';
import { useLocale } from '../../i18n';

/** A notification's sentence, rendered from its type and values in the current language. */
export function useNotificationText() {
  const { locale } = useLocale();
  return (n: Notification) => notificationText(n.type, n.params, locale);
}
