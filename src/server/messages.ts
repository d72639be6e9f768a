/** @module Error messages in Danish and English, and how a request's language is chosen. */
import { defaultLocale, type Locale } from '../domain/text.ts';
import type { ErrorCode } from './contracts/common.ts';

type Catalog = Record<ErrorCode, string>;

const da: Catalog = {
  bad_request: 'Forespørgslen kunne ikke læses. Tjek, at den er gyldig JSON.',
  validation_failed: 'Nogle af oplysningerne er ikke udfyldt korrekt.',
  unauthenticated: 'Du er ikke logget ind, eller din session er udløbet. Log ind igen.',
  invalid_credentials: 'E-mail eller adgangskode er forkert.',
  forbidden: 'Du har ikke adgang til denne side eller handling.',
  csrf_failed: 'Sikkerhedstjekket mislykkedes. Genindlæs siden, og prøv igen.',
  not_found: 'Vi kunne ikke finde det, du leder efter.',
  conflict: 'Oplysningerne er ændret af en anden i mellemtiden. Hent dem igen, før du gemmer.',
  payload_too_large: 'Forespørgslen er for stor.',
  unsupported_media_type: 'Forespørgslen skal sendes som JSON (Content-Type: application/json).',
  too_many_attempts: 'For mange forsøg på at logge ind. Vent {minutes} minutter, og prøv igen.',
  wrong_password: 'Din nuværende adgangskode er forkert.',
  weak_password: 'Den nye adgangskode skal have mindst 10 tegn og må ikke være den samme som den gamle.',
  incomplete_assessment: 'Vælg et niveau eller "Kan ikke vurdere" ved alle kompetencer, før du indsender.',
  not_editable: 'Vurderingen er indsendt og kan ikke ændres. Din leder kan genåbne den.',
  round_closed: 'Profileringsrunden er lukket.',
  invalid_round: 'Runden kan ikke oprettes sådan. Se beskeden ved felterne.',
  invalid_conversation: 'Det kan ikke gemmes sådan. Se beskeden ved felterne.',
  conversation_signed:
    'Samtalen er underskrevet af jer begge og kan ikke ændres. Skriv et tillæg, hvis der er noget at tilføje.',
  conversation_not_started:
    'Samtalen er ikke startet endnu. Noter og udviklingsplan skrives, når lederen har startet samtalen.',
  conversation_not_signed: 'Tillæg kan først skrives, når I begge har underskrevet.',
  conversation_held: 'Samtalen er startet, så tid og sted kan ikke længere ændres.',
  invalid_person: 'Brugeren kan ikke gemmes sådan. Se beskeden ved felterne.',
  invalid_unit: 'Enheden kan ikke gemmes sådan. Se beskeden ved felterne.',
  file_too_large: 'Filen er for stor. En importfil må højst fylde {megabytes} MB.',
  import_has_errors:
    'Importen har fejl i nogle rækker, så intet er ændret. Ret filen, og lav en prøvekørsel igen.',
  import_outdated:
    'Brugere eller enheder er ændret siden prøvekørslen, så importen ville nu gøre noget andet. Lav prøvekørslen igen.',
  internal_error:
    'Der opstod en uventet fejl. Prøv igen om lidt. Fortsætter fejlen, så kontakt din administrator.',
};

const en: Catalog = {
  bad_request: 'The request could not be read. Check that it is valid JSON.',
  validation_failed: 'Some of the information is not filled in correctly.',
  unauthenticated: 'You are not logged in, or your session has expired. Please log in again.',
  invalid_credentials: 'The e-mail or password is wrong.',
  forbidden: 'You do not have access to this page or action.',
  csrf_failed: 'The security check failed. Reload the page and try again.',
  not_found: 'We could not find what you are looking for.',
  conflict: 'Someone else changed this in the meantime. Load it again before you save.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'The request must be sent as JSON (Content-Type: application/json).',
  too_many_attempts: 'Too many login attempts. Wait {minutes} minutes and try again.',
  wrong_password: 'Your current password is wrong.',
  weak_password: 'The new password must have at least 10 characters and must differ from the old one.',
  incomplete_assessment: 'Choose a level or "Cannot assess" for every competence before you submit.',
  not_editable: 'The assessment has been submitted and cannot be changed. Your leader can reopen it.',
  round_closed: 'The profiling round is closed.',
  invalid_round: 'The round cannot be created like this. See the messages by the fields.',
  invalid_conversation: 'This cannot be saved like this. See the messages by the fields.',
  conversation_signed:
    'You have both signed the conversation, so it cannot be changed. Write an addendum if there is something to add.',
  conversation_not_started:
    'The conversation has not started yet. Notes and the development plan are written once the leader starts it.',
  conversation_not_signed: 'Addenda can be written once you have both signed.',
  conversation_held: 'The conversation has started, so its time and place can no longer be changed.',
  invalid_person: 'The user cannot be saved like this. See the messages by the fields.',
  invalid_unit: 'The unit cannot be saved like this. See the messages by the fields.',
  file_too_large: 'The file is too large. An import file may be at most {megabytes} MB.',
  import_has_errors:
    'Some rows of the import have errors, so nothing was changed. Correct the file and do a dry run again.',
  import_outdated:
    'Users or units have changed since the dry run, so the import would now do something else. Do the dry run again.',
  internal_error:
    'Something unexpected went wrong. Try again shortly. If it keeps happening, contact your administrator.',
};

