import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TraceTree } from './traceApi';
import { graphOf, type NodeKind } from './genealogy';
import { useT } from '../../i18n';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const KINDS: NodeKind[] = ['product', 'part', 'core', 'lot', 'other'];
const COLORS = ['#1f4e9e', '#389e0d', '#ad6800', '#722ed1', '#595959'];

/**
 * The genealogy as a graph (issue 16 item 8): every object once, every edge once, arrows the way the material went
 * (part → product, core → part taken out of it). The page offers it beside the tree and opens it first for large
 * genealogies. Lazy: ECharts loads only when someone asks for the graph.
 */
export default function GenealogyGraph({ tree, onOpen }: { tree: TraceTree; onOpen?: (productCode: string) => void }) {
  const tt = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const g = graphOf(tree);
    const kindName: Record<NodeKind, string> = {
      product: tt('trace.flowProduct'),
      part: tt('trace.parts'),
      core: tt('trace.flowCore'),
      lot: tt('trace.g.lot'),
      other: tt('trace.g.other'),
    };
    chart.setOption({
      color: COLORS,
      tooltip: { formatter: (p: { dataType: string; data: { full?: string; name?: string; relation?: string } }) => (p.dataType === 'node' ? `${p.data.name ?? ''}<br/>${p.data.full ?? ''}` : (p.data.relation ?? '')) },
      legend: { data: KINDS.filter((k) => g.nodes.some((n) => n.kind === k)).map((k) => kindName[k]), top: 0 },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: g.nodes.length > 100 ? 80 : 260, edgeLength: [60, 140], gravity: 0.08 },
          categories: KINDS.map((k) => ({ name: kindName[k] })),
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          label: { show: g.nodes.length <= 150, position: 'right', fontSize: 11, formatter: (p: { data: { label: string } }) => p.data.label },
          lineStyle: { color: '#8c8c8c', curveness: 0.1 },
          data: g.nodes.map((n) => ({
            id: n.key,
            name: n.name,
            full: n.key,
            productCode: n.productCode,
            label: `${n.name}\n${n.code}${n.life ? ` · ${tt('trace.lifeN', { n: n.life })}` : ''}`,
            category: KINDS.indexOf(n.kind),
            symbolSize: n.key === tree.root.key ? 28 : n.kind === 'product' ? 20 : 12,
          })),
          links: g.links.map((l) => ({ source: l.source, target: l.target, relation: tt(`trace.rel.${l.relation}`) })),
        },
      ],
    });
    chart.on('dblclick', (p) => {
      const code = (p.data as { productCode?: string | null } | undefined)?.productCode;
      if (p.dataType === 'node' && code && onOpen) onOpen(code);
    });
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => chart.resize()) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart.dispose();
    };
  }, [tree, tt, onOpen]);
  return <div ref={ref} data-testid="genealogy-graph" role="img" aria-label={tt('trace.g.graph')} style={{ width: '100%', height: 480 }} />;
}
