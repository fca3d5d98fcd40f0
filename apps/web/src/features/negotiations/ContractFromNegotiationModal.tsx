import type { DealType, NegotiationDetail } from '@corridor/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useGuardedClose } from '../../app/useGuardedClose';
import { useT } from '../../i18n';
import {
  CONTRACT_FIELD_NAMES,
  ContractFields,
  type ContractFieldValues,
  contractFieldsBody,
} from '../deals/ContractFields';
import { useNegotiationContract } from './api';

/** Turns the agreed offer into a contract draft: the parties and amounts are already fixed. */
export function ContractFromNegotiationModal({
  negotiation,
  type,
  defaults,
  onClose,
}: {
  negotiation: NegotiationDetail;
  type: DealType;
  defaults: ContractFieldValues;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ContractFieldValues>();
  const close = useGuardedClose(form, onClose);
  const [error, setError] = useState<string | null>(null);
  const make = useNegotiationContract(negotiation.id);
  const onFinish = (v: ContractFieldValues) => {
    setError(null);
    make.mutate(
      { ...contractFieldsBody(v), version: negotiation.version },
      {
        onSuccess: () => {
          void message.success(t('neg.contracted'));
          onClose();
          navigate('/app/deals');
        },
        onError: (e) => {
          applyServerErrors(form, e, CONTRACT_FIELD_NAMES);
          setError(errorText(e));
        },
      },
    );
  };
  return (
    <Modal
      open
      width={680}
      title={t('neg.makeContract')}
      okText={t('neg.makeContract')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: make.isPending, 'data-testid': 'neg-contract-ok' } as never}
      onCancel={close}
      maskClosable={false}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('neg.contractHint')} />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} layout="vertical" initialValues={defaults} onFinish={onFinish}>
        <ContractFields type={type} />
      </Form>
    </Modal>
  );
}
