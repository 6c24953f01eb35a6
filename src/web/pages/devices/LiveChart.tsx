import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

const SHANGHAI = 'Asia/Shanghai';
const timeLabel = (ms: number) => new Date(ms).toLocaleString('zh-CN', { timeZone: SHANGHAI, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** One metric's series as a line (times shown in Asia/Shanghai); `points` grows as the live stream sends values. */
export function MetricChart({ title, unit, points, testId }: { title: string; unit: string | null; points: [number, number][]; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}${unit ? ` ${unit}` : ''}`, axisPointer: { label: { formatter: (p: { value: number }) => timeLabel(p.value) } } },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => timeLabel(v).slice(6) } },
      yAxis: { type: 'value', scale: true, name: unit ?? '' },
      series: [{ name: title, type: 'line', showSymbol: false, sampling: 'lttb', data: points }],
    });
  }, [points, title, unit]);
  return <div ref={ref} style={{ height: 220, width: '100%' }} data-testid={testId} data-points={points.length} role="img" aria-label={title} />;
}
