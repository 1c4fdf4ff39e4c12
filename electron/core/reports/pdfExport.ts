import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Report } from '../../../shared/protocol';
import { translate } from '../messages';
import { CHART_FONT, countsChartSvg } from './charts';
import { cityDateTime, reportHeading, reportSections, type Cell, type Column, type Section } from './reportTables';

const require = createRequire(import.meta.url);

/** DejaVu carries every Kazakh letter (ә ғ қ ң ө ұ ү һ і); the PDF embeds it, so any reader shows them. */
const FONT_DIR = dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const FONTS = {
  [CHART_FONT]: {
    normal: `${FONT_DIR}/DejaVuSans.ttf`,
    bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`,
    italics: `${FONT_DIR}/DejaVuSans-Oblique.ttf`,
    bolditalics: `${FONT_DIR}/DejaVuSans-BoldOblique.ttf`,
  },
};

/** A4 landscape less 40 pt margins each side. */
const CONTENT_WIDTH = 842 - 80;
const CHART_WIDTH = 380;

function pdfCell(value: Cell, column: Column): TableCell {
  if (value === null) return '';
  if (column.kind === 'datetime' && typeof value === 'number') return cityDateTime(value);
  if (column.kind === 'number') return { text: String(value), alignment: 'right' };
  return String(value);
}

function sectionTable(section: Section, noneText: string): Content {
  if (section.rows.length === 0) return { text: noneText, style: 'none' };
  const total = section.columns.reduce((n, c) => n + c.width, 0);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: section.columns.map((c) => (section.chart ? '*' : Math.floor((CONTENT_WIDTH * c.width) / total) - 8)),
      body: [
        section.columns.map((c) => ({ text: c.header, style: 'th' })),
        ...section.rows.map((row) => row.map((cell, i) => pdfCell(cell, section.columns[i]!))),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: section.chart ? 9 : 8,
  };
}

async function sectionContent(section: Section, noneText: string): Promise<Content[]> {
  const title: Content = { text: section.title, style: 'h2' };
  const chartable = section.chart?.some((c) => c.count > 0) ?? false;
  if (!section.chart || !chartable) return [title, sectionTable(section, noneText)];
  return [
    { stack: [title, { columns: [{ svg: await countsChartSvg(section.chart, CHART_WIDTH), width: CHART_WIDTH, font: CHART_FONT }, sectionTable(section, noneText)], columnGap: 16 }], unbreakable: true },
  ];
}

/**
 * The report as a print-ready PDF: A4 landscape, the DejaVu font embedded, charts drawn by echarts
 * as vector SVG next to their numbers, tables with repeated headers, "page N of M" on every page.
 * Made by the core, so the desktop app and a browser download the same file.
 */
export async function reportPdf(report: Report): Promise<Buffer> {
  const pdfmake = (await import('pdfmake')).default;
  pdfmake.setFonts(FONTS);
  // Only the bundled fonts are read from disk, and nothing from the network.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  const t = (key: string, vars?: Record<string, unknown>) => translate(report.lang, key, vars);
  const heading = reportHeading(report);
  const none = t('press.none');
  const sections: Content[] = [];
  for (const section of reportSections(report)) sections.push(...(await sectionContent(section, none)));
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 40],
    info: { title: heading.title, creator: 'Akimat LIVE Desk' },
    defaultStyle: { font: CHART_FONT, fontSize: 10 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      th: { bold: true },
      meta: { color: '#555555' },
      none: { italics: true, color: '#777777' },
    },
    content: [{ text: heading.title, style: 'h1' }, ...heading.lines.map((line): Content => ({ text: line, style: 'meta' })), ...sections],
    footer: (currentPage: number, pageCount: number): Content => ({
      text: t('press.page', { page: currentPage, pages: pageCount }),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 12, 0, 0],
    }),
  };
  return await pdfmake.createPdf(doc).getBuffer();
}
