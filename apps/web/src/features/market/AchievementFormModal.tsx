import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Achievement,
  type AchievementInput,
  AchievementInputSchema,
  type MarketIpKind,
  type TransferMode,
} from '@corridor/contracts';
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { schemaRule } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { AttachmentsInput } from './AttachmentsInput';
import { useSaveAchievement } from './api';
import { useMarketLabels } from './labels';
import {
  AmountOrNegotiable,
  FieldAndIndustry,
  RecordFormModal,
  useRecordSave,
} from './RecordFormParts';

interface Values {
  title?: string;
  abstract?: string;
  keywords?: string[];
  field?: AchievementInput['field'];
  industry?: AchievementInput['industry'];
  trl?: number;
  stage?: AchievementInput['stage'];
  ipItems?: { kind?: MarketIpKind; number?: string }[];
  inventors?: string[];
  transferModes?: TransferMode[];
  priceWan?: number | null;
  negotiable?: boolean;
  attachments?: Achievement['attachments'];
}

const FIELDS = [
  'title',
  'abstract',
  'keywords',
  'field',
  'industry',
  'trl',
  'stage',
  'ipItems',
  'inventors',
  'transferModes',
  'priceWan',
  'attachments',
] as const;

function toValues(a?: Achievement): Values {
  if (!a)
    return {
      keywords: [],
      ipItems: [],
      inventors: [],
      transferModes: ['license'],
      negotiable: false,
      attachments: [],
    };
  return { ...a, negotiable: a.priceWan === null, priceWan: a.priceWan };
}

function toInput(v: Values): AchievementInput {
  return {
    title: (v.title ?? '').trim(),
    abstract: (v.abstract ?? '').trim(),
    keywords: v.keywords ?? [],
    field: v.field as AchievementInput['field'],
    industry: v.industry ?? null,
    trl: v.trl as number,
    ...(v.stage ? { stage: v.stage } : {}),
    ipItems: (v.ipItems ?? [])
      .filter((i) => i.kind)
      .map((i) => ({ kind: i.kind as MarketIpKind, number: (i.number ?? '').trim(), title: '' })),
    inventors: v.inventors ?? [],
    transferModes: v.transferModes ?? [],
    priceWan: v.negotiable ? null : (v.priceWan ?? null),
    // Only uploads are sent back (by id); details filed before uploads existed are dropped.
    attachments: (v.attachments ?? []).flatMap((a) =>
      a.fileId === null ? [] : [{ fileId: a.fileId }],
    ),
  };
}

/** Create or edit (draft only) an achievement of the user's organisation. */
export function AchievementFormModal({
  achievement,
  onClose,
  onSaved,
}: {
  achievement?: Achievement;
  onClose: () => void;
  onSaved: (a: Achievement) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const [form] = Form.useForm<Values>();
  const { error, submit, saving } = useRecordSave(
    form,
    FIELDS,
    useSaveAchievement(achievement?.id ?? null),
    onSaved,
  );
  const negotiable = Form.useWatch('negotiable', form);
  const rule = (field: keyof typeof AchievementInputSchema.shape) =>
    schemaRule(AchievementInputSchema.shape[field], labels.locale);
  const required = { required: true, message: t('common.required') };

  const onFinish = (values: Values) => {
    const input = toInput(values);
    submit(achievement ? { ...input, version: achievement.version } : input);
  };

  return (
    <RecordFormModal
      width={860}
      title={achievement ? t('market.editAchievement') : t('market.newAchievement')}
      form={form}
      saving={saving}
      error={error}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        name="achievement"
        layout="vertical"
        initialValues={toValues(achievement)}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Form.Item name="title" label={t('market.f.title')} rules={[required, rule('title')]}>
          <Input maxLength={100} placeholder="高功率半导体激光器芯片外延生长技术" />
        </Form.Item>
        <Form.Item
          name="abstract"
          label={t('market.f.abstract')}
          rules={[required, rule('abstract')]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <FieldAndIndustry />
          <Col xs={12} md={6}>
            <Form.Item
              name="trl"
              label={t('market.f.trl')}
              rules={[required]}
              tooltip={t('market.trlHint')}
            >
              <Select
                options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ${n}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="stage" label={t('market.f.stage')}>
              <Select allowClear options={m.stageOptions} placeholder={t('market.stageAuto')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="transferModes" label={t('market.f.modes')} rules={[required]}>
              <Select mode="multiple" options={m.modeOptions} />
            </Form.Item>
          </Col>
          <AmountOrNegotiable
            name="priceWan"
            label={t('market.f.price')}
            negotiable={!!negotiable}
          />
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={t('market.f.keywords')}>
              <Select mode="tags" maxCount={8} tokenSeparators={[',', '，', '、']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="inventors" label={t('market.f.inventors')}>
              <Select mode="tags" maxCount={30} tokenSeparators={[',', '，', '、']} open={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="ipItems">
          {(items, { add, remove }) => (
            <Form.Item label={t('market.f.ipItems')}>
              {items.map((item) => (
                <Space key={item.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[item.name, 'kind']} rules={[required]}>
                    <Select style={{ width: 160 }} options={m.ipKindOptions} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'number']}>
                    <Input style={{ width: 260 }} maxLength={40} placeholder="ZL202310123456.7" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(item.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'inventionPatent' })}
              >
                {t('market.addIp')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="attachments"
          label={t('market.f.attachments')}
          extra={t('market.attachmentsHint')}
        >
          <AttachmentsInput />
        </Form.Item>
      </Form>
    </RecordFormModal>
  );
}
