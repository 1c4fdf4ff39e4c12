import type { ReportCount } from '../../../shared/protocol';

/** The font the PDF embeds; charts name it so their labels are drawn with every Kazakh letter. */
export const CHART_FONT = 'DejaVu';

const BAR_COLOR = '#2f6fb0';

/**
 * A horizontal bar chart of counts as an SVG string, rendered by echarts on the server (no DOM):
 * the PDF embeds it as vector graphics. Loaded on first use: echarts is large and only exports need it.
 */
export async function countsChartSvg(counts: readonly ReportCount[], width: number): Promise<string> {
  const echarts = await import('echarts');
  const rows = counts.toReversed();
  const height = Math.max(60, 22 * rows.length + 30);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, fontSize: 10 },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#ddd' } } },
    yAxis: { type: 'category', data: rows.map((c) => c.label), axisLabel: { width: Math.round(width * 0.4), overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: rows.map((c) => c.count),
        itemStyle: { color: BAR_COLOR },
        label: { show: true, position: 'right', fontFamily: CHART_FONT },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
