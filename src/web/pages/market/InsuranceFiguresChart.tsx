import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/useEChart';
import { useLocale } from '../../i18n';
import { BRAND_BLUE } from '../../theme';
import type { InsuranceFigures } from './insuranceApi';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Insured units, claims and paid claims per enterprise (most insured first), bars side by side; the table below has every figure. */
export default function InsuranceFiguresChart({ items }: { items: InsuranceFigures['items'] }) {
  const { t } = useLocale();
  const ref = useEChart(() => {
    const sorted = [...items].sort((a, b) => b.insuredUnits - a.insuredUnits || b.policies - a.policies).slice(0, 20);
    const series = (
      [
        ['insuredUnits', (r: (typeof items)[number]) => r.insuredUnits],
        ['claims', (r: (typeof items)[number]) => r.claims],
        ['accepted', (r: (typeof items)[number]) => r.claimsAccepted],
      ] as const
    ).map(([k, v]) => ({ name: t(`market.ins.fig.${k}`), type: 'bar' as const, data: sorted.map(v), barMaxWidth: 28, label: { show: sorted.length <= 10, position: 'top' as const } }));
    return {
      color: [BRAND_BLUE, '#fa8c16', '#52c41a'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: sorted.length > 4 ? 90 : 48 },
      xAxis: { type: 'category', data: sorted.map((r) => r.enterpriseName), axisLabel: { interval: 0, rotate: sorted.length > 4 ? 30 : 0, width: 140, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [items, t]);
  return <div ref={ref} data-testid="insurance-chart" role="img" aria-label={t('market.ins.chart')} style={{ width: '100%', height: 320 }} />;
}
