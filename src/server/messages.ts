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
  draft_exists:
    'Kompetencerammen har allerede en kladde. Arbejd videre i den, eller slet den, før du opretter en ny.',
  framework_invalid: 'Kompetencerammen kan ikke gemmes eller udgives sådan. Se beskeden ved felterne.',
  framework_published: 'Versionen er udgivet og kan ikke ændres. Opret en ny kladde ud fra den i stedet.',
  role_profile_invalid: 'Rolleprofilen kan ikke gemmes sådan. Se beskeden ved felterne.',
  citizen_personal_data:
    'Teksten ser ud til at indeholde et CPR-nummer. Praksisloggen må aldrig indeholde borgerens personoplysninger. Fjern nummeret, og gem igen.',
  invalid_practice_entry: 'Registreringen kan ikke gemmes sådan. Se beskeden ved felterne.',
  invalid_pairing: 'Makkerparret kan ikke oprettes sådan. Se beskeden ved felterne.',
  pairing_closed: 'Makkerparret er allerede afsluttet eller annulleret.',
  group_conversation_closed:
    'Gruppesamtalen er afsluttet og kan ikke ændres. Skriv et tillæg, hvis der er noget at tilføje.',
  group_conversation_not_closed: 'Tillæg kan først skrives, når lederen har afsluttet gruppesamtalen.',
  invalid_token: 'API-nøglen er ugyldig eller tilbagekaldt.',
  token_not_allowed: 'API-nøglen giver ikke adgang til denne handling.',
  password_login_disabled:
    '{municipality} logger ind med fælles login. Brug knappen "Log ind med {municipality}" på {loginPath}.',
  invalid_sso_settings: 'Indstillingerne for fælles login kan ikke gemmes sådan. Se beskeden ved felterne.',
  sso_set_by_environment:
    'Fælles login er sat op med serverens miljøvariabler (SSO_*) og kan kun ændres dér. Kontakt driften.',
  invalid_theme_day: 'Temadagen kan ikke gemmes sådan. Se beskeden ved felterne.',
  theme_day_not_held: 'Opfølgningsopgaver gives efter temadagen. Vent til dagen er afholdt.',
  internal_error:
    'Der opstod en uventet fejl. Prøv igen om lidt. Fortsætter fejlen, så kontakt din administrator.',
  invalid_position: 'Stillingen kan ikke gemmes sådan. Se beskeden ved felterne.',
  position_locked:
    'Samtalerne er begyndt, så stillingens opsætning og samtaleguide ligger fast: alle kandidater skal møde de samme spørgsmål.',
  position_transition: 'Stillingen kan ikke gå fra „{from}“ til „{to}“.',
  position_stage: 'Det kan ikke gøres, mens stillingen har status „{status}“.',
  score_submitted:
    'Du har indsendt din bedømmelse, og den kan ikke ændres. Brug den samlede vurdering, hvis panelet ændrer mening.',
  incomplete_score:
    'Vælg et niveau og skriv en kort begrundelse ved alle fokuskompetencer, før du indsender.',
  panel_not_done: 'Hele panelet skal have indsendt sin bedømmelse, før I samler en fælles vurdering.',
  invalid_consolidation: 'Den samlede vurdering kan ikke gemmes sådan. Se beskeden ved kompetencerne.',
  self_assessment_submitted:
    'Kandidaten har allerede sendt sin selvevaluering, så der skal ikke sendes et nyt link.',
  candidate_not_chosen: 'Kun den kandidat, der er valgt i beslutningen, kan ansættes.',
  already_hired: 'Kandidaten er allerede ansat.',
  invalid_hire: 'Ansættelsen kan ikke gennemføres sådan. Se beskeden ved felterne.',
  candidate_link_invalid:
    'Linket virker ikke. Tjek, at du har åbnet hele linket fra e-mailen. Virker det stadig ikke, så kontakt den, der sendte det.',
  candidate_link_expired:
    'Linket udløb {date}. Kontakt den, der sendte det, hvis du stadig vil sende din selvevaluering.',
  candidate_link_used: 'Linket er brugt: din selvevaluering blev sendt {date}. Tak for den.',
  too_many_requests: 'For mange forsøg fra din forbindelse. Vent {minutes} minutter, og prøv igen.',
  candidate_link_closed:
    'Ansættelsesforløbet er afsluttet, så linket virker ikke længere. Tak for din interesse.',
  person_active:
    'Personen er stadig aktiv. Deaktiver personen først, hvis vedkommende er stoppet. Data om aktive medarbejdere slettes ikke.',
  erasure_of_self: 'Du kan ikke slette eller anonymisere dig selv. Det skal en anden administrator gøre.',
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
  draft_exists:
    'The competence framework already has a draft. Continue working in it, or delete it before you create a new one.',
  framework_invalid:
    'The competence framework cannot be saved or published like this. See the messages by the fields.',
  framework_published: 'The version is published and cannot change. Create a new draft from it instead.',
  role_profile_invalid: 'The role profile cannot be saved like this. See the messages by the fields.',
  citizen_personal_data:
    'The text seems to contain a CPR number. The practice log must never hold a citizen’s personal data. Remove the number and save again.',
  invalid_practice_entry: 'The entry cannot be saved like this. See the messages by the fields.',
  invalid_pairing: 'The pairing cannot be made like this. See the messages by the fields.',
  pairing_closed: 'The pairing has already been completed or cancelled.',
  group_conversation_closed:
    'The group conversation has been closed and cannot be changed. Write an addendum if there is something to add.',
  group_conversation_not_closed: 'Addenda can be written once the leader has closed the group conversation.',
  invalid_token: 'The API token is not valid, or it has been revoked.',
  token_not_allowed: 'The API token does not give access to this action.',
  password_login_disabled:
    '{municipality} logs in with single sign-on. Use the button "Log in with {municipality}" at {loginPath}.',
  invalid_sso_settings:
    'The single sign-on settings cannot be saved like this. See the messages by the fields.',
  sso_set_by_environment:
    "Single sign-on is set up in the server's environment variables (SSO_*) and can only be changed there. Contact operations.",
  invalid_theme_day: 'The theme day cannot be saved like this. See the messages by the fields.',
  theme_day_not_held: 'Follow-up tasks are given after the theme day. Wait until the day has been held.',
  internal_error:
    'Something unexpected went wrong. Try again shortly. If it keeps happening, contact your administrator.',
  invalid_position: 'The position cannot be saved like this. See the messages by the fields.',
  position_locked:
    'The interviews have begun, so the set-up and the interview guide are fixed: every candidate must meet the same questions.',
  position_transition: 'The position cannot go from “{from}” to “{to}”.',
  position_stage: 'This cannot be done while the position is “{status}”.',
  score_submitted:
    'You have submitted your scores, and they cannot be changed. Use the consolidated score if the panel changes its mind.',
  incomplete_score:
    'Choose a level and write a short justification for every focus competence before you submit.',
  panel_not_done: 'The whole panel must submit its scores before you agree a consolidated score.',
  invalid_consolidation:
    'The consolidated score cannot be saved like this. See the messages by the competences.',
  self_assessment_submitted:
    'The candidate has already sent their self-assessment, so no new link is needed.',
  candidate_not_chosen: 'Only the candidate chosen in the decision can be hired.',
  already_hired: 'The candidate has already been hired.',
  invalid_hire: 'The hire cannot be completed like this. See the messages by the fields.',
  candidate_link_invalid:
    'The link does not work. Check that you opened the whole link from the e-mail. If it still does not work, contact the person who sent it.',
  candidate_link_expired:
    'The link expired on {date}. Contact the person who sent it if you still want to send your self-assessment.',
  candidate_link_used: 'The link has been used: your self-assessment was sent on {date}. Thank you.',
  too_many_requests: 'Too many attempts from your connection. Wait {minutes} minutes and try again.',
  candidate_link_closed:
    'The recruitment has ended, so the link no longer works. Thank you for your interest.',
  person_active:
    'This person is still active. Deactivate them first if they have left. Data about active employees is not erased.',
  erasure_of_self: 'You cannot erase or anonymise yourself. Another administrator must do it.',
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
      'Den samtale, der skal følges op på, findes ikke, handler om en anden medarbejder, eller medarbejderen var ikke med i gruppesamtalen.',
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
    external_id_taken: 'Det eksterne id bruges allerede af en anden i kommunen.',
    roles_required: 'Vælg mindst én rolle.',
    unit_inactive: 'Enheden er deaktiveret. Vælg en aktiv enhed, eller genaktiver den først.',
    person_anonymised: 'Personen er anonymiseret og kan ikke aktiveres igen. Opret en ny bruger i stedet.',
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
    duplicate_id: 'Id’et bruges allerede af et andet område eller en anden kompetence.',
    levels_mismatch: 'Kompetencen skal have en beskrivelse for hvert niveau på skalaen.',
    key_changed: 'Kompetencerammens nøgle kan ikke ændres.',
    scale_length_changed: 'Skalaen skal have det samme antal niveauer som de tidligere versioner.',
    id_changed_kind:
      'Id’et er brugt til et område i en tidligere version og kan ikke bruges til en kompetence, eller omvendt.',
    unchanged: 'Kladden er magen til den nyeste udgivne version. Ret noget, før du udgiver.',
    target_missing: 'Vælg et målniveau for kompetencen.',
    key_taken: 'Nøglen bruges allerede af en anden rolleprofil på samme version.',
    framework_version_unknown: 'Vælg en udgivet version af kompetencerammen.',
    cpr_number:
      'Feltet ser ud til at indeholde et CPR-nummer. Skriv aldrig borgerens CPR-nummer, navn eller andre personoplysninger.',
    occurred_in_future: 'Datoen kan ikke ligge efter i dag.',
    unknown_framework_competence: 'Kompetencen findes ikke i kompetencerammen.',
    goal_not_own_open: 'Målet skal være et af dine egne åbne mål.',
    theme_day_task_not_own: 'Opgaven skal være en af dine egne opgaver fra en temadag.',
    learner_not_led: 'Du kan kun danne makkerpar for medarbejdere i de enheder, du er leder for.',
    helper_not_in_unit: 'Kollegaen skal være en anden aktiv medarbejder i samme enhed.',
    due_date_past: 'Datoen skal være i dag eller senere.',
    pairing_exists: 'De to er allerede makkere om denne kompetence.',
    kind_not_here: 'Den slags punkt hører ikke til denne samtale.',
    group_unit_not_led: 'Vælg en enhed, du er leder for.',
    participant_not_in_unit:
      'Deltageren skal være en aktiv medarbejder i enheden eller en enhed under den, og ikke dens leder.',
    too_few_participants: 'Vælg mindst to deltagere. Med én medarbejder holder du en almindelig samtale.',
    owner_not_in_group: 'Den ansvarlige skal være en af deltagerne eller en leder af enheden.',
    colleague_not_participant: 'Kollegaen skal være en af deltagerne.',
    issuer_not_https:
      'Skriv udbyderens adresse med https://, fx https://login.microsoftonline.com/<tenant-id>/v2.0.',
    issuer_unreachable:
      'Vejviser kunne ikke læse udbyderens oplysninger på <adresse>/.well-known/openid-configuration. Tjek adressen.',
    client_secret_required: 'Skriv klienthemmeligheden (client secret) fra udbyderen.',
    default_unit_required: 'Vælg den enhed, nye personer oprettes i.',
    unit_unknown: 'Enheden findes ikke.',
    sso_required_for_password_off: 'Adgangskoder kan kun slås fra, når fælles login er slået til.',
    focus_count: 'Vælg mellem {minimum} og {maximum} fokuskompetencer.',
    unit_not_allowed: 'Du kan kun vælge enheder, du er leder for.',
    person_not_active: 'Personen findes ikke eller er ikke aktiv i kommunen.',
    duplicate_question: 'Spørgsmålet står allerede i guiden.',
    not_in_focus: 'Kompetencen er ikke en af stillingens fokuskompetencer.',
    own_text_required: 'Skriv spørgsmålet.',
    competence_without_question: 'Kompetencen skal have mindst ét spørgsmål i guiden.',
    level_required: 'Vælg et niveau.',
    justification_required: 'Skriv en kort begrundelse.',
    consolidation_missing: 'Vælg det niveau, panelet er enigt om.',
    consolidation_note_required:
      'Skriv kort, hvad I lagde vægt på: panelet var mere end ét niveau uenigt, eller niveauet ligger uden for panelets bedømmelser.',
    candidate_unknown: 'Kandidaten hører ikke til stillingen.',
    candidate_not_consolidated:
      'Panelet skal have samlet en vurdering af kandidaten på alle fokuskompetencer først.',
    email_taken: 'Der findes allerede en bruger med den e-mailadresse.',
    competence_not_rated: 'Vælg et niveau eller "Kan ikke vurdere".',
    role_profile_missing: 'Rolleprofilen findes ikke. Vælg en af kommunens rolleprofiler.',
    number_too_small: 'Skal være mindst {minimum}.',
    whole_number: 'Skriv et helt tal.',
    number_too_big: 'Må højst være {maximum}.',
    unknown_focus_competence: 'Kompetencen findes ikke i kompetencerammen.',
    duplicate_competence: 'Kompetencen er valgt to gange.',
    theme_day_participant_not_in_unit:
      'Deltagerne skal være medarbejdere i enheden eller enhederne under den.',
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
    follow_up_unknown:
      'The conversation to follow up does not exist, is about another employee, or the employee did not take part in the group conversation.',
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
    external_id_taken: 'The external id is already used by someone else in the municipality.',
    roles_required: 'Choose at least one role.',
    unit_inactive: 'The unit is deactivated. Choose an active unit, or reactivate it first.',
    person_anonymised: 'This person is anonymised and cannot be reactivated. Create a new user instead.',
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
    duplicate_id: 'The id is already used by another area or competence.',
    levels_mismatch: 'The competence needs a description for every level of the scale.',
    key_changed: "The competence framework's key cannot change.",
    scale_length_changed: 'The scale must keep the number of levels of the earlier versions.',
    id_changed_kind:
      'The id was used for an area in an earlier version and cannot be used for a competence, or the other way round.',
    unchanged: 'The draft is the same as the newest published version. Change something before you publish.',
    target_missing: 'Choose a target level for the competence.',
    key_taken: 'The key is already used by another role profile on the same version.',
    framework_version_unknown: 'Choose a published version of the competence framework.',
    cpr_number:
      'The field seems to contain a CPR number. Never write a citizen’s CPR number, name or other personal data.',
    occurred_in_future: 'The date cannot be later than today.',
    unknown_framework_competence: 'The competence is not in the competence framework.',
    goal_not_own_open: 'The goal must be one of your own open goals.',
    theme_day_task_not_own: 'The task must be one of your own tasks from a theme day.',
    learner_not_led: 'You can only pair employees in the units you lead.',
    helper_not_in_unit: 'The colleague must be another active employee in the same unit.',
    due_date_past: 'The date must be today or later.',
    pairing_exists: 'The two are already paired for this competence.',
    kind_not_here: 'This kind of item does not belong in this conversation.',
    group_unit_not_led: 'Choose a unit you lead.',
    participant_not_in_unit:
      'A participant must be an active employee of the unit or a unit below it, and not its leader.',
    too_few_participants:
      'Choose at least two participants. With one employee, hold an ordinary conversation.',
    owner_not_in_group: 'The owner must be one of the participants or a leader of the unit.',
    colleague_not_participant: 'The colleague must be one of the participants.',
    issuer_not_https:
      'Enter the provider’s address with https://, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.',
    issuer_unreachable:
      'Vejviser could not read the provider’s details at <address>/.well-known/openid-configuration. Check the address.',
    client_secret_required: 'Enter the client secret from the provider.',
    default_unit_required: 'Choose the unit new people are created in.',
    unit_unknown: 'The unit does not exist.',
    sso_required_for_password_off: 'Passwords can only be switched off while single sign-on is switched on.',
    focus_count: 'Choose between {minimum} and {maximum} focus competences.',
    unit_not_allowed: 'You can only choose units you lead.',
    person_not_active: 'The person does not exist or is not active in the municipality.',
    duplicate_question: 'The question is already in the guide.',
    not_in_focus: 'The competence is not one of the focus competences of the position.',
    own_text_required: 'Write the question.',
    competence_without_question: 'The competence needs at least one question in the guide.',
    level_required: 'Choose a level.',
    justification_required: 'Write a short justification.',
    consolidation_missing: 'Choose the level the panel agrees on.',
    consolidation_note_required:
      'Write briefly what you gave weight to: the panel was more than one level apart, or the level lies outside the panel’s scores.',
    candidate_unknown: 'The candidate does not belong to the position.',
    candidate_not_consolidated: 'The panel must agree a consolidated score on every focus competence first.',
    email_taken: 'A user with this e-mail address already exists.',
    competence_not_rated: 'Choose a level or "Cannot assess".',
    role_profile_missing: 'The role profile does not exist. Choose one of the municipality’s role profiles.',
    number_too_small: 'Must be at least {minimum}.',
    whole_number: 'Enter a whole number.',
    number_too_big: 'Must be at most {maximum}.',
    unknown_focus_competence: 'The competence is not in the competence framework.',
    duplicate_competence: 'The competence is chosen twice.',
    theme_day_participant_not_in_unit: 'Participants must be employees of the unit or the units below it.',
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
