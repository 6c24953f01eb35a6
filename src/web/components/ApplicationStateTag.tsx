import { Space, Tag } from 'antd';
import { APPLICATION_FIELDS } from '../../domain/announcement/form';
import { APPLICATION_STATE_COLORS, applicationStateLabel, remanFieldLabel } from '../format';
import { useLocale } from '../i18n';

/** The state of an application as a coloured tag, in the UI language. */
export function ApplicationStateTag({ state }: { state: string }) {
  const { locale } = useLocale();
  return (
    <Tag color={APPLICATION_STATE_COLORS[state] ?? 'default'} data-testid="application-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {applicationStateLabel(state, locale)}
    </Tag>
  );
}

/** The nine 再制造产品类型 (and 其他, 规范条件 一(一) "等") as small tags, in the domain order. */
export function FieldTags({ fields }: { fields: readonly string[] | null | undefined }) {
  const { locale } = useLocale();
  const list = APPLICATION_FIELDS.filter((f) => (fields ?? []).includes(f.value));
  if (list.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {list.map((f) => (
        <Tag key={f.value} color="blue">
          {remanFieldLabel(f.value, locale)}
        </Tag>
      ))}
    </Space>
  );
}
