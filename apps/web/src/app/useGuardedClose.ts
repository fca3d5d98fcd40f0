import { App, type FormInstance } from 'antd';
import { useT } from '../i18n';

/**
 * Closing a form dialog with typed input asks first (issue 10 item 14): Esc, the × and Cancel
 * go through this; a click outside does nothing (dialogs set maskClosable={false}).
 */
export function useGuardedClose(form: FormInstance, onClose: () => void): () => void {
  const { modal } = App.useApp();
  const t = useT();
  return () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardBody'),
      okText: t('common.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.keepEditing'),
      onOk: onClose,
    });
  };
}
