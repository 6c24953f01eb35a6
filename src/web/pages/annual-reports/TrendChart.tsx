import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/useEChart';
import type { ResponseOf } from '../../api';
import { useLocale } from '../../i18n';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A year of the statistics' trend (GET /statistics and /public/statistics). */
export type TrendPoint = Pick<ResponseOf<'/api/v1/public/statistics'>['trend'][number], 'year' | 'recovered' | 'remanufactured' | 'sold'>;

/** Trend by report year: cores recovered, units remanufactured, units sold or leased (表2-3 totals). */
export default function TrendChart({ items }: { items: TrendPoint[] }) {
  const { t } = useLocale();
  const ref = useEChart(() => {
    const series = (['recovered', 'remanufactured', 'sold'] as const).map((k) => ({
      name: t(`stat.${k}`),
      type: 'line' as const,
      smooth: false,
      data: items.map((i) => i[k]),
      label: { show: items.length <= 8, position: 'top' as const },
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: items.map((i) => String(i.year)) },
      yAxis: { type: 'value', minInterval: 1, name: t('stat.units') },
      series,
    };
  }, [items, t]);
  return <div ref={ref} data-testid="trend-chart" style={{ width: '100%', height: 320 }} />;
}
