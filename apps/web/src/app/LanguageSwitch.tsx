import { Segmented } from 'antd';
import { type Locale, useLocale, useT } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.switch')}
      data-testid="lang-switch"
      value={locale}
      onChange={setLocale}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
