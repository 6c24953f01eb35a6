import { Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n';
import { labelled } from '../../../components/a11y';

/** The "required" rule in the caller's language. */
export function useRequired() {
  const t = useT();
  return [{ required: true, message: t('common.required') }];
}

/** A one-line text field named `name` (test id `f-<name>`). */
export function TextField({ name, label, required = true }: { name: string; label: ReactNode; required?: boolean }) {
  const req = useRequired();
  return (
    <Form.Item name={name} label={label} rules={required ? req : []}>
      <Input data-testid={`f-${name}`} />
    </Form.Item>
  );
}

export interface RowColumn {
  /** the field of the row */
  field: string;
  span: number;
  label: ReactNode;
  rules?: object[];
  /** the input, given the row's index (for its test id) */
  input: (i: number) => ReactNode;
}

/**
 * The shared row editor of the step forms (parts, measurements, assessment items, reassembly inputs): a
 * `Form.List` whose rows are the given columns, labelled on the first row only, each row optionally removable,
 * and an add button below.
 */
export function RowEditor({
  name,
  columns,
  gutter = 8,
  align,
  rowTestId,
  removeSpan,
  addInitial,
  addTestId,
}: {
  name: string;
  columns: RowColumn[];
  gutter?: number;
  align?: 'middle';
  rowTestId?: (i: number) => string;
  /** the span of the row's × button; without it rows cannot be removed */
  removeSpan?: number;
  addInitial: object;
  addTestId?: string;
}) {
  const tt = useT();
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <>
          {items.map((f, i) => (
            <Row gutter={gutter} key={f.key} align={align} data-testid={rowTestId?.(i)}>
              {columns.map((c) => (
                <Col span={c.span} key={c.field}>
                  <Form.Item name={[f.name, c.field]} label={i === 0 ? c.label : undefined} rules={c.rules}>
                    {i === 0 ? c.input(i) : labelled(c.input(i), c.label, i)}
                  </Form.Item>
                </Col>
              ))}
              {removeSpan ? (
                <Col span={removeSpan}>
                  <Button type="text" onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                    ×
                  </Button>
                </Col>
              ) : null}
            </Row>
          ))}
          <Button onClick={() => add(addInitial)} data-testid={addTestId} style={{ marginBottom: 16 }}>
            + {tt('trace.addRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Measurements (name, value, unit) of an inspection or a test. */
export function Measurements() {
  const tt = useT();
  return (
    <>
      <Typography.Text strong>{tt('trace.measurements')}</Typography.Text>
      <RowEditor
        name="measurements"
        removeSpan={2}
        addInitial={{}}
        columns={[
          { field: 'name', span: 10, label: tt('trace.measureName'), input: (i) => <Input data-testid={`f-m-name-${i}`} /> },
          { field: 'value', span: 6, label: tt('trace.measureValue'), input: (i) => <InputNumber style={{ width: '100%' }} data-testid={`f-m-value-${i}`} /> },
          { field: 'unit', span: 6, label: tt('trace.measureUnit'), input: (i) => <Input data-testid={`f-m-unit-${i}`} /> },
        ]}
      />
    </>
  );
}

/** The measurements typed, without the empty rows. */
export const measurementsOf = (v: Record<string, unknown>) =>
  ((v.measurements as Array<{ name?: string; value?: number; unit?: string }>) ?? [])
    .filter((m) => m?.name && m.value !== undefined && m.value !== null)
    .map((m) => ({ name: m.name!, value: Number(m.value), unit: m.unit || undefined }));
