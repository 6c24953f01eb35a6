import { Result } from 'antd';
import { useParams } from 'react-router-dom';
import { useCurrentUser } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { SitesTable } from '../components/SitesTable';
import { useLocale } from '../i18n';
import { useEnterprise } from '../queries';

/** /sites (own enterprise) and /enterprises/:id/sites. */
export default function SitesPage() {
  const me = useCurrentUser();
  const { t } = useLocale();
  const params = useParams<{ id?: string }>();
  const own = me.organization.kind === 'enterprise' ? me.organization.id : undefined;
  const enterpriseId = params.id ?? own;
  const ent = useEnterprise(enterpriseId);

  if (!enterpriseId) return <Result status="info" title={t('ent.noEnterprise')} />;

  const editable =
    me.role === 'ministry_admin' || (me.role === 'enterprise_admin' && own !== undefined && own === enterpriseId);

  return (
    <>
      <PageHeader
        title={params.id && ent.data ? t('sites.titleOf', { name: ent.data.name }) : t('sites.title')}
        backTo={params.id ? `/enterprises/${params.id}` : undefined}
      />
      <SitesTable
        enterpriseId={enterpriseId}
        editable={editable}
        title={ent.data?.name}
        defaultRegionCode={ent.data?.regionCode}
      />
    </>
  );
}