const catalogs: Record<Locale, Catalog> = { da, en };

export function message(
  locale: Locale,
  code: ErrorCode,
  values: Record<string, string | number> = {},
): string {
  return catalogs[locale][code].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const fieldMessages: Record<Locale, Record<string, string>> = {
  da: {
    required: 'Skal udfyldes.',
    invalid_email: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
    too_short: 'Skal have mindst {minimum} tegn.',
    too_long: 'Må højst have {maximum} tegn.',
    unrecognized: 'Feltet kendes ikke og må ikke sendes med.',
    invalid: 'Værdien er ikke gyldig.',
    deadline_past: 'Fristen skal være i dag eller senere.',
    no_participants: 'Vælg mindst én enhed eller person, der har medarbejdere.',
    unit_not_led: 'Du kan kun vælge enheder, du er leder for.',
    person_not_visible: 'Du kan kun vælge personer i de enheder, du er leder for.',
    framework_not_published: 'Vælg en udgivet version af kompetencerammen.',
    role_profile_unknown:
      'Rolleprofilen hører ikke til den valgte kompetenceramme, eller personen er ikke med i runden.',
    no_role_profile: 'Kompetencerammen har ingen rolleprofiler. Opret en rolleprofil først.',
    unknown_competence: 'Kompetencen findes ikke i rundens kompetenceramme.',
    level_off_scale: 'Niveauet ligger uden for skalaen.',
    rating_missing: 'Vælg et niveau eller "Kan ikke vurdere".',
    employee_not_led: 'Du kan kun planlægge samtaler med medarbejdere i de enheder, du er leder for.',
    follow_up_unknown:
      'Den samtale, der skal følges op på, findes ikke eller handler om en anden medarbejder.',
    scheduled_past: 'Tidspunktet skal ligge i fremtiden.',
    owner_not_party: 'Den ansvarlige skal være medarbejderen eller en af medarbejderens ledere.',
    colleague_required: 'Vælg den kollega, medarbejderen skal lære af.',
    colleague_not_allowed: 'Kun handlinger af typen "Lær af en kollega" har en kollega.',
    colleague_not_in_unit: 'Kollegaen skal være en anden medarbejder i samme enhed.',
    reason_required: 'Skriv kort, hvorfor det opgives.',
    custom_title_required: 'Giv dit eget punkt en overskrift.',
    unknown_question: 'Spørgsmålet findes ikke i spørgsmålsbanken for kompetencen.',
    unknown_goal: 'Målet findes ikke i medarbejderens udviklingsplan.',
    theme_required: 'Vælg et af MUS-temaerne.',
    duplicate_item: 'Punktet står allerede på dagsordenen.',
    period_reversed: 'Slutdatoen skal være samme dag som startdatoen eller senere.',
    email_taken: 'E-mailadressen bruges allerede af en anden bruger i Vejviser.',
    external_id_taken: 'Det eksterne id bruges allerede af en anden i kommunen.',
    roles_required: 'Vælg mindst én rolle.',
    unit_unknown: 'Enheden findes ikke i kommunen.',
    unit_inactive: 'Enheden er deaktiveret. Vælg en aktiv enhed, eller genaktiver den først.',
    unit_cycle: 'En enhed kan ikke ligge under sig selv eller under en af sine egne underenheder.',
    role_profile_key_unknown: 'Rolleprofilen findes ikke i kommunen.',
    self_deactivation: 'Du kan ikke deaktivere dig selv. Bed en anden administrator om det.',
    self_admin_role: 'Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.',
    last_admin: 'Kommunen skal have mindst én aktiv administrator. Giv først en anden administratorrollen.',
    unit_has_people: 'Enheden har stadig aktive medarbejdere. Flyt eller deaktiver dem først.',
    unit_has_subunits: 'Enheden har aktive underenheder. Flyt eller deaktiver dem først.',
    unit_has_history:
      'Der har været medarbejdere i enheden, så den kan ikke slettes. Deaktiver den i stedet, så historikken bevares.',
    unit_has_children: 'Enheden har underenheder og kan derfor ikke slettes.',
    leader_not_eligible: 'En leder skal være en aktiv bruger i kommunen.',
    import_file_required: 'Vælg en fil med enheder, en fil med medarbejdere eller begge.',
  },
  en: {
    required: 'Must be filled in.',
    invalid_email: 'Enter a valid e-mail address, e.g. name@municipality.dk.',
    too_short: 'Must have at least {minimum} characters.',
    too_long: 'Must have at most {maximum} characters.',
    unrecognized: 'This field is not known and must not be sent.',
    invalid: 'The value is not valid.',
    deadline_past: 'The deadline must be today or later.',
    no_participants: 'Choose at least one unit or person with employees.',
    unit_not_led: 'You can only choose units you lead.',
    person_not_visible: 'You can only choose people in the units you lead.',
    framework_not_published: 'Choose a published version of the competence framework.',
    role_profile_unknown:
      'The role profile does not belong to the chosen framework, or the person is not in the round.',
    no_role_profile: 'The competence framework has no role profiles. Create a role profile first.',
    unknown_competence: 'The competence is not in the round’s framework.',
    level_off_scale: 'The level is outside the scale.',
    rating_missing: 'Choose a level or "Cannot assess".',
    employee_not_led: 'You can only schedule conversations with employees in the units you lead.',
    follow_up_unknown: 'The conversation to follow up does not exist or is about another employee.',
    scheduled_past: 'The time must be in the future.',
    owner_not_party: "The owner must be the employee or one of the employee's leaders.",
    colleague_required: 'Choose the colleague the employee will learn from.',
    colleague_not_allowed: 'Only actions of the kind "Learn from a colleague" have a colleague.',
    colleague_not_in_unit: 'The colleague must be another employee in the same unit.',
    reason_required: 'Write briefly why it is dropped.',
    custom_title_required: 'Give your own item a title.',
    unknown_question: "The question is not in the competence's question bank.",
    unknown_goal: "The goal is not in the employee's development plan.",
    theme_required: 'Choose one of the MUS themes.',
    duplicate_item: 'The item is already on the agenda.',
    period_reversed: 'The end date must be the same day as the start date or later.',
    email_taken: 'The e-mail address is already used by another user of Vejviser.',
    external_id_taken: 'The external id is already used by someone else in the municipality.',
    roles_required: 'Choose at least one role.',
    unit_unknown: 'The unit does not exist in the municipality.',
    unit_inactive: 'The unit is deactivated. Choose an active unit, or reactivate it first.',
    unit_cycle: 'A unit cannot sit below itself or below one of its own sub-units.',
    role_profile_key_unknown: 'The role profile does not exist in the municipality.',
    self_deactivation: 'You cannot deactivate yourself. Ask another administrator.',
    self_admin_role: 'You cannot take away your own administrator role. Ask another administrator.',
    last_admin:
      'The municipality must keep at least one active administrator. Give someone else the role first.',
    unit_has_people: 'The unit still has active people. Move or deactivate them first.',
    unit_has_subunits: 'The unit has active sub-units. Move or deactivate them first.',
    unit_has_history:
      'People have been placed in the unit, so it cannot be deleted. Deactivate it instead, so its history is kept.',
    unit_has_children: 'The unit has sub-units, so it cannot be deleted.',
    leader_not_eligible: 'A leader must be an active user of the municipality.',
    import_file_required: 'Choose a file of units, a file of people, or both.',
  },
};

export function fieldMessage(
  locale: Locale,
  kind: string,
  values: Record<string, string | number> = {},
): string {
  const template = fieldMessages[locale][kind] ?? fieldMessages[locale].invalid!;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The first of `da`/`en` named in an Accept-Language header, honouring q-values; undefined when neither is. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'da' || primary === 'en') return primary;
    if (primary === 'nb' || primary === 'nn' || primary === 'no' || primary === 'sv') return 'da';
  }
  return undefined;
}

export { defaultLocale };
