/**
 * The editable parts of the 申请书 (附1): 企业声明, 再制造产品类型, 大纲, 表1-1, 表1-2 and the declarations.
 * All sections live inside one antd Form (see ApplicationEditor) whose values mirror `ApplicationForm`.
 * Figures the form asks for as percentages are computed live from counts (derived.ts), never typed.
 */
import { Alert, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, InputNumber, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AUDIT_DOUBT_UNTIL, AUDIT_EXPECTED_FROM, CONDITION_RULES, MIN_COLLEGE_PERCENT, MIN_LEASE_YEARS, MIN_RD_SPENDING_PERCENT, MIN_RD_STAFF_PERCENT, REQUIRED_EQUIPMENT_CATEGORIES, REVENUE_RECONCILE_TOLERANCE_PERCENT } from '../../../domain/announcement/conditions';
import { RATE_FLAG_POINTS } from '../../../domain/announcement/rate-compare';
import { deriveRatios, yearTotals } from '../../../domain/announcement/derived';
import { APPLICATION_FIELDS, EQUIPMENT_CATEGORIES, OUTLINE_SECTIONS, SELF_DESCRIPTION_MAX } from '../../../domain/announcement/form';
import { REMAN_RATE_FORMULA } from '../../../domain/announcement/reman-rate';
import { ENTERPRISE_TYPES, LISTING_STATUSES } from '../../../domain/enterprise';
import { DateField } from '../DateField';
import { TechnicalDetails } from '../TechnicalDetails';
import { clauseRef, formatPercent, optionsOf } from '../../format';
import { pick, bilingual, hasKey, useLocale, type MessageKey } from '../../i18n';
import { usableBom, type ApplicationTab, type FormValues } from './formModel';
import { labelled } from '../a11y';

type NamePath = (string | number)[];

// ---------------------------------------------------------------- small building blocks

/** The row number of 表1-2 in a small grey box. */
function RowNo({ n }: { n: number | string }) {
  return (
    <span
      style={{
        display: 'inline-block',
        minWidth: 22,
        padding: '0 4px',
        marginInlineEnd: 6,
        border: '1px solid #d9d9d9',
        borderRadius: 3,
        textAlign: 'center',
        fontSize: 12,
        lineHeight: '18px',
        color: '#595959',
        background: '#fafafa',
      }}
    >
      {n}
    </span>
  );
}

function rowLabel(n: number | string, text: ReactNode) {
  return (
    <span>
      <RowNo n={n} />
      {text}
    </span>
  );
}

