import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import type { ReportCount } from '../../../shared/protocol';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A horizontal bar chart of one breakdown, largest first at the top; its numbers sit beside it. */
export function CountsChart({ counts, title }: { counts: readonly ReportCount[]; title: string }): React.JSX.Element {
  const rows = counts.toReversed();
  const option = {
    animation: false,
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((c) => c.label), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((c) => c.count), itemStyle: { color: '#2f6fb0' }, label: { show: true, position: 'right' } }],
  };
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height: Math.max(80, 26 * rows.length + 24), width: '100%' }}
    />
  );
}
