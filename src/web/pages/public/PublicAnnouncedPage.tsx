import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { REMAN_FIELDS } from '../../../domain/enterprise';
import { client, unwrap, type AnnouncedEnterprise, type QueryOf } from '../../api';
import { FieldTags } from '../../components/ApplicationStateTag';
import { PageHeader } from '../../components/PageHeader';
import { optionsOf, provinceOptions, regionLabel } from '../../format';
import { useLocale } from '../../i18n';
import { announcedXlsxUrl } from '../../links';
import { qk } from '../../queries';
import { useUrlPaging } from '../../paging';


/** 公告企业名单: search by name, region, field; paging; Excel download. */
export default function PublicAnnouncedPage() {
  const { locale, t } = useLocale();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? '';
  const field = params.get('field') ?? '';
  const [searchText, setSearchText] = useState(q);
  useEffect(() => setSearchText(q), [q]);


  // the download takes the same filters as the list (issue 16 item 11)
  const filterQs = new URLSearchParams(Object.entries({ q, region, field }).filter(([, v]) => !!v)).toString();
  const xlsxHref = filterQs ? `${announcedXlsxUrl}?${filterQs}` : announcedXlsxUrl;
  const query = { page, pageSize, q: q || undefined, region: region || undefined, field: (field || undefined) as QueryOf<'/api/v1/public/announced-enterprises'>['field'] };
  const list = useQuery({
    queryKey: qk.publicAnnounced(query),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/announced-enterprises', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AnnouncedEnterprise> = [
    {
      title: t('ent.name'),
      key: 'name',
      render: (_, e) => (
        <>
          {e.enterpriseName}
          {(e.history ?? []).map((h) => (
            <div key={`${h.on}-${h.fact}`} style={{ fontSize: 12, color: '#595959' }}>{t('pub.changedOn', { date: h.on, old: h.old, new: h.new })}</div>
          ))}
        </>
      ),
    },
    { title: t('ent.creditCode'), key: 'creditCode', width: 200, render: (_, e) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{e.creditCode}</span> },
    { title: t('pub.region'), key: 'region', width: 140, render: (_, e) => regionLabel(e.regionCode, locale, e.regionName) },
    { title: t('apps.site'), key: 'site', render: (_, e) => e.siteName },
    { title: t('pub.field'), key: 'fields', render: (_, e) => <FieldTags fields={e.fields} /> },
    {
      title: t('pub.batch'),
      key: 'batch',
      width: 220,
      render: (_, e) => (
        <span>
          {t('ann.batchN', { n: e.batch.batchNo })} · {e.batch.docNumber}
          <div style={{ color: '#595959', fontSize: 12 }}>{e.batch.announcedOn}</div>
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('pub.announced')}
        extra={
          <Button type="primary" href={xlsxHref} data-testid="announced-xlsx">
            {filterQs ? t('ux.pub.downloadFiltered') : t('pub.downloadExcel')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            placeholder={t('pub.searchName')}
            aria-label={t('pub.searchName')}
            enterButton={t('common.search')}
            style={{ width: 360, maxWidth: '100%' }}
            data-testid="announced-search"
          />
          <Select
            allowClear
            value={region || undefined}
            onChange={(v: string | undefined) => update({ region: v, page: 1 })}
            options={provinceOptions(locale)}
            placeholder={t('pub.allRegions')}
            aria-label={t('pub.allRegions')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            data-testid="announced-region"
          />
          <Select
            allowClear
            value={field || undefined}
            onChange={(v: string | undefined) => update({ field: v, page: 1 })}
            options={optionsOf(REMAN_FIELDS, locale)}
            placeholder={t('pub.allFields')}
            aria-label={t('pub.allFields')}
            style={{ width: 220 }}
            data-testid="announced-field"
          />
        </Flex>
        <Table<AnnouncedEnterprise>
          rowKey={(e) => `${e.creditCode}:${e.siteName}:${e.batch.batchNo}`}
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          data-testid="announced-table"
          locale={{ emptyText: list.isError ? t('common.loadFailed') : t('pub.noMatch') }}
          pagination={pagination(list.data?.total ?? 0)}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
}
