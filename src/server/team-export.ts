/**
 * @module The team matrix as a file: XLSX (exceljs) with the leader's levels coloured by distance to target and a
 * legend in words, targets and own levels on sheets of their own; CSV (csv-stringify) with semicolons, UTF-8 with a
 * BOM and decimal commas, so Danish Excel opens it as a table.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FrameworkDocument } from '../domain/framework.ts';
import type { RatedLevel } from '../domain/profile.ts';
import { type DistanceBand, distanceBands } from '../domain/team.ts';
import type { Locale } from '../domain/text.ts';
import type { TeamOverview } from './contracts/team.ts';

export interface TeamMatrixExport {
  overview: TeamOverview;
  framework: FrameworkDocument;
  /** Only this area's competences; null for all. */
  areaId: string | null;
  locale: Locale;
  exportedBy: string;
  /** YYYY-MM-DD in the municipality's time zone. */
  exportedOn: string;
}

export interface ExportFile {
  contentType: string;
  body: Buffer;
}

const words = {
  da: {
    sheetLeader: 'Leders vurdering',
    sheetTarget: 'Målniveau',
    sheetSelf: 'Selvvurdering',
    title: (unit: string) => `Teamoverblik: ${unit}`,
    exported: (date: string, name: string) => `Udtrukket ${date} af ${name}`,
    area: (name: string) => `Kompetenceområde: ${name}`,
    name: 'Navn',
    unit: 'Enhed',
    round: 'Runde',
    below: 'Under målet (antal)',
    average: 'Teamets gennemsnit',
    averageTarget: 'Gennemsnitligt målniveau',
    shareBelow: 'Andel under målet (%)',
    notRated: 'ikke vurderet',
    cannotAssess: 'kan ikke vurdere',
    leaderColumn: 'leder',
    targetColumn: 'mål',
    selfColumn: 'selv',
    legend: 'Forklaring',
    bands: {
      above: 'Over målet',
      at: 'På målet',
      one_below: 'Ét niveau under målet',
      far_below: 'To eller flere niveauer under målet',
      unrated: 'Ikke vurderet, kan ikke vurdere, eller intet mål',
    } satisfies Record<DistanceBand, string>,
    legendNote: 'Tallet i hver celle er lederens vurdering; farven viser afstanden til personens målniveau.',
  },
  en: {
    sheetLeader: 'Leader rating',
    sheetTarget: 'Target level',
    sheetSelf: 'Self-assessment',
    title: (unit: string) => `Team overview: ${unit}`,
    exported: (date: string, name: string) => `Exported on ${date} by ${name}`,
    area: (name: string) => `Competence area: ${name}`,
    name: 'Name',
    unit: 'Unit',
    round: 'Round',
    below: 'Below target (count)',
    average: 'Team average',
    averageTarget: 'Average target level',
    shareBelow: 'Share below target (%)',
    notRated: 'not rated',
    cannotAssess: 'cannot assess',
    leaderColumn: 'leader',
    targetColumn: 'target',
    selfColumn: 'self',
    legend: 'Legend',
    bands: {
      above: 'Above target',
      at: 'At target',
      one_below: 'One level below target',
      far_below: 'Two or more levels below target',
      unrated: 'Not rated, cannot assess, or no target',
    } satisfies Record<DistanceBand, string>,
    legendNote:
      "The number in each cell is the leader's rating; the colour shows the distance to the person's target.",
  },
} as const;

/** Light fills that keep black text readable (contrast above 7:1); the words in the legend carry the meaning. */
const bandFill: Record<DistanceBand, string> = {
  above: 'FFCFE8D6',
  at: 'FFE6F2E9',
  one_below: 'FFFCEBC2',
  far_below: 'FFF5C9C4',
  unrated: 'FFEEEEEE',
};

const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The columns and rows both formats share: only the competences of the chosen area, in the framework's order. */
function tableOf(input: TeamMatrixExport) {
  const { overview, framework, areaId, locale } = input;
  const areas = framework.areas.filter((area) => areaId === null || area.id === areaId);
  const competences = areas.flatMap((area) => area.competences);
  const indexOf = new Map(overview.summaries.map((summary, index) => [summary.competenceId, index]));
  const columns = competences
    .filter((competence) => indexOf.has(competence.id))
    .map((competence) => ({
      id: competence.id,
      name: competence.name[locale],
      index: indexOf.get(competence.id)!,
    }));
  const unitName = new Map(overview.units.map((unit) => [unit.id, unit.name]));
  const rows = overview.rows.map((row) => ({
    name: row.person.name,
    unit: row.unitId ? (unitName.get(row.unitId) ?? '') : '',
    round: row.round?.name ?? '',
    cells: columns.map((column) => row.cells[column.index]!),
    belowCount: columns.filter((column) => (row.cells[column.index]!.gap ?? 0) < 0).length,
  }));
  const summaries = columns.map((column) => overview.summaries[column.index]!);
  const areaName = areaId ? areas[0]?.name[locale] : undefined;
  return { columns, rows, summaries, areaName };
}

