/**
 * @module The readable PDF of a person's data download (decision 028): the same content as the JSON, in sections a
 * person can read through, in Danish or English.
 */
import type { PersonalDataDocument } from '../contracts/personal-data.ts';
import { createPdf, ink, muted } from './document.ts';

export interface PersonalDataPdfInput {
  document: PersonalDataDocument;
  locale: 'da' | 'en';
  timeZone: string;
}

const labels = {
  da: {
    title: 'Dine data i Vejviser',
    intro:
      'Her er alt, hvad Vejviser gemmer om dig: dine oplysninger, dine vurderinger, samtaler, udviklingsplan, praksislog, læring fra kolleger, temadage og hvornår andre har slået dine oplysninger op. Den samme udskrift findes som JSON-fil til brug i andre programmer.',
    generated: 'Dannet',
    none: 'Ingen.',
    account: 'Om dig',
    name: 'Navn',
    email: 'E-mail',
    jobTitle: 'Stilling',
    unit: 'Enhed',
    roles: 'Roller',
    language: 'Sprog',
    externalId: 'Medarbejdernummer',
    roleProfile: 'Rolleprofil',
    active: 'Aktiv',
    yes: 'Ja',
    no: 'Nej',
    created: 'Oprettet',
    leaderOf: 'Leder for',
    since: 'siden',
    rounds: 'Profileringsrunder',
    deadline: 'Frist',
    self: 'Din vurdering',
    leader: 'Lederens vurdering',
    selfShort: 'Selv',
    leaderShort: 'Leder',
    roleNames: { employee: 'Medarbejder', hr: 'HR', admin: 'Administrator' } as Record<string, string>,
    languages: { da: 'Dansk', en: 'Engelsk' } as Record<string, string>,
    target: 'Mål',
    leaderHidden: 'Din leder har vurderet dig. Du ser vurderingen, når du har sendt din egen.',
    draft: 'kladde',
    submitted: 'indsendt',
    cannotAssess: 'kan ikke vurdere',
    comment: 'Kommentar',
    example: 'Eksempel',
    reopened: 'Genåbnet',
    conversations: 'Samtaler',
    kinds: {
      profiling: 'Profileringssamtale',
      mus: 'MUS',
      follow_up: 'Opfølgningssamtale',
      group: 'Gruppe-MUS',
    } as Record<string, string>,
    with: 'Leder',
    when: 'Tidspunkt',
    place: 'Sted',
    held: 'Holdt',
    signed: 'Underskrevet af begge',
    notYet: 'Ikke endnu',
    nextFollowUp: 'Næste opfølgning',
    agenda: 'Dagsorden',
    ownPreparation: 'Din forberedelse',
    sharedPreparation: 'Delt forberedelse fra',
    notes: 'Noter fra',
    signatures: 'Underskrifter',
    addenda: 'Tillæg fra',
    plan: 'Udviklingsplan',
    teamGoal: 'Teammål',
    why: 'Hvorfor',
    success: 'Succeskriterium',
    targetDate: 'Måldato',
    competences: 'Kompetencer',
    status: 'Status',
    actions: 'Handling',
    owner: 'Ansvarlig',
    due: 'Frist',
    statuses: {
      not_started: 'Ikke startet',
      in_progress: 'I gang',
      done: 'Gennemført',
      dropped: 'Opgivet',
      open: 'Åben',
      cancelled: 'Aflyst',
    } as Record<string, string>,
    statusChange: 'Status ændret',
    practice: 'Praksislog',
    channels: { counter: 'Skranke', phone: 'Telefon', digital: 'Digitalt/online', video: 'Video' } as Record<
      string,
      string
    >,
    helpLevels: {
      self_service: 'Selvbetjening',
      co_service: 'Medbetjening',
      full_service: 'Fuld betjening',
    } as Record<string, string>,
    whatWorked: 'Det virkede',
    tryNext: 'Prøv næste gang',
    shared: 'Delt med din leder',
    talkingPoint: 'Tages op i næste samtale',
    pairings: 'Læring fra kolleger',
    learnsFrom: 'Du lærer af',
    helps: 'Du hjælper',
    note: 'Note',
    themeDays: 'Temadage',
    task: 'Din opgave efter dagen',
    doneAt: 'Udført',
    recruitment: 'Ansættelse og rekruttering',
    baseline: 'Udgangspunkt fra ansættelsessamtalen',
    hiredFrom: 'Ansat i stillingen',
    panel: 'Med i ansættelsesudvalget for',
    emails: 'E-mails til dig',
    sent: 'sendt',
    notSent: 'ikke sendt',
    lookups: 'Opslag i dine oplysninger',
    lookupsIntro: 'Hvornår og med hvilket formål andre har læst, eksporteret eller ændret dine oplysninger.',
    purposes: {
      personnel_management: 'Personaleledelse',
      development_conversation: 'Udviklingssamtale og udviklingsplan',
      team_development: 'Fælles læring i teamet',
      recruitment: 'Rekruttering',
      export: 'Eksport af data',
      retention: 'Sletning efter opbevaringsperiode',
      administration: 'Administration',
      data_rights: 'Den registreredes rettigheder',
    } as Record<string, string>,
  },
  en: {
    title: 'Your data in Vejviser',
    intro:
      'This is everything Vejviser keeps about you: your details, your assessments, conversations, development plan, practice log, learning from colleagues, theme days, and when others looked up your data. The same content is available as a JSON file for use in other programs.',
    generated: 'Created',
    none: 'None.',
    account: 'About you',
    name: 'Name',
    email: 'Email',
    jobTitle: 'Job title',
    unit: 'Unit',
    roles: 'Roles',
    language: 'Language',
    externalId: 'Employee number',
    roleProfile: 'Role profile',
    active: 'Active',
    yes: 'Yes',
    no: 'No',
    created: 'Created',
    leaderOf: 'Leader of',
    since: 'since',
    rounds: 'Profiling rounds',
    deadline: 'Deadline',
    self: 'Your rating',
    leader: 'Leader’s rating',
    selfShort: 'Self',
    leaderShort: 'Leader',
    roleNames: { employee: 'Employee', hr: 'HR', admin: 'Administrator' } as Record<string, string>,
    languages: { da: 'Danish', en: 'English' } as Record<string, string>,
    target: 'Target',
    leaderHidden: 'Your leader has rated you. You will see it once you have submitted your own.',
    draft: 'draft',
    submitted: 'submitted',
    cannotAssess: 'cannot assess',
    comment: 'Comment',
    example: 'Example',
    reopened: 'Reopened',
    conversations: 'Conversations',
    kinds: {
      profiling: 'Profiling conversation',
      mus: 'Development review',
      follow_up: 'Follow-up conversation',
      group: 'Group development review',
    } as Record<string, string>,
    with: 'Leader',
    when: 'Time',
    place: 'Place',
    held: 'Held',
    signed: 'Signed by both',
    notYet: 'Not yet',
    nextFollowUp: 'Next follow-up',
    agenda: 'Agenda',
    ownPreparation: 'Your preparation',
    sharedPreparation: 'Preparation shared by',
    notes: 'Notes by',
    signatures: 'Signatures',
    addenda: 'Addendum by',
    plan: 'Development plan',
    teamGoal: 'Team goal',
    why: 'Why',
    success: 'Success criterion',
    targetDate: 'Target date',
    competences: 'Competences',
    status: 'Status',
    actions: 'Action',
    owner: 'Owner',
    due: 'Due',
    statuses: {
      not_started: 'Not started',
      in_progress: 'In progress',
      done: 'Done',
      dropped: 'Dropped',
      open: 'Open',
      cancelled: 'Cancelled',
    } as Record<string, string>,
    statusChange: 'Status changed',
    practice: 'Practice log',
    channels: { counter: 'Counter', phone: 'Phone', digital: 'Digital/online', video: 'Video' } as Record<
      string,
      string
    >,
    helpLevels: {
      self_service: 'Self-service',
      co_service: 'Co-service',
      full_service: 'Full service',
    } as Record<string, string>,
    whatWorked: 'What worked',
    tryNext: 'Try next time',
    shared: 'Shared with your leader',
    talkingPoint: 'To take up in the next conversation',
    pairings: 'Learning from colleagues',
    learnsFrom: 'You learn from',
    helps: 'You help',
    note: 'Note',
    themeDays: 'Theme days',
    task: 'Your task after the day',
    doneAt: 'Done',
    recruitment: 'Hiring and recruitment',
    baseline: 'Starting point from the hiring interview',
    hiredFrom: 'Hired for the position',
    panel: 'On the interview panel for',
    emails: 'Emails to you',
    sent: 'sent',
    notSent: 'not sent',
    lookups: 'Look-ups of your data',
    lookupsIntro: 'When, and for what purpose, others read, exported or changed your data.',
    purposes: {
      personnel_management: 'Personnel management',
      development_conversation: 'Development conversation and plan',
      team_development: 'Shared learning in the team',
      recruitment: 'Recruitment',
      export: 'Data export',
      retention: 'Deletion after the retention period',
      administration: 'Administration',
      data_rights: 'Data subject rights',
    } as Record<string, string>,
  },
} as const;

