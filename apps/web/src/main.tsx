import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { setCsrfToken } from './app/api';
import { meKey, setSessionLost } from './app/auth';
import { queryClient, setSessionLostHandler } from './app/queryClient';
import { router } from './app/router';
import { I18nProvider, useLocale } from './i18n';

// A 401 from any query or mutation: forget the account; the app layout then sends the user to
// the login page (with a "session expired" note and the page to come back to).
setSessionLostHandler(() => {
  if (queryClient.getQueryData(meKey)) setSessionLost(true);
  setCsrfToken(null);
  queryClient.setQueryData(meKey, null);
});

function Root() {
  const { locale } = useLocale();
  // The pickers' month and weekday names follow the interface language.
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1668dc' } }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
