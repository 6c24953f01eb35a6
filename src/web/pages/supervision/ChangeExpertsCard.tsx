import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, List, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CONDITION_CHAPTERS, conditionChapterTitle } from '../../../domain/announcement/chapters';
import { client, unwrap } from '../../api';
import { pick, useLocale } from '../../i18n';
import type { ChangeRequest } from './supApi';
import { useT } from '../../i18n';
import type { useCaseDetail } from './useCaseDetail';

type Act = ReturnType<typeof useCaseDetail<'changes'>>['act'];

/**
 * 七(二)3 "由省级工业和信息化主管部门组织相关机构和专家验收核实": the experts of a change's acceptance check and their
 * opinions (filed under the 规范条件 chapters 二–六, labelled as in the 公告 review); the authority involves experts
 * from the pool, an involved expert records its opinion.
 */
export function ChangeExpertsCard({ c, act }: { c: ChangeRequest; act: Act }) {
  const st = useT();
  const { locale } = useLocale();
  const experts = c.experts ?? [];
  const canAssign = c.actions.includes('assign_experts');
  const canOpine = c.actions.includes('opinion');
  const [picked, setPicked] = useState<string[]>([]);
  const [form] = Form.useForm();
  const pool = useQuery({
    queryKey: ['experts', 'pool'],
    queryFn: () => unwrap(client.GET('/api/v1/experts', { params: { query: { pageSize: 200 } } })),
    enabled: canAssign,
  });
  if (experts.length === 0 && !canAssign) return null;
  const pending = experts.filter((x) => !x.submitted).length;
  return (
    <Card title={st('chg.experts')} style={{ marginBottom: 16 }} data-testid="change-experts">
      {experts.length === 0 ? (
        <Empty description={st('chg.experts.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={experts}
          renderItem={(x) => (
            <List.Item data-testid={`change-expert-${x.expertId}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <span>
                  <b>{x.name}</b> · {x.organization}{' '}
                  {x.submitted ? (
                    <Tag color={x.opinion?.conclusion === 'meets' ? 'green' : 'red'}>{st.dyn(`chg.opinion.${x.opinion?.conclusion ?? ''}`)}</Tag>
                  ) : (
                    <Tag>{st('chg.experts.pending')}</Tag>
                  )}
                </span>
                {x.opinion?.chapters ? (
                  <Descriptions size="small" column={1}>
                    {Object.entries(x.opinion.chapters).map(([k, v]) => (
                      <Descriptions.Item key={k} label={conditionChapterTitle(k, locale)}>
                        {v}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {pending > 0 && c.actions.includes('check') ? <Typography.Text type="warning">{st('chg.experts.waiting')}</Typography.Text> : null}
      {canAssign ? (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Select
            mode="multiple"
            aria-label={st('chg.experts.pick')}
            style={{ minWidth: 320 }}
            placeholder={st('chg.experts.pick')}
            value={picked}
            onChange={setPicked}
            loading={pool.isPending}
            data-testid="change-experts-pick"
            optionFilterProp="label"
            options={(pool.data?.items ?? []).filter((e) => !experts.some((x) => x.expertId === e.id)).map((e) => ({ value: e.id, label: `${e.name} · ${e.organization}` }))}
          />
          <Button disabled={picked.length === 0} loading={act.isPending} data-testid="change-experts-add" onClick={() => act.mutateAsync({ path: 'experts', body: { expertIds: picked } }).then(() => setPicked([]))}>
            {st('chg.experts.add')}
          </Button>
        </Flex>
      ) : null}
      {canOpine ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={(v: { conclusion: string; comment?: string } & Record<string, string>) => {
            const chapters = Object.fromEntries(CONDITION_CHAPTERS.map((ch) => [ch.key, v[`ch_${ch.key}`]]).filter(([, t]) => t && String(t).trim()));
            if (Object.keys(chapters).length === 0) {
              form.setFields([{ name: `ch_${CONDITION_CHAPTERS[0]!.key}`, errors: [st('chg.opinion.atLeastOne')] }]);
              return;
            }
            void act.mutateAsync({ path: 'opinion', body: { chapters, conclusion: v.conclusion, ...(v.comment ? { comment: v.comment } : {}) } });
          }}
        >
          <Typography.Title level={5}>{st('chg.opinion.title')}</Typography.Title>
          {CONDITION_CHAPTERS.map((ch) => (
            <Form.Item key={ch.key} name={`ch_${ch.key}`} label={pick(locale, ch)}>
              <Input.TextArea autoSize={{ minRows: 1 }} data-testid={`change-opinion-${ch.key}`} />
            </Form.Item>
          ))}
          <Form.Item name="conclusion" label={st('chg.opinion.conclusion')} rules={[{ required: true, message: st('common.required') }]}>
            <Radio.Group options={[{ value: 'meets', label: st('chg.opinion.meets') }, { value: 'does_not_meet', label: st('chg.opinion.does_not_meet') }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending} data-testid="change-opinion-submit">
            {st('chg.opinion.submit')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