export async function personalDataPdf(input: PersonalDataPdfInput): Promise<Buffer> {
  const { document: data, locale, timeZone } = input;
  const text = labels[locale];
  const tag = locale === 'da' ? 'da-DK' : 'en-GB';
  const dayFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const momentFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const day = (value: string) => dayFormat.format(new Date(`${value}T00:00:00Z`));
  const moment = (value: string) => momentFormat.format(new Date(value));
  const competence = (id: string) => data.competenceNames[id] ?? id;
  const level = (value: number | null | undefined) =>
    value === undefined ? '–' : value === null ? text.cannotAssess : String(value);
  const status = (value: string) => text.statuses[value] ?? value;
  // The competence names come in the framework's order: areas and competences read as in the app.
  const order = new Map(Object.keys(data.competenceNames).map((id, index) => [id, index]));
  const frameworkOrder = (id: string) => order.get(id) ?? order.size;

  const { doc, finished, left, width, heading, line, keepRoom } = createPdf({
    locale,
    title: `${text.title}: ${data.person.name}`,
    author: data.municipality.name,
  });
  const paragraph = (value: string, indent = 0) =>
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(ink)
      .text(value, left + indent, doc.y, { width: width - indent });
  const subheading = (value: string) => {
    keepRoom(40);
    doc.moveDown(0.4).font('bold').fontSize(9.5).fillColor(ink).text(value, left, doc.y, { width });
  };
  const none = () => paragraph(text.none);
  const label = (value: string) =>
    doc.font('bold').fontSize(8.5).fillColor(ink).text(value, left, doc.y, { width });

  doc.font('regular').fontSize(9).fillColor(muted).text(data.municipality.name, left, doc.y, { width });
  doc.font('bold').fontSize(16).fillColor(ink).text(text.title, { width });
  doc.moveDown(0.3);
  line(text.name, data.person.name);
  line(text.generated, moment(data.generatedAt));
  doc.moveDown(0.3);
  doc.font('regular').fontSize(8.5).fillColor(muted).text(text.intro, left, doc.y, { width });

  heading(text.account);
  const person = data.person;
  line(text.email, person.email);
  if (person.title) line(text.jobTitle, person.title);
  line(text.unit, person.unit?.name ?? '–');
  line(text.roles, person.roles.map((role) => text.roleNames[role] ?? role).join(', '));
  line(text.language, text.languages[person.locale] ?? person.locale);
  if (person.externalId) line(text.externalId, person.externalId);
  if (person.roleProfileKey) line(text.roleProfile, person.roleProfileKey);
  line(text.active, person.active ? text.yes : text.no);
  line(text.created, moment(person.createdAt));
  for (const leadership of data.leaderOf) {
    line(text.leaderOf, `${leadership.unitName} (${text.since} ${moment(leadership.since)})`);
  }

  heading(text.rounds);
  if (data.rounds.length === 0) none();
  for (const round of data.rounds) {
    subheading(round.name);
    line(text.deadline, day(round.deadline));
    line(text.roleProfile, round.roleProfileKey);
    if (round.leaderAssessmentHidden) paragraph(text.leaderHidden);
    const self = round.assessments.find((assessment) => assessment.raterRole === 'self');
    const leader = round.assessments.find((assessment) => assessment.raterRole === 'leader');
    for (const assessment of [self, leader]) {
      if (!assessment) continue;
      const who = assessment.raterRole === 'self' ? text.self : text.leader;
      line(who, assessment.status === 'submitted' ? text.submitted : text.draft);
      for (const reopening of assessment.reopenings) {
        line(text.reopened, `${moment(reopening.reopenedAt)}: ${reopening.reason}`, 10);
      }
    }
    const ids = [
      ...new Set([
        ...Object.keys(round.targets),
        ...Object.keys(self?.ratings ?? {}),
        ...Object.keys(leader?.ratings ?? {}),
      ]),
    ].sort((a, b) => frameworkOrder(a) - frameworkOrder(b));
    for (const id of ids) {
      const parts = [
        `${text.selfShort}: ${level(self?.ratings[id]?.level)}`,
        ...(leader ? [`${text.leaderShort}: ${level(leader.ratings[id]?.level)}`] : []),
        `${text.target}: ${level(round.targets[id])}`,
      ];
      line(competence(id), parts.join(' · '), 10);
      for (const assessment of [self, leader]) {
        const rating = assessment?.ratings[id];
        if (rating?.comment) line(text.comment, rating.comment, 20);
        if (rating?.example) line(text.example, rating.example, 20);
      }
    }
  }

  heading(text.conversations);
  if (data.conversations.length === 0) none();
  for (const conversation of data.conversations) {
    subheading(`${text.kinds[conversation.kind] ?? conversation.kind} · ${moment(conversation.scheduledAt)}`);
    line(text.with, conversation.leader ?? '–');
    line(text.place, conversation.place);
    line(text.held, conversation.heldAt ? moment(conversation.heldAt) : text.notYet);
    line(text.signed, conversation.signedAt ? moment(conversation.signedAt) : text.notYet);
    if (conversation.nextFollowUp) line(text.nextFollowUp, day(conversation.nextFollowUp));
    const agenda = conversation.agenda
      .map((item) => item.title ?? (item.competenceId ? competence(item.competenceId) : item.theme))
      .filter((title): title is string => Boolean(title));
    if (agenda.length > 0) line(text.agenda, agenda.join('; '));
    for (const preparation of conversation.preparations) {
      const answers = Object.values(preparation.answers).filter((answer) => answer.trim() !== '');
      const chosen = preparation.chosenCompetenceIds.map(competence);
      if (answers.length === 0 && chosen.length === 0) continue;
      label(preparation.own ? text.ownPreparation : `${text.sharedPreparation} ${preparation.author ?? '–'}`);
      if (chosen.length > 0) paragraph(chosen.join(', '), 10);
      for (const answer of answers) paragraph(answer, 10);
    }
    for (const note of conversation.notes) {
      const items = Object.values(note.items).filter((item) => item.trim() !== '');
      if (items.length === 0) continue;
      label(`${text.notes} ${note.author ?? '–'}`);
      for (const item of items) paragraph(item, 10);
    }
    for (const signature of conversation.signatures) {
      line(text.signatures, `${signature.signer ?? '–'}, ${moment(signature.signedAt)}`);
    }
    for (const addendum of conversation.addenda) {
      line(`${text.addenda} ${addendum.author ?? '–'}, ${moment(addendum.createdAt)}`, addendum.text);
    }
  }

  heading(text.plan);
  if (data.goals.length === 0) none();
  for (const goal of data.goals) {
    subheading(goal.teamGoal ? `${text.teamGoal}: ${goal.title}` : goal.title);
    line(text.why, goal.why);
    line(text.success, goal.successCriterion);
    line(text.targetDate, day(goal.targetDate));
    line(text.status, status(goal.status) + (goal.droppedReason ? ` (${goal.droppedReason})` : ''));
    if (goal.competenceIds.length > 0) line(text.competences, goal.competenceIds.map(competence).join(', '));
    for (const action of goal.actions) {
      line(
        text.actions,
        `${action.description} (${text.owner}: ${action.owner ?? '–'}; ${text.due}: ${day(action.dueDate)}; ${status(action.status)})`,
        10,
      );
    }
    for (const change of goal.statusChanges) {
      line(
        text.statusChange,
        `${moment(change.changedAt)}: ${status(change.fromStatus)} → ${status(change.toStatus)}${change.reason ? ` (${change.reason})` : ''}`,
        10,
      );
    }
  }

  heading(text.practice);
  if (data.practiceEntries.length === 0) none();
  for (const entry of data.practiceEntries) {
    subheading(
      `${day(entry.occurredOn)} · ${text.channels[entry.channel] ?? entry.channel} · ${text.helpLevels[entry.helpLevel] ?? entry.helpLevel}`,
    );
    if (entry.competenceIds.length > 0) paragraph(entry.competenceIds.map(competence).join(', '));
    line(text.whatWorked, entry.whatWorked);
    if (entry.tryNext) line(text.tryNext, entry.tryNext);
    if (entry.sharedAt) line(text.shared, moment(entry.sharedAt));
    if (entry.talkingPoint) paragraph(text.talkingPoint);
  }

  heading(text.pairings);
  if (data.pairings.length === 0) none();
  for (const pairing of data.pairings) {
    line(
      pairing.role === 'learner' ? text.learnsFrom : text.helps,
      `${pairing.colleague ?? '–'}: ${competence(pairing.competenceId)} (${status(pairing.status)})`,
    );
    if (pairing.note) line(text.note, pairing.note, 10);
  }

  heading(text.themeDays);
  if (data.themeDays.length === 0) none();
  for (const themeDay of data.themeDays) {
    subheading(`${themeDay.title} · ${day(themeDay.date)}`);
    line(text.place, `${themeDay.place}, ${themeDay.unitName}`);
    if (themeDay.focusCompetenceIds.length > 0)
      paragraph(themeDay.focusCompetenceIds.map(competence).join(', '));
    if (themeDay.task) {
      line(text.task, `${themeDay.task.text} (${text.due}: ${day(themeDay.task.dueDate)})`);
      if (themeDay.task.doneAt) line(text.doneAt, moment(themeDay.task.doneAt), 10);
    }
  }

  if (data.interviewBaseline || data.hiredFrom.length > 0 || data.interviewPanels.length > 0) {
    heading(text.recruitment);
    for (const hired of data.hiredFrom) line(text.hiredFrom, hired.positionTitle);
    if (data.interviewBaseline) {
      line(
        text.baseline,
        `${data.interviewBaseline.positionTitle}, ${moment(data.interviewBaseline.interviewedAt)}`,
      );
      for (const [id, value] of Object.entries(data.interviewBaseline.levels)) {
        line(competence(id), `${value} (${text.target}: ${level(data.interviewBaseline.targets[id])})`, 10);
      }
    }
    for (const panel of data.interviewPanels) line(text.panel, panel.positionTitle);
  }

  heading(text.emails);
  if (data.emails.length === 0) none();
  for (const email of data.emails) {
    line(moment(email.createdAt), `${email.subject} (${email.sentAt ? text.sent : text.notSent})`);
  }

  heading(text.lookups);
  paragraph(text.lookupsIntro);
  if (data.lookups.length === 0) none();
  for (const lookup of data.lookups) {
    line(moment(lookup.occurredAt), `${text.purposes[lookup.purpose] ?? lookup.purpose} (${lookup.action})`);
  }

  doc.end();
  return finished;
}
