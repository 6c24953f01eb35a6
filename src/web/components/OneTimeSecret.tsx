import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useT } from '../i18n';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  try {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    document.body.removeChild(ta);
    return ok;
  } catch {
    return false;
  }
}

/**
 * A secret shown exactly once (API token, initial password): read-only field,
 * copy button and a warning. Closing it forgets the value.
 */
export function OneTimeSecret({
  open,
  title,
  label,
  secret,
  warning,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  label: string;
  secret: string | null;
  warning: string;
  onClose: () => void;
  testId: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid={`${testId}-close`}>
          {t('common.close')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Alert type="warning" showIcon title={warning} />
        <div>
          <div style={{ marginBottom: 6, color: '#595959' }}>{label}</div>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={secret ?? ''}
              data-testid={testId}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="primary"
              data-testid={`${testId}-copy`}
              onClick={async () => {
                if (secret && (await copyText(secret))) message.success(t('common.copied'));
                else message.warning(t('common.copyFailed'));
              }}
            >
              {t('common.copy')}
            </Button>
          </Space.Compact>
        </div>
      </Space>
    </Modal>
  );
}
