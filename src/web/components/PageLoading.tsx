import { Spin } from 'antd';
import { useT } from '../i18n';

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
      <div style={{ marginTop: 12, color: '#595959' }}>{t('app.loading')}</div>
    </div>
  );
}