/** A level as a number for a spreadsheet, or the words for "cannot assess" and "not rated". */
const levelValue = (level: RatedLevel | undefined, locale: Locale): number | string =>
  typeof level === 'number' ? level : level === null ? words[locale].cannotAssess : words[locale].notRated;

/** The team's figures under the people: average level, average target, share below target in whole per cent. */
function teamFigures(text: (typeof words)[Locale], summaries: TeamOverview['summaries']) {
  return [
    { label: text.average, values: summaries.map((summary) => summary.average) },
    { label: text.averageTarget, values: summaries.map((summary) => summary.averageTarget) },
    {
      label: text.shareBelow,
      values: summaries.map((summary) =>
        summary.shareBelow === null ? null : Math.round(summary.shareBelow * 100),
      ),
    },
  ];
}

export async function teamMatrixXlsx(input: TeamMatrixExport): Promise<ExportFile> {
  const { overview, locale } = input;
  const text = words[locale];
  const { columns, rows, summaries, areaName } = tableOf(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vejviser';
  workbook.created = new Date(`${input.exportedOn}T12:00:00Z`);

  const addSheet = (
    name: string,
    value: (cell: (typeof rows)[number]['cells'][number]) => RatedLevel | undefined,
  ) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 5 }] });
    sheet.addRow([text.title(overview.unit.name)]).font = { bold: true, size: 14 };
    sheet.addRow([text.exported(formatDay(input.exportedOn, locale), input.exportedBy)]);
    sheet.addRow([areaName ? text.area(areaName) : '']);
    sheet.addRow([]);
    const header = sheet.addRow([text.name, text.unit, text.round, ...columns.map((column) => column.name)]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    sheet.getColumn(1).width = 26;
    sheet.getColumn(2).width = 22;
    sheet.getColumn(3).width = 26;
    columns.forEach((_, index) => {
      sheet.getColumn(4 + index).width = 16;
    });
    for (const row of rows) {
      sheet.addRow([
        row.name,
        row.unit,
        row.round,
        ...row.cells.map((cell) => levelValue(value(cell), locale)),
      ]);
    }
    return sheet;
  };

  const leader = addSheet(text.sheetLeader, (cell) => cell.leader);
  leader.getColumn(4 + columns.length).width = 14;
  leader.getRow(5).getCell(4 + columns.length).value = text.below;
  rows.forEach((row, rowIndex) => {
    const sheetRow = leader.getRow(6 + rowIndex);
    row.cells.forEach((cell, index) => {
      sheetRow.getCell(4 + index).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: bandFill[cell.band] },
      };
    });
    sheetRow.getCell(4 + columns.length).value = row.belowCount;
  });
  leader.addRow([]);
  for (const { label, values } of teamFigures(text, summaries)) {
    leader.addRow([label, '', '', ...values.map((value) => value ?? '')]).font = { bold: true };
  }
  leader.addRow([]);
  leader.addRow([text.legend]).font = { bold: true };
  for (const band of distanceBands) {
    const added = leader.addRow(['', '', '', text.bands[band]]);
    added.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bandFill[band] } };
  }
  leader.addRow([text.legendNote]);

  addSheet(text.sheetTarget, (cell) => cell.target ?? undefined);
  if (overview.includesSelf) addSheet(text.sheetSelf, (cell) => cell.self);

  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
}

/** "2,5" in Danish, "2.5" in English: a CSV cell as Excel reads it in the reader's locale. */
const decimal = (value: number, locale: Locale) =>
  locale === 'da' ? String(value).replace('.', ',') : String(value);

export function teamMatrixCsv(input: TeamMatrixExport): ExportFile {
  const { overview, locale } = input;
  const text = words[locale];
  const { columns, rows, summaries } = tableOf(input);
  const perCompetence = overview.includesSelf
    ? [text.leaderColumn, text.targetColumn, text.selfColumn]
    : [text.leaderColumn, text.targetColumn];
  const level = (value: RatedLevel | undefined) =>
    typeof value === 'number' ? decimal(value, locale) : value === null ? text.cannotAssess : '';
  const records: string[][] = [
    [
      text.name,
      text.unit,
      text.round,
      ...columns.flatMap((column) => perCompetence.map((part) => `${column.name} (${part})`)),
      text.below,
    ],
    ...rows.map((row) => [
      row.name,
      row.unit,
      row.round,
      ...row.cells.flatMap((cell) => [
        level(cell.leader),
        level(cell.target ?? undefined),
        ...(overview.includesSelf ? [level(cell.self)] : []),
      ]),
      String(row.belowCount),
    ]),
  ];
  for (const { label, values } of teamFigures(text, summaries)) {
    records.push([
      label,
      '',
      '',
      ...values.flatMap((value) => [
        value === null ? '' : decimal(value, locale),
        ...perCompetence.slice(1).map(() => ''),
      ]),
      '',
    ]);
  }
  const csv = stringify(records, { delimiter: ';', bom: true, record_delimiter: 'windows' });
  return { contentType: 'text/csv; charset=utf-8', body: Buffer.from(csv, 'utf8') };
}
