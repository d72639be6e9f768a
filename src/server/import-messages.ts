/** @module What each problem of a people import means, in Danish and English, for the dry run's list of bad rows. */
import type { ImportIssueCode } from '../domain/people-import.ts';
import type { Locale } from '../domain/text.ts';

const messages: Record<Locale, Record<ImportIssueCode, string>> = {
  da: {
    unreadable_file:
      'Filen kan ikke læses. Gem den som CSV (adskilt med semikolon eller komma) eller som Excel-projektmappe (.xlsx).',
    xls_not_supported:
      'Filen er i det gamle Excel-format (.xls). Gem den som Excel-projektmappe (.xlsx) eller som CSV.',
    csv_syntax:
      'Filen kan ikke læses omkring linje {line}: et anførselstegn er ikke lukket, eller et felt er citeret forkert.',
    empty_file: 'Filen er tom. Første række skal være kolonneoverskrifterne.',
    too_many_rows: 'Filen har mere end {maximum} rækker. Del den op.',
    missing_column:
      'Kolonnen mangler. Første række skal have kolonneoverskrifterne, som vejledningen beskriver.',
    unknown_column: 'Kolonnen kendes ikke. Fjern den, eller ret overskriften til et af de beskrevne navne.',
    duplicate_column: 'Kolonnen står der to gange.',
    too_many_cells:
      'Rækken har {found} felter, men der er kun {expected} kolonner. Står der et skilletegn i en værdi uden anførselstegn om?',
    cpr_number:
      'Feltet ser ud til at indeholde et CPR-nummer, og CPR-numre må ikke importeres. Hele rækken er afvist; nummeret er hverken vist eller gemt.',
    required: 'Skal udfyldes.',
    too_long: 'Må højst have {maximum} tegn.',
    invalid_email: 'Ikke en gyldig e-mailadresse.',
    unknown_role: 'Rollen "{value}" kendes ikke. Skriv medarbejder og/eller hr.',
    admin_role_not_imported: 'Administratorrollen gives i Vejviser af en administrator, ikke ved import.',
    invalid_active: '"{value}" kan ikke læses som aktiv eller ej. Skriv ja eller nej.',
    duplicate_external_id: 'Samme eksterne id står også i række {row}.',
    duplicate_email: 'Samme e-mailadresse står også i række {row}.',
    email_taken: 'E-mailadressen bruges allerede af en anden bruger i Vejviser.',
    unknown_unit: 'Enheden "{value}" findes hverken i filen eller i Vejviser.',
    unit_inactive: 'Enheden "{value}" er deaktiveret (eller bliver det ved denne import).',
    unit_cycle:
      'Enheden ville komme til at ligge under sig selv. Tjek den overordnede enhed her og i de rækker, den peger på.',
    unknown_person: 'Personen "{value}" findes hverken i filen eller i Vejviser.',
    leader_inactive: 'Lederen "{value}" er ikke aktiv (eller bliver deaktiveret ved denne import).',
    admin_not_deactivated:
      'Personen er administrator i Vejviser. En administrator deaktiveres af en anden administrator i Vejviser, ikke ved import.',
    unit_still_in_use:
      'Enheden "{name}" er ikke i filen og skulle deaktiveres, men der er stadig aktive medarbejdere eller underenheder i den, som filen ikke flytter.',
  },
  en: {
    unreadable_file:
      'The file cannot be read. Save it as CSV (separated by semicolons or commas) or as an Excel workbook (.xlsx).',
    xls_not_supported:
      'The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or as CSV.',
    csv_syntax:
      'The file cannot be read around line {line}: a quotation mark is not closed, or a field is quoted wrongly.',
    empty_file: 'The file is empty. The first row must be the column headers.',
    too_many_rows: 'The file has more than {maximum} rows. Split it up.',
    missing_column: 'The column is missing. The first row must have the column headers the guide describes.',
    unknown_column:
      'The column is not known. Remove it, or change the header to one of the documented names.',
    duplicate_column: 'The column appears twice.',
    too_many_cells:
      'The row has {found} fields, but there are only {expected} columns. Is there a separator in a value without quotation marks?',
    cpr_number:
      'The field seems to contain a CPR number, and CPR numbers must not be imported. The whole row is refused; the number is neither shown nor saved.',
    required: 'Must be filled in.',
    too_long: 'Must have at most {maximum} characters.',
    invalid_email: 'Not a valid e-mail address.',
    unknown_role: 'The role "{value}" is not known. Write employee and/or hr.',
    admin_role_not_imported:
      'The administrator role is given in Vejviser by an administrator, not by import.',
    invalid_active: '"{value}" cannot be read as active or not. Write yes or no.',
    duplicate_external_id: 'The same external id is also in row {row}.',
    duplicate_email: 'The same e-mail address is also in row {row}.',
    email_taken: 'The e-mail address is already used by another user of Vejviser.',
    unknown_unit: 'The unit "{value}" is neither in the file nor in Vejviser.',
    unit_inactive: 'The unit "{value}" is deactivated (or becomes so by this import).',
    unit_cycle:
      'The unit would end up below itself. Check the parent unit here and in the rows it points to.',
    unknown_person: 'The person "{value}" is neither in the file nor in Vejviser.',
    leader_inactive: 'The leader "{value}" is not active (or is deactivated by this import).',
    admin_not_deactivated:
      'The person is an administrator in Vejviser. An administrator is deactivated by another administrator in Vejviser, not by import.',
    unit_still_in_use:
      'The unit "{name}" is not in the file and would be deactivated, but it still has active people or sub-units that the file does not move.',
  },
};

export function importIssueMessage(
  locale: Locale,
  code: ImportIssueCode,
  values: Record<string, string | number> = {},
): string {
  return messages[locale][code].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