function Section({ title, rows, children, extra, testId }: { title: ReactNode; rows?: string; children: ReactNode; extra?: ReactNode; testId?: string }) {
  const { t } = useLocale();
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={
        <span>
          {title}
          {rows ? <span className="reman-section-row">{t('t12.row', { rows })}</span> : null}
        </span>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}

/** "请在附件页上传" with a jump to the attachments tab. */
function AttachHint({ onGoto, text }: { onGoto: (tab: ApplicationTab) => void; text?: ReactNode }) {
  const { t } = useLocale();
  return (
    <Typography.Link onClick={() => onGoto('attachments')} style={{ fontSize: 12 }}>
      {text ?? t('t12.attachHint')} ›
    </Typography.Link>
  );
}

/** A computed percentage, clearly marked as computed. */
function Computed({ label, value, hint, testId }: { label: ReactNode; value: number | null | undefined; hint?: ReactNode; testId: string }) {
  const { t } = useLocale();
  return (
    <div style={{ padding: '6px 12px', background: '#f6f9fc', border: '1px dashed #bfd3ea', borderRadius: 4, marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text>{label}</Typography.Text>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {t('common.computed')}
        </Tag>
      </Flex>
      <div style={{ fontSize: 20, fontWeight: 600, color: '#1d4e89' }} data-testid={testId}>
        {formatPercent(value)}
      </div>
      {hint ? <div style={{ fontSize: 12, color: '#595959' }}>{hint}</div> : null}
    </div>
  );
}

const num = { style: { width: '100%' } } as const;

interface ListColumn {
  key: string;
  title: ReactNode;
  width?: number;
  render: (fieldName: number) => ReactNode;
}

type CellRules = { required: true; whitespace?: true; message: string }[];

/**
 * One column of a ListTable: the row's field `key` (or `field`) edited by `input` in a bare Form.Item — the one
 * definition every repeated column (model, count, title, number …) of the list tables below is made from.
 */
function column(key: string, title: ReactNode, input: ReactNode, o: { width?: number; rules?: CellRules; field?: string; checkbox?: boolean } = {}): ListColumn {
  return {
    key,
    title,
    width: o.width,
    render: (n) => (
      <Form.Item name={[n, o.field ?? key]} rules={o.rules} {...(o.checkbox ? { valuePropName: 'checked' } : {})} {...cell}>
        {labelled(input, title, n)}
      </Form.Item>
    ),
  };
}

/** The rules of a required cell: text must not be blank; a number or choice must be there. */
function useCellRules() {
  const { t } = useLocale();
  return { text: [{ required: true as const, whitespace: true as const, message: t('common.required') }], value: [{ required: true as const, message: t('common.required') }] };
}

/** A Form.List shown as a table with add/remove (hidden when read-only). */
function ListTable({
  name,
  columns,
  addLabel,
  newItem,
  editable,
  testId,
  emptyText,
}: {
  name: NamePath;
  columns: ListColumn[];
  addLabel: string;
  newItem: () => Record<string, unknown>;
  editable: boolean;
  testId: string;
  emptyText?: string;
}) {
  const { t } = useLocale();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={testId}>
          {fields.length === 0 ? (
            <Flex gap={12} align="center" style={{ padding: '4px 0' }}>
              <Typography.Text type="secondary">{emptyText ?? t('t12.eq.none')}</Typography.Text>
              {editable ? (
                <Button size="small" type="dashed" onClick={() => add(newItem())} data-testid={`${testId}-add`}>
                  + {addLabel}
                </Button>
              ) : null}
            </Flex>
          ) : (
            <>
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="key"
                dataSource={fields}
                locale={{ emptyText: emptyText ?? t('t12.eq.none') }}
                columns={[
                  { title: '#', key: 'no', width: 44, render: (_: unknown, _f: unknown, i: number) => i + 1 },
                  ...columns.map((c) => ({ title: c.title, key: c.key, width: c.width, render: (_: unknown, f: { name: number }) => c.render(f.name) })),
                  ...(editable
                    ? [
                        {
                          // a header a screen reader can announce, like every column (issue 16 item 19)
                          title: t('common.actions'),
                          key: 'remove',
                          width: 64,
                          render: (_: unknown, f: { name: number }) => (
                            <Button size="small" type="link" danger onClick={() => remove(f.name)} data-testid={`${testId}-remove`}>
                              {t('common.remove')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
                scroll={{ x: 'max-content' }}
              />
              {editable ? (
                <Button size="small" type="dashed" onClick={() => add(newItem())} style={{ marginTop: 8 }} data-testid={`${testId}-add`}>
                  + {addLabel}
                </Button>
              ) : null}
            </>
          )}
        </div>
      )}
    </Form.List>
  );
}

const cell = { style: { margin: 0 } } as const;

// ---------------------------------------------------------------- 企业声明

export function DeclarationSection() {
  const { t } = useLocale();
  return (
    <Card size="small" data-testid="section-declaration">
      <Typography.Title level={4} style={{ textAlign: 'center', letterSpacing: 4, marginTop: 8 }}>
        {t('decl.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 15 }}>{t('decl.text1')}</Typography.Paragraph>
      <Typography.Paragraph style={{ fontSize: 15 }}>{t('decl.text2')}</Typography.Paragraph>
      <Form.Item name={['declaration', 'accepted']} valuePropName="checked" required>
        <Checkbox data-testid="declaration-accepted">{t('decl.accepted')}</Checkbox>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['declaration', 'legalRepresentative']} label={t('decl.legalRepresentative')} required>
            <Input maxLength={50} data-testid="declaration-legal-rep" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['declaration', 'date']} label={t('decl.date')} required>
            <DateField data-testid="declaration-date" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

// ---------------------------------------------------------------- 再制造产品类型

export function FieldsSection() {
  const { locale, t } = useLocale();
  return (
    <Card size="small" data-testid="section-fields">
      <Typography.Paragraph type="secondary">{t('fields.hint')}</Typography.Paragraph>
      <Form.Item name="fields" required label={t('apps.fields')}>
        <Checkbox.Group style={{ width: '100%' }} data-testid="fields-group">
          <Row gutter={[16, 12]}>
            {APPLICATION_FIELDS.map((f) => (
              <Col key={f.value} xs={24} sm={12} md={8}>
                <Checkbox value={f.value}>{pick(locale, f)}</Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
      <OtherField />
    </Card>
  );
}

/** 规范条件 一(一) "…文化办公设备等": 其他 with its description. */
function OtherField() {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const fields = Form.useWatch('fields', form) as string[] | undefined;
  if (!fields?.includes('other')) return null;
  return (
    <Form.Item name="fieldsOther" label={t('fields.otherText')} required>
      <Input maxLength={200} data-testid="fields-other" />
    </Form.Item>
  );
}

// ---------------------------------------------------------------- 申请书大纲 一–六

const CHAPTERS = ['一', '二', '三', '四', '五', '六'] as const;

export function OutlineSection() {
  const { locale, t } = useLocale();
  return (
    <div data-testid="section-outline">
      {CHAPTERS.map((ch) => (
        <Card key={ch} size="small" title={t(`outline.chapter.${ch}` as MessageKey)} style={{ marginBottom: 16 }}>
          {OUTLINE_SECTIONS.filter((s) => s.chapter === ch).map((s) => (
            <Form.Item
              key={s.key}
              name={['outline', s.key]}
              label={
                <span>
                  {pick(locale, s)}
                  {s.key === 's6_other' ? <Typography.Text type="secondary"> {t('outline.optional')}</Typography.Text> : null}
                </span>
              }
              required={s.key !== 's6_other'}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 14 }}
                maxLength={20_000}
                placeholder={hasKey(`outline.hint.${s.key}`) ? t(`outline.hint.${s.key}` as MessageKey) : undefined}
                data-testid={`outline-${s.key}`}
              />
            </Form.Item>
          ))}
        </Card>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------- 表1-1

export function Table11Section({ enterpriseName, siteName }: { enterpriseName: string; siteName: string }) {
  const { locale, t } = useLocale();
  const text = (key: string, label: MessageKey, max: number, required = true) => (
    <Col xs={24} md={12} lg={8}>
      <Form.Item name={['table11', key]} label={t(label)} required={required}>
        <Input maxLength={max} data-testid={`t11-${key}`} />
      </Form.Item>
    </Col>
  );
  const count = (key: string, label: MessageKey, opts: { int?: boolean; max?: number; suffix?: string } = {}) => (
    <Col xs={24} md={12} lg={8}>
      <Form.Item name={['table11', key]} label={t(label)} required>
        <InputNumber {...num} min={0} max={opts.max} precision={opts.int ? 0 : undefined} suffix={opts.suffix} data-testid={`t11-${key}`} />
      </Form.Item>
    </Col>
  );
  return (
    <div data-testid="section-table11">
      <Card size="small" title={t('t11.title')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'name', label: t('t11.name'), children: enterpriseName },
            { key: 'site', label: t('t11.site'), children: siteName },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('t11.fromRecord')}
        </Typography.Text>
        <Form.Item name={['table11', 'productTypes']} label={t('t11.productTypes')} extra={t('t11.productTypesHint')} style={{ marginTop: 16 }}>
          <Input maxLength={500} data-testid="t11-productTypes" />
        </Form.Item>
        <Row gutter={16} style={{ marginTop: 16 }}>
          {text('website', 't11.website', 200, false)}
          {text('postalCode', 't11.postalCode', 6)}
          {text('legalRepresentativeMobile', 't11.legalRepresentativeMobile', 30)}
          {text('contactName', 't11.contactName', 50)}
          {text('contactMobile', 't11.contactMobile', 30)}
          {text('fax', 't11.fax', 30, false)}
          {text('email', 't11.email', 100)}
          {count('employees', 't11.employees', { int: true })}
          {count('technicalStaff', 't11.technicalStaff', { int: true })}
        </Row>
        <Form.Item name={['table11', 'enterpriseType']} label={t('t11.enterpriseType')} required>
          <Radio.Group options={optionsOf(ENTERPRISE_TYPES, locale)} data-testid="t11-enterpriseType" />
        </Form.Item>
        <Form.Item name={['table11', 'listingStatus']} label={t('t11.listingStatus')} required>
          <Radio.Group options={optionsOf(LISTING_STATUSES, locale)} data-testid="t11-listingStatus" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name={['table11', 'registeredDate']} label={t('t11.registeredDate')} required>
              <DateField data-testid="t11-registeredDate" />
            </Form.Item>
          </Col>
          {count('registeredCapital', 't11.registeredCapital')}
          {count('totalAssets', 't11.totalAssets')}
          {count('debtRatio', 't11.debtRatio', { max: 1000, suffix: '%' })}
          {count('fixedAssets', 't11.fixedAssets')}
          {count('productionEquipmentCount', 't11.productionEquipmentCount', { int: true })}
        </Row>
        <Form.Item
          name={['table11', 'selfDescription']}
          label={t('t11.selfDescription')}
          required
          rules={[
            {
              validator: (_, v: unknown) =>
                typeof v === 'string' && [...v].length > SELF_DESCRIPTION_MAX
                  ? Promise.reject(new Error(t('t11.selfDescriptionTooLong', { max: SELF_DESCRIPTION_MAX })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 16 }}
            count={{
              show: ({ count: n }) => <span data-testid="self-description-count">{t('t11.selfDescriptionCount', { n, max: SELF_DESCRIPTION_MAX })}</span>,
              max: SELF_DESCRIPTION_MAX,
              strategy: (txt) => [...txt].length,
            }}
            data-testid="t11-selfDescription"
          />
        </Form.Item>
        <Row gutter={16}>
          {text('filler', 't11.filler', 50)}
          {text('fillerPhone', 't11.fillerPhone', 30)}
        </Row>
      </Card>
    </div>
  );
}

// ---------------------------------------------------------------- 表1-2

function YearsTable() {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const years = Form.useWatch(['table12', 'years'], form) as NonNullable<NonNullable<FormValues['table12']>['years']> | undefined;
  const totals = yearTotals((years ?? []).filter((y) => y && typeof y.year === 'number'));
  const money = (key: 'revenue' | 'remanOutput' | 'remanSales', row: number, label: MessageKey) => ({
    key,
    title: rowLabel(row, t(label)),
    render: (name: number) => (
      <Form.Item name={[name, key]} {...cell}>
        <InputNumber {...num} min={0} data-testid={`t12-years-${name}-${key}`} aria-label={`${t(label)} · ${name + 1}`} />
      </Form.Item>
    ),
  });
  const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${v.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}${unit}`);
  return (
    <Form.List name={['table12', 'years']}>
      {(fields) => (
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          dataSource={fields}
          data-testid="t12-years"
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('t12.year'),
              key: 'year',
              width: 110,
              render: (_: unknown, f: { name: number }) => (
                <Form.Item name={[f.name, 'year']} {...cell}>
                  <InputNumber {...num} min={1990} max={2100} precision={0} data-testid={`t12-years-${f.name}-year`} aria-label={`${t('t12.year')} · ${f.name + 1}`} />
                </Form.Item>
              ),
            },
            ...[money('revenue', 8, 't12.revenue'), money('remanOutput', 9, 't12.remanOutput'), money('remanSales', 10, 't12.remanSales')].map((c) => ({
              title: c.title,
              key: c.key,
              render: (_: unknown, f: { name: number }) => c.render(f.name),
            })),
            {
              title: rowLabel(11, t('t12.remanUnits')),
              key: 'remanUnits',
              render: (_: unknown, f: { name: number }) => (
                <Form.Item name={[f.name, 'remanUnits']} {...cell}>
                  <InputNumber {...num} min={0} precision={0} data-testid={`t12-years-${f.name}-remanUnits`} aria-label={`${t('t12.remanUnits')} · ${f.name + 1}`} />
                </Form.Item>
              ),
            },
          ]}
          summary={() => (
            <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>
                {t('t12.total')} <Tag color="blue">{t('common.computed')}</Tag>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>
                <span data-testid="t12-total-revenue">{fmt(totals.revenue)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                <span data-testid="t12-total-remanOutput">{fmt(totals.remanOutput)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <span data-testid="t12-total-remanSales">{fmt(totals.remanSales)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4}>
                <span data-testid="t12-total-remanUnits">{fmt(totals.remanUnits)}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Form.List>
  );
}

function BomEditor({ editable }: { editable: boolean }) {
  const { locale, t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const bom = Form.useWatch(['table12', 'bom'], form);
  const ratios = deriveRatios({ table12: { bom: usableBom(bom) } });
  const rules = useCellRules();
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('t12.bomHint')}
      </Typography.Paragraph>
      <ListTable
        name={['table12', 'bom']}
        editable={editable}
        testId="t12-bom"
        addLabel={t('t12.bom.add')}
        newItem={() => ({ part: '', disposition: 'reused', quantity: 1 })}
        columns={[
          column('part', t('t12.bom.part'), <Input maxLength={100} style={{ minWidth: 140 }} />, { rules: rules.text }),
          column(
            'disposition',
            t('t12.bom.disposition'),
            <Select style={{ width: 130 }} options={(['reused', 'remanufactured', 'new', 'consumable'] as const).map((d) => ({ value: d, label: t(`t12.disp.${d}`) }))} />,
            { width: 140, rules: rules.value },
          ),
          column('massKg', t('t12.bom.massKg'), <InputNumber min={0} style={{ width: 110 }} />, { width: 120, rules: rules.value }),
          column('newValue', t('t12.bom.newValue'), <InputNumber min={0} style={{ width: 130 }} />, { width: 140, rules: rules.value }),
          column('quantity', t('t12.bom.quantity'), <InputNumber min={1} precision={0} style={{ width: 80 }} />, { width: 90, rules: rules.value }),
        ]}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Computed label={rowLabel(12, t('t12.massRate'))} value={ratios.massRate} testId="rate-mass" hint={pick(locale, REMAN_RATE_FORMULA.massRate)} />
        </Col>
        <Col xs={24} md={12}>
          <Computed label={rowLabel(13, t('t12.valueRate'))} value={ratios.valueRate} testId="rate-value" hint={pick(locale, REMAN_RATE_FORMULA.valueRate)} />
        </Col>
      </Row>
      {/* the formula's version and its status: reviewers' technical details, not the applicant's page (issue 16 item 14) */}
      <TechnicalDetails testId="rate-technical">
        <span data-testid="rate-formula-version">
          {t('t12.formulaVersion', { v: ratios.formulaVersion })}
          {REMAN_RATE_FORMULA.confirmed ? '' : t('t12.formulaUnconfirmed')}
        </span>
      </TechnicalDetails>
      <DeclaredRates computed={{ massRate: ratios.massRate, valueRate: ratios.valueRate }} />
    </>
  );
}

/** 表1-2 rows 12–13 as the enterprise states them, beside the platform's figure (issue 15 item 7). */
function DeclaredRates({ computed }: { computed: { massRate: number | null; valueRate: number | null } }) {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const declared = {
    massRate: Form.useWatch(['table12', 'declaredMassRate'], form) as number | null | undefined,
    valueRate: Form.useWatch(['table12', 'declaredValueRate'], form) as number | null | undefined,
  };
  const diff = (k: 'massRate' | 'valueRate') => {
    const d = declared[k];
    const c = computed[k];
    if (d == null || c == null) return null;
    const points = Math.round(Math.abs(d - c) * 100) / 100;
    return (
      <Tag color={points > RATE_FLAG_POINTS ? 'orange' : 'default'} data-testid={`rate-diff-${k}`}>
        {t('t12.rateDiffers', { d: points })}
      </Tag>
    );
  };
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      {(
        [
          ['declaredMassRate', 'massRate', 12, 't12.declaredMassRate'],
          ['declaredValueRate', 'valueRate', 13, 't12.declaredValueRate'],
        ] as const
      ).map(([field, k, row, label]) => (
        <Col key={field} xs={24} md={12}>
          <Form.Item
            name={['table12', field]}
            label={rowLabel(row, t(label))}
            extra={
              <span>
                {t('t12.rateCompare', { c: formatPercent(computed[k]), n: RATE_FLAG_POINTS })} {diff(k)}
              </span>
            }
          >
            <InputNumber min={0} max={100} style={{ width: 160 }} suffix="%" data-testid={`t12-${field}`} />
          </Form.Item>
        </Col>
      ))}
      {declared.massRate != null || declared.valueRate != null ? (
        <Col span={24}>
          <Form.Item name={['table12', 'rateBasis']} label={t('t12.rateBasis')} required>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="t12-rateBasis" />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}

function RdRatios() {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const employees = Form.useWatch(['table11', 'employees'], form) as number | null | undefined;
  const collegeEducated = Form.useWatch(['table12', 'collegeEducated'], form) as number | null | undefined;
  const rdStaff = Form.useWatch(['table12', 'rdStaff'], form) as number | null | undefined;
  const rdSpending = Form.useWatch(['table12', 'rdSpending'], form) as number | null | undefined;
  const lastYearRevenue = Form.useWatch(['table12', 'lastYearRevenue'], form) as number | null | undefined;
  const rdSpendingYear = Form.useWatch(['table12', 'rdSpendingYear'], form) as number | null | undefined;
  const years = Form.useWatch(['table12', 'years'], form) as { year?: number | null; revenue?: number | null }[] | undefined;
  const row8 = rdSpendingYear != null ? (years ?? []).find((y) => y?.year === rdSpendingYear - 1)?.revenue ?? null : null;
  const mismatch = row8 != null && lastYearRevenue != null && Math.abs(lastYearRevenue - row8) > (Math.max(lastYearRevenue, row8) * REVENUE_RECONCILE_TOLERANCE_PERCENT) / 100;
  const r = deriveRatios({ table11: { employees }, table12: { collegeEducated, rdStaff, rdSpending, lastYearRevenue } });
  const employeesHint = t('t12.employeesFrom', { n: typeof employees === 'number' ? employees : '—' });
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <Form.Item name={['table12', 'collegeEducated']} label={t('t12.collegeEducated')} required>
          <InputNumber {...num} min={0} precision={0} data-testid="t12-collegeEducated" />
        </Form.Item>
        <Computed
          label={rowLabel(25, t('t12.collegeRatio'))}
          value={r.collegeRatio}
          testId="ratio-college"
          hint={`${employeesHint}；${t('t12.threshold', { p: MIN_COLLEGE_PERCENT })}`}
        />
      </Col>
      <Col xs={24} lg={8}>
        <Form.Item name={['table12', 'rdStaff']} label={t('t12.rdStaff')} required>
          <InputNumber {...num} min={0} precision={0} data-testid="t12-rdStaff" />
        </Form.Item>
        <Computed label={rowLabel(26, t('t12.rdStaffRatio'))} value={r.rdStaffRatio} testId="ratio-rd-staff" hint={`${employeesHint}；${t('t12.threshold', { p: MIN_RD_STAFF_PERCENT })}`} />
      </Col>
      <Col xs={24} lg={8}>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name={['table12', 'rdSpending']} label={t('t12.rdSpending')} required>
              <InputNumber {...num} min={0} data-testid="t12-rdSpending" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['table12', 'rdSpendingYear']} label={t('t12.rdSpendingYear')} required>
              <InputNumber {...num} min={1990} max={2100} precision={0} data-testid="t12-rdSpendingYear" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={['table12', 'lastYearRevenue']}
              label={t('t12.lastYearRevenue')}
              required
              extra={
                <span>
                  {t('t12.lastYearRevenueHint', { p: REVENUE_RECONCILE_TOLERANCE_PERCENT })}
                  {row8 != null && rdSpendingYear != null ? (
                    <span data-testid="t12-row8-reconcile">
                      {' '}
                      {t('t12.row8Of', { y: rdSpendingYear - 1, v: row8 })}
                      {mismatch ? <Tag color="orange" style={{ marginInlineStart: 4 }}>{t('t12.row8Mismatch')}</Tag> : null}
                    </span>
                  ) : null}
                </span>
              }
            >
              <InputNumber {...num} min={0} data-testid="t12-lastYearRevenue" />
            </Form.Item>
          </Col>
        </Row>
        <Computed label={rowLabel(27, t('t12.rdSpendingRatio'))} value={r.rdSpendingRatio} testId="ratio-rd-spending" hint={t('t12.threshold', { p: MIN_RD_SPENDING_PERCENT })} />
      </Col>
    </Row>
  );
}

/** 六(一): the remanufactured warranty, marked when below the original's. */
function WarrantyCell({ n }: { n: number }) {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const line = Form.useWatch(['table12', 'warranties', n], form) as { newProductWarrantyMonths?: number | null; remanWarrantyMonths?: number | null } | undefined;
  const lower = line?.newProductWarrantyMonths != null && line?.remanWarrantyMonths != null && line.remanWarrantyMonths < line.newProductWarrantyMonths;
  return (
    <Flex gap={4} align="center">
      <Form.Item name={[n, 'remanWarrantyMonths']} {...cell}>
        <InputNumber min={0} max={1200} precision={0} style={{ width: 100 }} status={lower ? 'error' : undefined} aria-label={`${t('t12.w.reman')} · ${n + 1}`} />
      </Form.Item>
      {lower ? <Tag color="red" data-testid="warranty-lower">{t('t12.w.lower')}</Tag> : null}
    </Flex>
  );
}

function ContractProcessors({ editable }: { editable: boolean }) {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const used = Form.useWatch(['contractProcessing', 'used'], form);
  if (used !== true) return null;
  return (
    <ListTable
      name={['contractProcessing', 'processors']}
      editable={editable}
      testId="cp-processors"
      addLabel={t('cp.add')}
      newItem={() => ({ name: '' })}
      columns={[
        column('name', t('cp.name'), <Input maxLength={200} style={{ minWidth: 200 }} />),
        column('creditCode', t('cp.creditCode'), <Input maxLength={18} style={{ width: 180 }} />, { width: 200 }),
        column('address', t('cp.address'), <Input maxLength={200} style={{ minWidth: 160 }} />),
        column('scope', t('cp.scope'), <Input maxLength={500} style={{ minWidth: 160 }} />),
      ]}
    />
  );
}

function CertifiedRatio() {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const holders = Form.useWatch(['table12', 'certifiedPostHolders'], form) as number | null | undefined;
  const staff = Form.useWatch(['table12', 'certifiedPostStaff'], form) as number | null | undefined;
  const r = deriveRatios({ table12: { certifiedPostHolders: holders, certifiedPostStaff: staff } });
  return <Computed label={rowLabel(46, t('t12.certifiedPostRatio'))} value={r.certifiedPostRatio} testId="ratio-certified" />;
}

function LeaseYears() {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const tenure = Form.useWatch(['table12', 'landTenure'], form);
  if (tenure !== 'leased') return null;
  return (
    <Form.Item name={['table12', 'leaseYears']} label={t('t12.leaseYears')} extra={t('t12.leaseHint', { n: MIN_LEASE_YEARS })} required>
      <InputNumber min={0} max={100} style={{ width: 200 }} data-testid="t12-leaseYears" />
    </Form.Item>
  );
}

function OtherInstitution() {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const other = Form.useWatch(['table12', 'rdInstitutions', 'other'], form);
  if (!other) return null;
  return (
    <Form.Item name={['table12', 'rdInstitutions', 'otherText']} label={t('t12.rd.otherText')}>
      <Input maxLength={200} />
    </Form.Item>
  );
}

export function Table12Section({ editable, onGoto }: { editable: boolean; onGoto: (tab: ApplicationTab) => void }) {
  const { locale, t } = useLocale();
  const rules = useCellRules();
  const now = new Date().getFullYear();
  const yearOptions = Array.from({ length: 10 }, (_, i) => now - 1 - i).map((y) => ({ value: y, label: String(y) }));
  const textRow = (row: number, key: string, label: MessageKey) => (
    <Form.Item name={['table12', key]} label={rowLabel(row, t(label))} required>
      <Input maxLength={200} data-testid={`t12-${key}`} />
    </Form.Item>
  );
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  return (
    <div data-testid="section-table12">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('t12.title')}
      </Typography.Title>

      <Section title={t('t12.section.approvals')} rows="1–4" extra={<AttachHint onGoto={onGoto} />}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {textRow(1, 'investmentApprovalNo', 't12.investmentApprovalNo')}
          </Col>
          <Col xs={24} md={12}>
            {textRow(2, 'landApprovalNo', 't12.landApprovalNo')}
          </Col>
          <Col xs={24} md={12}>
            {textRow(3, 'environmentApprovalNo', 't12.environmentApprovalNo')}
          </Col>
          <Col xs={24} md={12}>
            {textRow(4, 'businessLicenseNo', 't12.businessLicenseNo')}
          </Col>
        </Row>
      </Section>

      <Section title={t('t12.section.construction')} rows="5–7" extra={<AttachHint onGoto={onGoto} />}>
        <Form.Item name={['table12', 'landTenure']} label={rowLabel(5, t('t12.landTenure'))} required>
          <Radio.Group
            options={[
              { value: 'owned', label: t('t12.owned') },
              { value: 'leased', label: t('t12.leased') },
            ]}
            data-testid="t12-landTenure"
          />
        </Form.Item>
        <LeaseYears />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['table12', 'siteArea']} label={rowLabel(6, t('t12.siteArea'))} required>
              <InputNumber {...num} min={0} data-testid="t12-siteArea" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['table12', 'buildingArea']} label={rowLabel(7, t('t12.buildingArea'))} required>
              <InputNumber {...num} min={0} data-testid="t12-buildingArea" />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('t12.section.operations')} rows="8–11">
        <YearsTable />
      </Section>

      <Section title={t('t12.section.rates')} rows="12–13">
        <BomEditor editable={editable} />
      </Section>

      <Section title={t('t12.section.finance')} rows="14" extra={<AttachHint onGoto={onGoto} />}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['table12', 'auditedYears']} label={rowLabel(14, t('t12.auditedYears'))} extra={t('t12.auditCutoff', { from: AUDIT_EXPECTED_FROM, until: AUDIT_DOUBT_UNTIL })} required>
              <Select mode="multiple" options={yearOptions} placeholder={t('common.pleaseSelect')} data-testid="t12-auditedYears" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['table12', 'yearsInOperation']} label={t('t12.yearsInOperation')} extra={t('t12.yearsInOperationHint')}>
              <InputNumber {...num} min={0} max={200} precision={0} />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('t12.section.equipment')} rows="15–23">
        {EQUIPMENT_CATEGORIES.map((c) => {
          const required = (REQUIRED_EQUIPMENT_CATEGORIES as readonly string[]).includes(c.key);
          return (
            <div key={c.key} style={{ marginBottom: 16 }} id={`appform_table12_equipment_${c.key}`}>
              <Flex align="center" gap={8} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{rowLabel(c.row, pick(locale, c))}</Typography.Text>
                {required ? <Tag color="red">{t('t12.eq.required')}</Tag> : null}
              </Flex>
              <ListTable
                name={['table12', 'equipment', c.key]}
                editable={editable}
                testId={`t12-equipment-${c.key}`}
                addLabel={t('t12.eq.add')}
                newItem={() => ({ model: '', count: 1 })}
                columns={[
                  column('model', t('t12.eq.model'), <Input maxLength={100} style={{ minWidth: 200 }} />, { rules: rules.text }),
                  column('count', t('t12.eq.count'), <InputNumber min={1} max={100_000} precision={0} style={{ width: 100 }} />, { width: 110, rules: rules.value }),
                  column('purpose', t('t12.eq.purpose'), <Input maxLength={200} style={{ minWidth: 200 }} />),
                ]}
              />
            </div>
          );
        })}
      </Section>

      <Section title={t('t12.section.quality')} rows="24">
        <AttachHint onGoto={onGoto} text={t('t12.qualityHint')} />
      </Section>

      <Section title={t('t12.section.rd')} rows="25–30" extra={<AttachHint onGoto={onGoto} />}>
        <RdRatios />
        <Form.Item label={rowLabel(28, t('t12.rdInstitutions'))} style={{ marginBottom: 8 }}>
          <Flex gap={16} wrap>
            {(['lab', 'engineeringCenter', 'innovationCenter', 'other'] as const).map((k) => (
              <Form.Item key={k} name={['table12', 'rdInstitutions', k]} valuePropName="checked" noStyle>
                <Checkbox data-testid={`t12-rd-${k}`}>{t(`t12.rd.${k}`)}</Checkbox>
              </Form.Item>
            ))}
          </Flex>
        </Form.Item>
        <OtherInstitution />
        <Typography.Text strong style={{ display: 'block', margin: '16px 0 6px' }}>
          {rowLabel(29, t('t12.patents'))}
        </Typography.Text>
        <ListTable
          name={['table12', 'patents']}
          editable={editable}
          testId="t12-patents"
          addLabel={t('t12.patent.add')}
          newItem={() => ({ number: '', title: '', remanRelated: true })}
          columns={[
            column('number', t('t12.patent.number'), <Input maxLength={50} style={{ width: 190 }} />, { width: 200, rules: rules.text }),
            column('title', t('t12.patent.title'), <Input maxLength={200} style={{ minWidth: 220 }} />, { rules: rules.text }),
            column('remanRelated', t('t12.patent.remanRelated'), <Checkbox />, { width: 120, checkbox: true }),
          ]}
        />
        <Form.Item name={['table12', 'noInfringementDeclared']} valuePropName="checked" style={{ marginTop: 12 }} required>
          <Checkbox data-testid="t12-noInfringement">{t('t12.noInfringement')}</Checkbox>
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', margin: '8px 0 6px' }}>
          {rowLabel(30, t('t12.standards'))}
        </Typography.Text>
        <ListTable
          name={['table12', 'standards']}
          editable={editable}
          testId="t12-standards"
          addLabel={t('t12.std.add')}
          newItem={() => ({ code: '', title: '' })}
          columns={[
            column('code', t('t12.std.code'), <Input maxLength={50} style={{ width: 190 }} />, { width: 200, rules: rules.text }),
            column('title', t('t12.std.title'), <Input maxLength={200} style={{ minWidth: 220 }} />, { rules: rules.text }),
          ]}
        />
      </Section>

      <Section title={t('t12.section.management')} rows="31–36" extra={<AttachHint onGoto={onGoto} />}>
        {(
          [
            ['qualityCert', 31, 't12.qualityCert'],
            ['ohsCert', 32, 't12.ohsCert'],
            ['environmentCert', 33, 't12.environmentCert'],
          ] as const
        ).map(([key, row, label]) => (
          <div key={key}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {rowLabel(row, t(label))}
            </Typography.Text>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={['table12', key, 'number']} label={t('t12.cert.number')} required>
                  <Input maxLength={100} data-testid={`t12-${key}-number`} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['table12', key, 'issuer']} label={t('t12.cert.issuer')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['table12', key, 'validUntil']} label={t('t12.cert.validUntil')} required>
                  <DateField data-testid={`t12-${key}-validUntil`} />
                </Form.Item>
              </Col>
            </Row>
          </div>
        ))}
        <AttachHint onGoto={onGoto} text={t('t12.docsHint')} />
      </Section>

      <Section title={t('t12.section.environment')} rows="37–42" extra={<AttachHint onGoto={onGoto} />}>
        {(
          [
            ['wastewaterCompliant', 38, 't12.wastewaterCompliant'],
            ['airCompliant', 39, 't12.airCompliant'],
            ['noiseCompliant', 40, 't12.noiseCompliant'],
          ] as const
        ).map(([key, row, label]) => (
          <Form.Item key={key} name={['table12', key]} label={rowLabel(row, t(label))} required>
            <Radio.Group options={yesNo} data-testid={`t12-${key}`} />
          </Form.Item>
        ))}
      </Section>

      <Section title={t('t12.section.service')} rows="43–46" extra={<AttachHint onGoto={onGoto} />}>
        <Form.Item name={['table12', 'certifiedPosts']} label={rowLabel(46, t('t12.certifiedPosts'))}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['table12', 'certifiedPostHolders']} label={t('t12.certifiedPostHolders')} required>
              <InputNumber {...num} min={0} precision={0} data-testid="t12-certifiedPostHolders" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['table12', 'certifiedPostStaff']} label={t('t12.certifiedPostStaff')} required>
              <InputNumber {...num} min={0} precision={0} data-testid="t12-certifiedPostStaff" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <CertifiedRatio />
          </Col>
        </Row>
      </Section>

      <Section title={t('t12.section.warranty')} testId="section-warranty">
        <ListTable
          name={['table12', 'warranties']}
          editable={editable}
          testId="t12-warranties"
          addLabel={t('t12.w.add')}
          newItem={() => ({ model: '', newProductWarrantyMonths: null, remanWarrantyMonths: null })}
          columns={[
            column('model', t('t12.w.model'), <Input maxLength={100} style={{ minWidth: 180 }} />),
            column('new', t('t12.w.new'), <InputNumber min={0} max={1200} precision={0} style={{ width: 120 }} />, { width: 150, field: 'newProductWarrantyMonths' }),
            { key: 'reman', title: t('t12.w.reman'), width: 170, render: (n) => <WarrantyCell n={n} /> },
            column('note', t('t12.w.note'), <Input maxLength={200} style={{ minWidth: 160 }} />),
          ]}
        />
      </Section>

      <Section title={t('t12.section.contract')} testId="section-contract">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('cp.hint')}
        </Typography.Paragraph>
        <Form.Item name={['contractProcessing', 'used']} label={t('cp.used')} required>
          <Radio.Group options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} data-testid="cp-used" />
        </Form.Item>
        <ContractProcessors editable={editable} />
      </Section>
      <Alert type="info" showIcon title={t('t12.statement')} />
    </div>
  );
}

// ---------------------------------------------------------------- 承诺事项 (二(一), 二(二), 二(四), 四(四), 五(三))

const DECLARATION_RULES = [
  ['policyCompliant', 'policy_compliance', null],
  ['notInProtectedArea', 'not_in_protected_area', null],
  // 二(四) has two parts, each declared on its own (资信 may instead be shown by a credit report)
  ['noSeriousDishonesty', 'no_major_accidents', 'decls.q.noSeriousDishonesty'],
  ['noMajorAccidents3y', 'no_major_accidents', 'decls.q.noMajorAccidents3y'],
  ['remanProductsMarked', 'product_marking', null],
  ['noSecondaryPollution', 'no_secondary_pollution', null],
] as const;

export function DeclarationsSection() {
  const { locale, t } = useLocale();
  return (
    <div data-testid="section-declarations">
      <Alert type="info" showIcon title={t('decls.intro')} style={{ marginBottom: 16 }} />
      {DECLARATION_RULES.map(([field, ruleId, question]) => {
        const rule = CONDITION_RULES.find((r) => r.id === ruleId);
        return (
          <Card key={field} size="small" style={{ marginBottom: 12 }}>
            <Flex gap={8} align="flex-start">
              <Tag color="geekblue" style={{ flex: 'none' }}>
                {clauseRef(rule?.clause, locale)}
              </Tag>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{rule ? (bilingual(locale, rule.textZh, rule.textEn)) : field}</Typography.Paragraph>
            </Flex>
            <Form.Item name={['declarations', field]} label={question ? t(question) : t('decls.question')} style={{ marginBottom: 0 }} required={field !== 'noSeriousDishonesty'}>
              <Radio.Group
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
                data-testid={`declarations-${field}`}
              />
            </Form.Item>
          </Card>
        );
      })}
    </div>
  );
}
