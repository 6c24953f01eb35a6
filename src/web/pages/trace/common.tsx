import { Button, Flex, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth';
import { isEnterpriseRole } from '../../menu';
import type { ProductStatus } from './traceApi';
import { hasKey, useT, type TFunction } from '../../i18n';

export const STATUS_COLORS: Record<ProductStatus, string> = { issued: 'green', revoked: 'red', recalled: 'orange' };

export function StatusTag({ status }: { status: ProductStatus }) {
  const tt = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="product-status" data-status={status}>
      {tt(`trace.status.${status}`)}
    </Tag>
  );
}

/** Label of a lifecycle step kind ('intake', …), or the kind itself when unknown. */
export function stepLabel(tt: TFunction, kind: string): string {
  const k = `trace.step.${kind}`;
  return hasKey(k) ? tt(k) : kind;
}

/** Enterprise users record; authorities and the ministry only read. */
export function useCanRecord(): boolean {
  const me = useMe();
  return isEnterpriseRole(me.data?.role);
}

/** The sub-navigation of the traceability pages. */
export function TraceNav({ current }: { current: 'products' | 'record' | 'recall' | 'ledger' | 'import' }) {
  const tt = useT();
  const navigate = useNavigate();
  const canRecord = useCanRecord();
  const items: { key: typeof current; path: string; label: string; write?: boolean }[] = [
    { key: 'products', path: '/trace', label: tt('trace.products') },
    { key: 'record', path: '/trace/record', label: tt('trace.record'), write: true },
    { key: 'recall', path: '/trace/recall', label: tt('trace.recall') },
    { key: 'ledger', path: '/trace/ledger', label: tt('trace.ledger') },
    { key: 'import', path: '/trace/import', label: tt('trace.import'), write: true },
  ];
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {items
        .filter((i) => canRecord || !i.write)
        .map((i) => (
          <Button key={i.key} type={i.key === current ? 'primary' : 'default'} onClick={() => navigate(i.path)} data-testid={`trace-nav-${i.key}`}>
            {i.label}
          </Button>
        ))}
    </Flex>
  );
}
