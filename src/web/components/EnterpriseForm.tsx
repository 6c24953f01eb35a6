import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { resolveReviewingAuthority, XPCC_AUTHORITY_ID } from '../../domain/authorities';
import { validateCreditCode } from '../../domain/credit-code';
import { ENTERPRISE_TYPES, LISTING_STATUSES } from '../../domain/enterprise';
import { isRegionCode } from '../../domain/regions';
import type { Enterprise, EnterpriseInput, Me } from '../api';
import { useApiErrorHandler } from '../errors';
import { optionsOf } from '../format';
import { bilingual, useLocale } from '../i18n';
import { useAuthorities } from '../queries';
import { EnterpriseSelect } from './EnterpriseSelect';
import { RegionInput, regionCodeRule } from './RegionInput';

interface FormValues {
  name: string;
  creditCode: string;
  confirmCreditCodeOverride?: boolean;
  regionCode: string;
  xpcc?: boolean;
  address: string;
  postalCode?: string;
  website?: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  enterpriseType?: Enterprise['enterpriseType'];
  listingStatus?: Enterprise['listingStatus'];
  parentId?: string | null;
}

const OPTIONAL = ['postalCode', 'website', 'contactEmail', 'parentId'] as const;

function toFormValues(e: Enterprise | undefined): Partial<FormValues> {
  if (!e) return { xpcc: false, confirmCreditCodeOverride: false };
  return {
    name: e.name,
    creditCode: e.creditCode,
    confirmCreditCodeOverride: false,
    regionCode: e.regionCode,
    xpcc: e.authority?.id === XPCC_AUTHORITY_ID,
    address: e.address,
    postalCode: e.postalCode ?? '',
    website: e.website ?? '',
    legalRepresentative: e.legalRepresentative,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    contactEmail: e.contactEmail ?? '',
    enterpriseType: e.enterpriseType,
    listingStatus: e.listingStatus,
    parentId: e.parentId ?? null,
  };
}

/** Normalised request body: trimmed strings, empty optional fields as null. */
function toBody(v: FormValues): Required<Omit<EnterpriseInput, 'confirmCreditCodeOverride'>> {
  const s = (x: string | undefined | null) => (x ?? '').trim();
  const opt = (x: string | undefined | null) => (s(x) === '' ? null : s(x));
  return {
    name: s(v.name),
    creditCode: s(v.creditCode).toUpperCase(),
    regionCode: s(v.regionCode),
    xpcc: !!v.xpcc,
    address: s(v.address),
    postalCode: opt(v.postalCode),
    website: opt(v.website),
    legalRepresentative: s(v.legalRepresentative),
    contactName: s(v.contactName),
    contactPhone: s(v.contactPhone),
    contactEmail: opt(v.contactEmail),
    // both are required form fields
    enterpriseType: v.enterpriseType!,
    listingStatus: v.listingStatus!,
    parentId: v.parentId ?? null,
  };
}

/** What the caller may change (mirrors the server's enterprises.policy; the server decides). */
export function enterpriseEditRights(me: Me) {
  const registration = me.role === 'ministry_admin' || me.role === 'authority_admin';
  return {
    registration,
    override: ['ministry_admin', 'ministry_officer', 'authority_admin', 'authority_reviewer'].includes(me.role),
    xpcc: me.role === 'ministry_admin' || (me.role === 'authority_admin' && me.organization.id === XPCC_AUTHORITY_ID),
  };
}

/**
 * Create / edit form of an enterprise profile. In edit mode only changed fields
 * are sent (PATCH is partial); registration facts (credit code, region, parent)
 * are read-only for enterprise users.
 */
