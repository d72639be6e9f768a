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
  invalid_theme_day: 'Temadagen kan ikke gemmes sådan. Se beskeden ved felterne.',
  theme_day_not_held: 'Opfølgningsopgaver gives efter temadagen. Vent til dagen er afholdt.',
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
  invalid_theme_day: 'The theme day cannot be saved like this. See the messages by the fields.',
  theme_day_not_held: 'Follow-up tasks are given after the theme day. Wait until the day has been held.',
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
    number_too_small: 'Skal være mindst {minimum}.',
    whole_number: 'Skriv et helt tal.',
    number_too_big: 'Må højst være {maximum}.',
    unknown_focus_competence: 'Kompetencen findes ikke i kompetencerammen.',
    duplicate_competence: 'Kompetencen er valgt to gange.',
    participant_not_in_unit: 'Deltagerne skal være medarbejdere i enheden eller enhederne under den.',
    duplicate_participant: 'Personen står der allerede.',
    unknown_exercise: 'Øvelsen findes ikke i øvelsesbanken.',
    agenda_past_midnight:
      'Dagsordenen skal slutte inden midnat. Gør punkterne kortere, eller start tidligere.',
    date_past: 'Datoen skal være i dag eller senere.',
    task_not_participant: 'Opgaven kan kun gives til dagens deltagere.',
    due_before_day: 'Fristen skal ligge på temadagen eller senere.',
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
    number_too_small: 'Must be at least {minimum}.',
    whole_number: 'Enter a whole number.',
    number_too_big: 'Must be at most {maximum}.',
    unknown_focus_competence: 'The competence is not in the competence framework.',
    duplicate_competence: 'The competence is chosen twice.',
    participant_not_in_unit: 'Participants must be employees of the unit or the units below it.',
    duplicate_participant: 'The person is already listed.',
    unknown_exercise: 'The exercise is not in the exercise bank.',
    agenda_past_midnight: 'The agenda must end before midnight. Shorten the items or start earlier.',
    date_past: 'The date must be today or later.',
    task_not_participant: 'Tasks can only be given to the day’s participants.',
    due_before_day: 'The due date must be on the theme day or later.',
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
