import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { client, unwrap, type EnterpriseInput } from '../api';
import { useCurrentUser } from '../auth';
import { EnterpriseDescriptions } from '../components/EnterpriseDescriptions';
import { EnterpriseForm } from '../components/EnterpriseForm';
import { PageHeader } from '../components/PageHeader';
import { errorText } from '../errors';
import { useLocale } from '../i18n';
import { qk, useAuthorityName, useEnterprise } from '../queries';

export default function MyEnterprisePage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const enterpriseId = me.organization.kind === 'enterprise' ? me.organization.id : undefined;
  const ent = useEnterprise(enterpriseId);
  const [editing, setEditing] = useState(false);
  const authorityName = useAuthorityName();
  const canEdit = me.role === 'enterprise_admin';

  if (!enterpriseId) return <Result status="info" title={t('ent.noEnterprise')} />;

  const save = async (body: EnterpriseInput) => {
    const updated = await unwrap(client.PATCH('/api/v1/enterprises/{id}', { params: { path: { id: enterpriseId } }, body }));
    qc.setQueryData(qk.enterprise(enterpriseId), updated);
    void qc.invalidateQueries({ queryKey: qk.enterprisesAll });
    message.success(t('common.saved'));
    setEditing(false);
  };

  return (
    <>
      <PageHeader
        title={t('menu.my-enterprise')}
        subTitle={ent.data ? `${t('ent.authority')}${t('common.colon')}${authorityName(ent.data.authority)}` : undefined}
        extra={
          <>
            <Button onClick={() => navigate('/sites')}>{t('ent.viewSites')}</Button>
            {canEdit && ent.data && !editing ? (
              <Button type="primary" onClick={() => setEditing(true)} data-testid="enterprise-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {ent.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : ent.isError ? (
        <Result
          status="error"
          title={t('common.loadFailed')}
          subTitle={errorText(ent.error, locale)}
          extra={<Button onClick={() => void ent.refetch()}>{t('common.retry')}</Button>}
        />
      ) : ent.data ? (
        editing ? (
          <Card title={t('ent.edit')}>
            <EnterpriseForm me={me} enterprise={ent.data} onSubmit={save} onCancel={() => setEditing(false)} />
          </Card>
        ) : (
          <Card title={t('ent.basic')}>
            <EnterpriseDescriptions enterprise={ent.data} />
          </Card>
        )
      ) : null}
    </>
  );
}