export function EnterpriseForm({
  me,
  enterprise,
  onSubmit,
  onCancel,
}: {
  me: Me;
  enterprise?: Enterprise;
  onSubmit: (body: EnterpriseInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => toFormValues(enterprise), [enterprise]);
  const rights = enterpriseEditRights(me);
  const lockRegistration = !!enterprise && !rights.registration;
  const authorities = useAuthorities();

  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const regionCode = Form.useWatch('regionCode', form) ?? '';
  const xpcc = Form.useWatch('xpcc', form) ?? false;

  const creditCheck = useMemo(() => (creditCode.trim() ? validateCreditCode(creditCode) : null), [creditCode]);
  const checksumFails = !!creditCheck && !creditCheck.ok && creditCheck.reason === 'checksum';
  const creditUnchanged = !!enterprise && creditCode.trim().toUpperCase() === enterprise.creditCode;

  const reviewingAuthority = useMemo(() => {
    try {
      if (!xpcc && !isRegionCode(regionCode.trim())) return null;
      const id = resolveReviewingAuthority({ regionCode: regionCode.trim() || null, xpcc: !!xpcc });
      const a = authorities.data?.items.find((x) => x.id === id);
      return a ? (bilingual(locale, a.name, a.nameEn || a.name)) : id;
    } catch {
      return null;
    }
  }, [regionCode, xpcc, authorities.data, locale]);

  const submit = async (values: FormValues) => {
    const body = toBody(values);
    let out: EnterpriseInput;
    if (enterprise) {
      const before = toBody(initial as FormValues);
      out = {};
      for (const k of Object.keys(body) as (keyof typeof body)[]) {
        if (body[k] !== before[k]) (out as Record<string, unknown>)[k] = body[k];
      }
      if (lockRegistration) {
        delete out.creditCode;
        delete out.regionCode;
        delete out.parentId;
        delete out.xpcc;
      }
      if (!rights.xpcc) delete out.xpcc;
      if (Object.keys(out).length === 0) {
        message.info(t('common.nothingChanged'));
        return;
      }
    } else {
      out = { ...body };
      for (const k of OPTIONAL) if (out[k] === null) delete out[k];
      if (!rights.xpcc || !out.xpcc) delete out.xpcc;
    }
    if (values.confirmCreditCodeOverride && (out.creditCode !== undefined || !enterprise)) out.confirmCreditCodeOverride = true;
    setSaving(true);
    try {
      await onSubmit(out);
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const typeOptions = optionsOf(ENTERPRISE_TYPES, locale);
  const listingOptions = optionsOf(LISTING_STATUSES, locale);
  const required = { required: true, message: t('common.required') };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      scrollToFirstError
      requiredMark
      data-testid="enterprise-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('ent.name')} rules={[required, { min: 2, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t('ent.creditCode')}
            normalize={(v: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              required,
              {
                validator: async (_, v: string | undefined) => {
                  if (!v || (enterprise && v.trim().toUpperCase() === enterprise.creditCode)) return;
                  const r = validateCreditCode(v);
                  if (r.ok) return;
                  if (r.reason === 'checksum' && form.getFieldValue('confirmCreditCodeOverride')) return;
                  throw new Error(bilingual(locale, r.message, r.messageEn));
                },
              },
              {
                warningOnly: true,
                validator: async (_, v: string | undefined) => {
                  if (!v) return;
                  const r = validateCreditCode(v);
                  if (r.ok && r.warnings.length) throw new Error(r.warnings.map((w) => (bilingual(locale, w.message, w.messageEn))).join('; '));
                },
              },
            ]}
          >
            <Input maxLength={18} disabled={lockRegistration} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} />
          </Form.Item>
        </Col>
        {checksumFails && !creditUnchanged && rights.override ? (
          <Col span={24}>
            <Form.Item name="confirmCreditCodeOverride" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox onChange={() => setTimeout(() => void form.validateFields(['creditCode']).catch(() => undefined), 0)}>
                {t('ent.confirmCreditCodeOverride')}
              </Checkbox>
            </Form.Item>
          </Col>
        ) : (
          <Form.Item name="confirmCreditCodeOverride" valuePropName="checked" hidden>
            <Checkbox />
          </Form.Item>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCode"
            label={t('ent.region')}
            rules={[required, regionCodeRule(t('region.codeInvalid'))]}
            extra={reviewingAuthority ? `${t('ent.authority')}${t('common.colon')}${reviewingAuthority}` : undefined}
          >
            <RegionInput disabled={lockRegistration} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('ent.address')} rules={[required, { min: 2, max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        {regionCode.startsWith('65') && (rights.xpcc || xpcc) ? (
          <Col span={24}>
            <Form.Item name="xpcc" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox disabled={!rights.xpcc || lockRegistration}>{t('ent.xpcc')}</Checkbox>
            </Form.Item>
          </Col>
        ) : (
          <Form.Item name="xpcc" valuePropName="checked" hidden>
            <Checkbox />
          </Form.Item>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="postalCode" label={t('ent.postalCode')} rules={[{ pattern: /^\d{6}$/, message: t('common.postalCodeFormat') }]}>
            <Input maxLength={6} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="website" label={t('ent.website')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="legalRepresentative" label={t('ent.legalRepresentative')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactName" label={t('ent.contactName')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={t('ent.contactPhone')}
            rules={[required, { pattern: /^[0-9+\-() ]{5,30}$/, message: t('common.phoneFormat') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactEmail" label={t('ent.contactEmail')} rules={[{ type: 'email', message: t('common.invalidEmail') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="enterpriseType" label={t('ent.enterpriseType')} rules={[required]}>
            <Select options={typeOptions} placeholder={t('common.pleaseSelect')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="listingStatus" label={t('ent.listingStatus')} rules={[required]}>
            <Select options={listingOptions} placeholder={t('common.pleaseSelect')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="parentId" label={t('ent.parent')}>
            <EnterpriseSelect initialLabel={enterprise?.parentName} excludeId={enterprise?.id} disabled={lockRegistration} />
          </Form.Item>
        </Col>
      </Row>
      {lockRegistration ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ent.registrationFactsNote')}
        />
      ) : null}
      <Flex gap={8} justify="flex-end">
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="enterprise-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
