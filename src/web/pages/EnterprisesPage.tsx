import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Modal, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { client, unwrap, type BodyOf, type Enterprise, type EnterpriseInput } from '../api';
import { useCurrentUser } from '../auth';
import { EnterpriseForm } from '../components/EnterpriseForm';
import { PageHeader } from '../components/PageHeader';
import { enterpriseTypeLabel, listingStatusLabel, provinceOptions, regionLabel } from '../format';
import { useLocale } from '../i18n';
import { isMinistryRole } from '../menu';
import { qk, useAuthorityName, useEnterpriseList } from '../queries';
import { useUrlPaging } from '../paging';


export default function EnterprisesPage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const province = params.get('province') ?? '';
  const [searchText, setSearchText] = useState(q);
  const [creating, setCreating] = useState(false);
  useEffect(() => setSearchText(q), [q]);

  const list = useEnterpriseList({ page, pageSize, q: q || undefined, province: province || undefined });
  const canCreate = me.role === 'ministry_admin' || me.role === 'authority_admin';
  const authorityName = useAuthorityName();


  const create = async (body: EnterpriseInput) => {
    const created = await unwrap(client.POST('/api/v1/enterprises', { body: body as BodyOf<'/api/v1/enterprises', 'post'> }));
    message.success(t('common.created'));
    setCreating(false);
    void qc.invalidateQueries({ queryKey: qk.enterprisesAll });
    navigate(`/enterprises/${created.id}`);
  };

  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('ent.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, e) => (
        <Typography.Link
          onClick={(ev) => {
            ev.stopPropagation();
            navigate(`/enterprises/${e.id}`);
          }}
        >
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('ent.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      width: 200,
      render: (v: string) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{v}</span>,
    },
    { title: t('ent.region'), key: 'region', render: (_, e) => regionLabel(e.regionCode, locale, e.regionName) },
    { title: t('ent.authority'), key: 'authority', render: (_, e) => authorityName(e.authority) },
    { title: t('ent.enterpriseType'), key: 'enterpriseType', render: (_, e) => enterpriseTypeLabel(e.enterpriseType, locale) },
    { title: t('ent.listingStatus'), key: 'listingStatus', render: (_, e) => listingStatusLabel(e.listingStatus, locale) },
  ];

  return (
    <>
      <PageHeader
        title={isMinistryRole(me.role) ? t('ents.titleAll') : t('ents.title')}
        subTitle={isMinistryRole(me.role) ? undefined : me.organization.name}
        extra={
          canCreate ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="enterprise-create">
              {t('ent.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            placeholder={t('ents.searchPlaceholder')}
            aria-label={t('ents.searchPlaceholder')}
            enterButton={t('common.search')}
            style={{ width: 380, maxWidth: '100%' }}
            data-testid="enterprise-search"
          />
          <Select
            allowClear
            value={province || undefined}
            onChange={(v: string | undefined) => update({ province: v, page: 1 })}
            options={provinceOptions(locale)}
            placeholder={t('ents.allProvinces')}
            aria-label={t('ents.province')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            data-testid="enterprise-province"
          />
        </Flex>
        <Table<Enterprise>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          data-testid="enterprises-table"
          onRow={(e) => ({ onClick: () => navigate(`/enterprises/${e.id}`), style: { cursor: 'pointer' } })}
          locale={list.isError ? { emptyText: t('common.loadFailed') } : undefined}
          pagination={pagination(list.data?.total ?? 0)}
          scroll={{ x: 900 }}
        />
      </Card>
      <Modal
        open={creating}
        title={t('ent.create')}
        onCancel={() => setCreating(false)}
        footer={null}
        width={860}
        destroyOnHidden
      >
        <EnterpriseForm me={me} onSubmit={create} onCancel={() => setCreating(false)} />
      </Modal>
    </>
  );
}
