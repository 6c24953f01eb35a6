import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from './useEChart';
import type { RegionStat } from '../api';
import { regionLabel } from '../format';
import { useLocale } from '../i18n';
import { BRAND_BLUE } from '../theme';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bar chart of enterprise counts by province, or by city for a provincial authority (tree-shaken ECharts core). */
export default function RegionChart({
  items,
  valueLabel,
  byName,
}: {
  items: RegionStat[];
  /** axis and series name (default: enterprise count) */
  valueLabel?: string;
  /** the items are cities (a provincial authority's chart): show the server's names, not the province of the code */
  byName?: boolean;
}) {
  const { locale, t } = useLocale();
  const ref = useEChart(() => {
    const sorted = [...items].sort((a, b) => b.count - a.count);
    const names = sorted.map((i) => (byName ? i.regionName : regionLabel(i.regionCode, locale, i.regionName)));
    return {
      color: [BRAND_BLUE],
      grid: { left: 48, right: 16, top: 24, bottom: sorted.length > 8 ? 80 : 40 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: sorted.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1, name: (valueLabel ?? t('home.chartCount')) },
      series: [
        {
          name: (valueLabel ?? t('home.chartCount')),
          type: 'bar',
          data: sorted.map((i) => i.count),
          barMaxWidth: 36,
          label: { show: sorted.length <= 20, position: 'top' },
        },
      ],
    };
  }, [items, locale, t, valueLabel, byName]);

  return <div ref={ref} data-testid="region-chart" style={{ width: '100%', height: 360 }} />;
}
