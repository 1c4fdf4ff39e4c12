import ExcelJS from 'exceljs';
import type { Report } from '../../../shared/protocol';
import { cityTime } from '../../../shared/time';
import { translate } from '../messages';
import { reportHeading, reportSections, type Cell, type CellKind } from './reportTables';

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = clean.length <= 31 ? clean : clean.slice(0, 31);
  const base = clean.length <= 31 || clean[31] === ' ' ? cut : cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Excel dates carry no time zone: an instant is written as its Almaty wall-clock time (so the cell
 * shows what the desk showed), a day as that day at midnight.
 */
function xlsxCell(value: Cell, kind: CellKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'datetime' && typeof value === 'number') return new Date(`${cityTime(value).format('YYYY-MM-DDTHH:mm:ss')}Z`);
  if (kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

const NUMBER_FORMAT: Record<CellKind, string | undefined> = {
  text: undefined,
  number: '0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * The report as a workbook: first what it is (title, period, what it is compared with, when it was
 * made: a sheet of sections alone does not say), then a sheet per section, real numbers and dates,
 * frozen header row.
 */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const heading = reportHeading(report);
  workbook.creator = 'Akimat LIVE Desk';
  workbook.title = heading.title;
  workbook.created = new Date(report.generatedAt);
  const taken = new Set<string>();
  const about = workbook.addWorksheet(sheetName(translate(report.lang, 'press.section.about'), taken));
  about.getColumn(1).width = 70;
  about.addRow([heading.title]).font = { bold: true, size: 14 };
  for (const line of heading.lines) about.addRow([line]);
  for (const section of reportSections(report)) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = section.columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind]! } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of section.rows) {
      const added = sheet.addRow(row.map((cell, i) => xlsxCell(cell, section.columns[i]!.kind)));
      added.alignment = { vertical: 'top', wrapText: true };
    }
    sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
