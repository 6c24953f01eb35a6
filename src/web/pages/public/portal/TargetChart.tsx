import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Cumulative value by year as bars, the target as a dashed line. */
export default function TargetChart({ trend, target, label }: { trend: Array<{ year: number; value: number }>; target: number | null; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: trend.map((p) => String(p.year)) },
      yAxis: { type: 'value', minInterval: 1, max: target ? Math.max(target, ...trend.map((p) => p.value)) : undefined },
      series: [
        {
          name: label,
          type: 'bar',
          data: trend.map((p) => p.value),
          itemStyle: { color: '#165dc8' },
          label: { show: trend.length <= 10, position: 'top' },
          markLine: target ? { symbol: 'none', lineStyle: { type: 'dashed', color: '#d4380d' }, data: [{ yAxis: target }], label: { formatter: String(target) } } : undefined,
        },
      ],
    });
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => chart.resize()) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart.dispose();
    };
  }, [trend, target, label]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 220 }} />;
}
