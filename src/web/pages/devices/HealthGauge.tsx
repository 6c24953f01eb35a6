import { GaugeChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([GaugeChart, CanvasRenderer]);

/** Health index 0–100 as a gauge; bands: < 30 critical, < 60 poor, < 80 fair, else good (health.ts HEALTH_BANDS). */
export function HealthGauge({ value, label }: { value: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    c.setOption({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          progress: { show: false },
          axisLine: { lineStyle: { width: 14, color: [[0.3, '#cf1322'], [0.6, '#fa8c16'], [0.8, '#fadb14'], [1, '#389e0d']] } },
          pointer: { width: 5 },
          axisTick: { show: false },
          splitLine: { length: 10 },
          axisLabel: { distance: 18, fontSize: 10 },
          detail: { valueAnimation: false, formatter: '{value}', fontSize: 26, offsetCenter: [0, '60%'] },
          title: { offsetCenter: [0, '88%'], fontSize: 12 },
          data: [{ value: Math.round(value), name: label }],
        },
      ],
    });
    return () => c.dispose();
  }, [value, label]);
  return <div ref={ref} style={{ height: 220, width: '100%' }} role="img" aria-label={`${label}: ${Math.round(value)}`} data-testid="health-gauge" />;
}
