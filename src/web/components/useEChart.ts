import * as echarts from 'echarts/core';
import { useEffect, useRef, type DependencyList } from 'react';

/**
 * An ECharts chart on the returned div: built from the option `build` returns whenever `deps` change, resized with
 * the window and with its own box (a drawer or tab opening), disposed on change and on unmount. The caller registers
 * the chart types and components it uses (`echarts.use`), so each chart stays tree-shaken.
 */
export function useEChart(build: () => echarts.EChartsCoreOption, deps: DependencyList) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(build());
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(onResize) : null;
    ro?.observe(el);
    return () => {
      window.removeEventListener('resize', onResize);
      ro?.disconnect();
      chart.dispose();
    };
    // the option is rebuilt exactly when the caller's inputs change
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}
