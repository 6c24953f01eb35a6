import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Modal, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { client, unwrap, type EnterpriseInput } from '../api';
import { useCurrentUser } from '../auth';
import { EnterpriseDescriptions } from '../components/EnterpriseDescriptions';
import { EnterpriseForm } from '../components/EnterpriseForm';
import { PageHeader } from '../components/PageHeader';
import { SitesTable } from '../components/SitesTable';
import { errorText } from '../errors';
import { useLocale } from '../i18n';
import { qk, useAuthorityName, useEnterprise } from '../queries';

export default function EnterpriseDetailPage() {
  const { id } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const ent = useEnterprise(id);
  const [editing, setEditing] = useState(false);
  const authorityName = useAuthorityName();

  // Mirrors enterprises.policy canEditEnterprise / canManageSites (the list is already jurisdiction-scoped).
  const canEdit =
    me.role === 'ministry_admin' || (me.role === 'authority_admin' && !!ent.data && ent.data.authority?.id === me.organization.id);
  const canManageSites = me.role === 'ministry_admin';

  const save = async (body: EnterpriseInput) => {
    const updated = await unwrap(client.PATCH('/api/v1/enterprises/{id}', { params: { path: { id: id! } }, body }));
    qc.setQueryData(qk.enterprise(id!), updated);
    void qc.invalidateQueries({ queryKey: ['enterprises', 'list'] });
    message.success(t('common.saved'));
    setEditing(false);
  };

  return (
    <>
      <PageHeader
        title={ent.data?.name ?? t('ent.detail')}
        subTitle={ent.data ? `${t('ent.authority')}${t('common.colon')}${authorityName(ent.data.authority)}` : undefined}
        backTo="/enterprises"
        extra={
          canEdit && ent.data ? (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="enterprise-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      {ent.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : ent.isError || !ent.data ? (
        <Result
          status={ent.error && 'status' in ent.error && ent.error.status === 404 ? '404' : 'error'}
          title={t('common.loadFailed')}
          subTitle={errorText(ent.error, locale)}
        />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('ent.basic')}>
            <EnterpriseDescriptions enterprise={ent.data} />
          </Card>
          <SitesTable enterpriseId={ent.data.id} editable={canManageSites} defaultRegionCode={ent.data.regionCode} />
        </Space>
      )}
      <Modal open={editing} title={t('ent.edit')} onCancel={() => setEditing(false)} footer={null} width={860} destroyOnHidden>
        {ent.data ? <EnterpriseForm me={me} enterprise={ent.data} onSubmit={save} onCancel={() => setEditing(false)} /> : null}
      </Modal>
    </>
  );
}
