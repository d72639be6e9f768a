/** @module The demo municipality: a Borgerservice with two teams, their leaders, HR and an administrator. */
import { createHash, randomBytes } from 'node:crypto';
import { defaultExerciseBank } from '../../../content/exercises.ts';
import { defaultCoachingBank } from '../../../content/index.ts';
import { defaultInterviewBank } from '../../../content/interview.ts';
import { competencesOf } from '../../domain/framework.ts';
import { groupGuide } from '../../domain/group-conversations.ts';
import { interviewGuide } from '../../domain/interview-guide.ts';
import { type CompetenceProfile, competenceProfiles, type RatedLevel } from '../../domain/profile.ts';
import { teamMatrix } from '../../domain/team.ts';
import { defaultFollowUpExercise, suggestedAgenda } from '../../domain/theme-days.ts';
import type { Repositories } from '../repositories/index.ts';
import { installDefaultContent } from './default-content.ts';
import { seedDemoPractice } from './demo-practice.ts';

export const demoPassword = 'vejviser-demo';
export const demoMunicipality = { name: 'Demo Kommune', slug: 'demo-kommune' } as const;
const domain = 'demokommune.example';

type DemoRole = 'employee' | 'hr' | 'admin';
interface DemoPerson {
  name: string;
  title: string;
  unit: 'borgerservice' | 'skranke' | 'digital' | 'hr' | null;
  roles: DemoRole[];
  leads?: 'borgerservice' | 'skranke' | 'digital';
}

const people: DemoPerson[] = [
  { name: 'Mette Lund', title: 'Systemadministrator', unit: null, roles: ['admin'] },
  {
    name: 'Lars Holm Sørensen',
    title: 'Borgerservicechef',
    unit: 'borgerservice',
    roles: ['employee'],
    leads: 'borgerservice',
  },
  {
    name: 'Anne Kristensen',
    title: 'Teamleder',
    unit: 'borgerservice',
    roles: ['employee'],
    leads: 'skranke',
  },
  {
    name: 'Jonas Mikkelsen',
    title: 'Teamleder',
    unit: 'borgerservice',
    roles: ['employee'],
    leads: 'digital',
  },
  { name: 'Camilla Thomsen', title: 'HR-konsulent', unit: 'hr', roles: ['employee', 'hr'] },
  { name: 'Birthe Hansen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Mads Pedersen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Fatima Ali', title: 'Specialist i borgerbetjening', unit: 'skranke', roles: ['employee'] },
  { name: 'Kirsten Jensen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Peter Nielsen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Louise Andersen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Ahmad Rahimi', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Susanne Rasmussen', title: 'Specialist i borgerbetjening', unit: 'digital', roles: ['employee'] },
  { name: 'Henrik Larsen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Sofie Christensen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Nikolaj Poulsen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Maria Olsen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Jens Møller', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Emma Johansen', title: 'Elev i borgerservice', unit: 'digital', roles: ['employee'] },
];

/** `Lars Holm Sørensen` → `lars.sorensen@demokommune.example`: first and last name, Danish letters folded. */
export function demoEmail(name: string): string {
  const parts = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'aa')
    .split(' ');
  return `${parts[0]}.${parts.at(-1)}@${domain}`;
}

export interface DemoAccount {
  name: string;
  email: string;
  title: string;
}

export const demoAccounts: DemoAccount[] = people.map((person) => ({
  name: person.name,
  email: demoEmail(person.name),
  title: person.title,
}));

/**
 * Creates the demo municipality. `passwordHash` is the hash of {@link demoPassword}; it is computed once by the
 * caller because every demo account shares the published password.
 */
export async function seedDemo(repositories: Repositories, passwordHash: string) {
  const municipality = await repositories.system.createMunicipality({ ...demoMunicipality, isDemo: true });
  const tenant = repositories.forTenant(municipality.id);
  await installDefaultContent(tenant);

  const borgerservice = await tenant.people.createUnit({ name: 'Borgerservice' });
  const unitIds = {
    borgerservice: borgerservice.id,
    skranke: (await tenant.people.createUnit({ name: 'Team Skranke', parentId: borgerservice.id })).id,
    digital: (await tenant.people.createUnit({ name: 'Team Telefon og Digital', parentId: borgerservice.id }))
      .id,
    hr: (await tenant.people.createUnit({ name: 'HR og Løn' })).id,
  };
  const userIds = new Map<string, string>();
  for (const person of people) {
    const user = await tenant.people.createUser({
      name: person.name,
      email: demoEmail(person.name),
      title: person.title,
      roles: person.roles,
      unitId: person.unit ? unitIds[person.unit] : null,
      roleProfileKey:
        person.title === 'Specialist i borgerbetjening'
          ? 'specialist-i-borgerbetjening'
          : 'borgerservicemedarbejder',
      passwordHash,
    });
    if (person.leads) await tenant.people.addLeader(unitIds[person.leads], user.id);
    userIds.set(person.name, user.id);
  }
  await seedSpringRound(tenant, userIds);
  await seedDemoPractice(tenant, userIds);
  await seedRecruitment(tenant, userIds, unitIds.skranke);
  await seedThemeDays(tenant, userIds);
  return municipality;
}

/**
 * Camilla (HR) recruits a specialist for Team Skranke with Anne and Fatima on the panel. The interviews are under way:
 * Anne has scored Sara; Fatima has not yet, so the demo shows the blind panel. Jakob has a link waiting.
 */
async function seedRecruitment(
  tenant: ReturnType<Repositories['forTenant']>,
  userIds: Map<string, string>,
  skrankeId: string,
) {
  const [version] = await tenant.frameworks.listVersions();
  const profile = (await tenant.frameworks.listRoleProfilesOf(version!.id)).find(
    (entry) => entry.key === 'specialist-i-borgerbetjening',
  )!;
  const focus = [
    'spoergeteknik',
    'konfliktnedtrapning',
    'medbetjening',
    'digital-vejledning-og-motivation',
    'kulturel-aabenhed',
  ];
  const camilla = userIds.get('Camilla Thomsen')!;
  const anne = userIds.get('Anne Kristensen')!;
  const position = await tenant.recruitment.createPosition({
    title: 'Specialist i borgerbetjening, 37 timer',
    unitId: skrankeId,
    roleProfileId: profile.id,
    frameworkVersionId: version!.id,
    targets: profile.targets,
    focusCompetenceIds: focus,
    guide: interviewGuide({
      focusCompetenceIds: focus,
      competenceOrder: competencesOf(version!.document).map((competence) => competence.id),
      bank: defaultInterviewBank,
    }),
    panelIds: [anne, userIds.get('Fatima Ali')!],
    createdById: camilla,
  });
  const at = new Date('2026-09-14T09:00:00Z');
  const added = [];
  for (const [name, email] of [
    ['Sara Holm', 'sara.holm@privat.example'],
    ['Jakob Winther', 'jakob.winther@privat.example'],
  ] as const) {
    added.push(
      await tenant.recruitment.createCandidate({
        positionId: position.id,
        name,
        email,
        locale: 'da',
        externalUrl: null,
        createdById: camilla,
      }),
    );
  }
  const sara = added[0]!;
  // Jakob has been sent a self-assessment link and not answered yet; nobody knows its token, so it stays unanswered.
  await tenant.recruitment.createLink({
    candidateId: added[1]!.id,
    tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
    expiresAt: new Date(Date.now() + 14 * 86_400_000),
    createdById: camilla,
    email: null,
  });
  const justification: Record<string, [number, string]> = {
    spoergeteknik: [
      3,
      'Beskrev, hvordan hun fandt ud af, at borgeren egentlig manglede hjælp til boligstøtte, ved at spørge åbent.',
    ],
    konfliktnedtrapning: [2, 'Et eksempel fra en butik; hun holdt roen, men hentede hurtigt en leder.'],
    medbetjening: [3, 'Lod en ældre borger selv taste på tabletten og viste kun vej.'],
    'digital-vejledning-og-motivation': [
      3,
      'Har vist kolleger, hvordan Digital Post virker på iPhone og Android.',
    ],
    'kulturel-aabenhed': [3, 'Brugte billeder og enkle ord med en borger med lidt dansk.'],
  };
  const draft = await tenant.recruitment.saveScoreDraft({
    candidateId: sara.id,
    panelMemberId: anne,
    expectedVersion: 0,
    ratings: Object.fromEntries(
      Object.entries(justification).map(([id, [level, text]]) => [id, { level, justification: text }]),
    ),
    now: at,
  });
  if (draft.outcome !== 'saved') throw new Error('demo score not saved');
  await tenant.recruitment.submitScore({
    candidateId: sara.id,
    panelMemberId: anne,
    expectedVersion: draft.row.version,
    now: at,
  });
  for (const status of ['open', 'interviewing'] as const) {
    const current = (await tenant.recruitment.findPosition(position.id))!;
    await tenant.recruitment.setStatus(
      position.id,
      current.version,
      current.status as 'draft' | 'open',
      status,
      at,
    );
  }
}

/**
 * A finished spring round for both teams, so the demo opens with profiles, gaps and conversation topics to show.
 * Levels vary by a fixed pattern: mostly 2–3, with a few blind spots and hidden strengths.
 */
async function seedSpringRound(tenant: ReturnType<Repositories['forTenant']>, userIds: Map<string, string>) {
  const [version] = await tenant.frameworks.listVersions();
  const profiles = await tenant.frameworks.listRoleProfilesOf(version!.id);
  const profileFor = (title: string) =>
    profiles.find(
      (profile) =>
        profile.key ===
        (title === 'Specialist i borgerbetjening'
          ? 'specialist-i-borgerbetjening'
          : 'borgerservicemedarbejder'),
    )!;
  const teams = { skranke: 'Anne Kristensen', digital: 'Jonas Mikkelsen' } as const;
  const participants = people.filter((person) => person.unit === 'skranke' || person.unit === 'digital');
  const round = await tenant.rounds.create({
    name: 'Profileringsrunde forår 2026',
    frameworkVersionId: version!.id,
    deadline: '2026-04-30',
    hideLeaderUntilBoth: true,
    createdById: userIds.get('Lars Holm Sørensen')!,
    participants: participants.map((person) => ({
      userId: userIds.get(person.name)!,
      roleProfileId: profileFor(person.title).id,
    })),
  });
  const competenceIds = competencesOf(version!.document).map((competence) => competence.id);
  const submittedAt = new Date('2026-04-24T12:00:00Z');
  /** Each Telefon og Digital employee's profile as Jonas sees it, for the team's group MUS. */
  const digitalProfiles: CompetenceProfile[][] = [];
  for (const [index, person] of participants.entries()) {
    const self: Record<string, { level: number }> = {};
    const leader: Record<string, { level: number }> = {};
    competenceIds.forEach((competenceId, position) => {
      const base = (index + position) % 3 === 0 ? 3 : 2;
      let own = Math.min(4, base + ((index * 3 + position) % 5 === 0 ? 1 : 0));
      let leaders = base;
      if ((index + 2 * position) % 11 === 0) leaders = Math.max(1, own - 2);
      else if ((index * 2 + position) % 13 === 0) own = Math.max(1, leaders - 2);
      self[competenceId] = { level: own };
      leader[competenceId] = { level: leaders };
    });
    if (person.unit === 'digital') {
      digitalProfiles.push(
        competenceProfiles({
          framework: version!.document,
          targets: profileFor(person.title).targets,
          self: Object.fromEntries(Object.entries(self).map(([id, rating]) => [id, rating.level])),
          leader: Object.fromEntries(Object.entries(leader).map(([id, rating]) => [id, rating.level])),
        }),
      );
    }
    const subjectId = userIds.get(person.name)!;
    const leaderId = userIds.get(teams[person.unit as keyof typeof teams])!;
    for (const [raterRole, raterId, ratings] of [
      ['self', subjectId, self],
      ['leader', leaderId, leader],
    ] as const) {
      const base = { roundId: round.id, subjectId, raterRole, raterId, now: submittedAt };
      await tenant.rounds.saveDraft({ ...base, expectedVersion: 0, ratings });
      await tenant.rounds.submit({ ...base, expectedVersion: 1 });
    }
    await tenant.rounds.markConversationHeld(round.id, subjectId, new Date('2026-05-06T09:00:00Z'));
  }
  await tenant.rounds.close(round.id, new Date('2026-05-15T12:00:00Z'));
  await seedSpringConversation(tenant, userIds, round.id);
  await seedGroupConversation(tenant, userIds, {
    competenceIds,
    participantProfiles: digitalProfiles,
    participants: participants.filter((person) => person.unit === 'digital').map((person) => person.name),
  });
}

/**
 * Jonas's group MUS with Team Telefon og Digital after the spring round, closed: the guide from the team's profiles
 * (counts only), his notes, and a team goal with actions for two of them. So the demo shows a GRUS next to the
 * individual MUS, and a leader can plan each participant's follow-up from it.
 */
async function seedGroupConversation(
  tenant: ReturnType<Repositories['forTenant']>,
  userIds: Map<string, string>,
  team: { competenceIds: string[]; participantProfiles: CompetenceProfile[][]; participants: string[] },
) {
  const jonas = userIds.get('Jonas Mikkelsen')!;
  const [susanne, henrik] = [userIds.get('Susanne Rasmussen')!, userIds.get('Henrik Larsen')!];
  const units = await tenant.people.listUnits();
  const heldAt = new Date('2026-05-20T11:00:00Z');
  const agenda = groupGuide({
    participantProfiles: team.participantProfiles,
    competenceIds: team.competenceIds,
    openTeamGoals: [],
    bank: defaultCoachingBank,
  }).map((item) => ({ ...item, title: null, ownQuestions: [] }));
  const group = await tenant.conversations.createGroup({
    leaderId: jonas,
    unitId: units.find((unit) => unit.name === 'Team Telefon og Digital')!.id,
    participantIds: team.participants.map((name) => userIds.get(name)!),
    scheduledAt: heldAt,
    durationMinutes: 90,
    place: 'Mødelokale 1, Borgerservice',
    agenda,
  });
  await tenant.conversations.start(group.id, heldAt);
  await tenant.conversations.saveNotes({
    conversationId: group.id,
    authorId: jonas,
    expectedVersion: 0,
    items: {
      'theme:looking_back': 'Teamet er stolt af, at ventetiden i telefonen er halveret siden januar.',
      'theme:wellbeing_motivation': 'Mandag formiddag er hård. Vi prøver at lægge to ekstra på telefonen.',
    },
    now: heldAt,
  });
  const goal = await tenant.conversations.createGoal({
    conversationId: group.id,
    employeeId: null,
    title: 'Vi viser borgerne Digital Post i stedet for at læse brevene op',
    why: 'Mange ringer for at få læst et brev op. Kan de selv finde det, sparer de et opkald næste gang.',
    successCriterion: 'Ved teammødet i september fortæller alle om en borger, der selv fandt sit brev.',
    targetDate: '2026-09-30',
    competenceIds: ['digital-vejledning-og-motivation', 'medbetjening'],
  });
  if (goal.outcome !== 'saved') throw new Error('demo team goal not saved');
  for (const [ownerId, description] of [
    [susanne, 'Lav en kort guide til Digital Post, som vi kan sende til borgeren efter samtalen'],
    [henrik, 'Vis kollegerne på teammødet, hvordan du guider en borger i telefonen'],
  ] as const) {
    const action = await tenant.conversations.createAction(goal.row, {
      kind: 'practice',
      description,
      ownerId,
      colleagueId: null,
      dueDate: '2026-06-30',
    });
    if (action.outcome !== 'saved') throw new Error('demo team action not saved');
  }
  const current = await tenant.conversations.findGroup(group.id);
  await tenant.conversations.sign({
    conversationId: group.id,
    role: 'leader',
    signerId: jonas,
    contentVersion: current!.contentVersion,
    now: new Date('2026-05-20T12:25:00Z'),
    sides: 1,
  });
}

/**
 * Susanne's MUS with Jonas after the spring round, signed by both, with a plan half followed up: so the demo shows
 * a development plan, an overdue action and the history of a finished one.
 */
async function seedSpringConversation(
  tenant: ReturnType<Repositories['forTenant']>,
  userIds: Map<string, string>,
  roundId: string,
) {
  const susanne = userIds.get('Susanne Rasmussen')!;
  const jonas = userIds.get('Jonas Mikkelsen')!;
  const heldAt = new Date('2026-05-06T09:00:00Z');
  const conversation = await tenant.conversations.create({
    kind: 'mus',
    employeeId: susanne,
    leaderId: jonas,
    roundId,
    followUpOf: null,
    scheduledAt: heldAt,
    durationMinutes: 60,
    place: 'Mødelokale 2, Borgerservice',
    agenda: ['looking_back', 'tasks_collaboration', 'wellbeing_motivation', 'development_wishes'].map(
      (theme) => ({
        id: `theme:${theme}`,
        kind: 'mus_theme' as const,
        competenceId: null,
        theme,
        goalId: null,
        title: null,
        questionIds: [],
        ownQuestions: [],
      }),
    ),
  });
  await tenant.conversations.start(conversation.id, heldAt);
  const plan = [
    {
      title: 'Guide borgere i at bruge MitID-appen selv',
      why: 'Mange opkald handler om MitID, og borgerne kan klare det selv med lidt hjælp.',
      successCriterion: 'Fem borgere har selv oprettet MitID-appen med Susanne ved siden af.',
      targetDate: '2026-09-30',
      competenceIds: ['digital-vejledning-og-motivation', 'medbetjening'],
      actions: [
        {
          kind: 'theory',
          description: 'Gennemgå Digitaliseringsstyrelsens vejledning til MitID-appen',
          dueDate: '2026-06-15',
          done: true,
        },
        {
          kind: 'practice',
          description: 'Sæt en borger i gang med MitID-appen hver uge ved telefonen',
          dueDate: '2026-08-31',
          done: false,
        },
      ],
    },
    {
      title: 'Holde fokus i travle perioder med mange afbrydelser',
      why: 'Køen i januar og august gør det svært at afslutte en samtale ordentligt.',
      successCriterion: 'Susanne afslutter hver samtale med en opsummering, også i travle uger.',
      targetDate: '2027-01-31',
      competenceIds: ['fokus-i-travle-perioder'],
      actions: [
        {
          kind: 'colleague',
          description: 'Følg Henrik en travl formiddag og se, hvordan han runder samtaler af',
          dueDate: '2026-10-31',
          done: false,
        },
      ],
    },
  ];
  const henrik = userIds.get('Henrik Larsen')!;
  for (const entry of plan) {
    const goal = await tenant.conversations.createGoal({
      conversationId: conversation.id,
      employeeId: susanne,
      title: entry.title,
      why: entry.why,
      successCriterion: entry.successCriterion,
      targetDate: entry.targetDate,
      competenceIds: entry.competenceIds,
    });
    if (goal.outcome !== 'saved') throw new Error('demo goal not saved');
    for (const action of entry.actions) {
      const saved = await tenant.conversations.createAction(goal.row, {
        kind: action.kind,
        description: action.description,
        ownerId: susanne,
        colleagueId: action.kind === 'colleague' ? henrik : null,
        dueDate: action.dueDate,
      });
      if (saved.outcome !== 'saved') throw new Error('demo action not saved');
      if (action.done) {
        await tenant.conversations.setStatus({
          goal: goal.row,
          action: saved.row,
          expectedVersion: saved.row.version,
          status: 'done',
          reason: null,
          changedById: susanne,
          now: new Date('2026-06-10T10:00:00Z'),
        });
      }
    }
  }
  const current = await tenant.conversations.find(conversation.id);
  for (const [role, signerId] of [
    ['employee', susanne],
    ['leader', jonas],
  ] as const) {
    await tenant.conversations.sign({
      conversationId: conversation.id,
      role,
      signerId,
      contentVersion: current!.contentVersion,
      now: new Date('2026-05-06T10:05:00Z'),
    });
  }
}

type Tenant = ReturnType<Repositories['forTenant']>;

/** The three weakest competences of a unit's people, as the team overview ranks them. */
async function weakestOf(tenant: Tenant, memberIds: string[]): Promise<string[]> {
  const [version, latest] = await Promise.all([
    tenant.frameworks.newestPublished(),
    tenant.ratings.latestLeaderRated(memberIds, false),
  ]);
  return teamMatrix(
    version!.document,
    latest.map((entry) => ({
      personId: entry.subjectId,
      name: entry.subjectId,
      unitId: null,
      round: { id: entry.roundId, name: '', deadline: '' },
      targets: entry.targets,
      leader: entry.leader,
    })),
  ).weakest;
}

/** Levels one step lower (never below 1) in the given competences: how a team stood before it trained them. */
const lowered = (ratings: Record<string, { level: RatedLevel }>, competenceIds: readonly string[]) =>
  Object.fromEntries(
    Object.entries(ratings).map(([id, rating]) => [
      id,
      {
        level:
          competenceIds.includes(id) && rating.level !== null ? Math.max(1, rating.level - 1) : rating.level,
      },
    ]),
  );

/**
 * Theme days to show. Team Telefon og Digital: an autumn round in 2025 in which its three weakest competences were one
 * level lower than in the spring, a theme day on them in January 2026 with follow-up tasks (most done), so the theme
 * day's page shows a before and after. Team Skranke: a theme day three weeks ahead, planned from its weakest.
 */
async function seedThemeDays(tenant: Tenant, userIds: Map<string, string>) {
  const digital = people
    .filter((person) => person.unit === 'digital')
    .map((person) => userIds.get(person.name)!);
  const skranke = people
    .filter((person) => person.unit === 'skranke')
    .map((person) => userIds.get(person.name)!);
  const jonas = userIds.get('Jonas Mikkelsen')!;
  const anne = userIds.get('Anne Kristensen')!;
  const version = (await tenant.frameworks.newestPublished())!;
  const spring = (await tenant.rounds.list()).find((round) => round.name === 'Profileringsrunde forår 2026')!;
  const focus = await weakestOf(tenant, digital);

  const participations = (await tenant.rounds.participationsOf(digital)).filter(
    (row) => row.roundId === spring.id,
  );
  const autumn = await tenant.rounds.create({
    name: 'Profileringsrunde efterår 2025',
    frameworkVersionId: version.id,
    deadline: '2025-10-31',
    hideLeaderUntilBoth: true,
    createdById: userIds.get('Lars Holm Sørensen')!,
    participants: participations.map((row) => ({ userId: row.userId, roleProfileId: row.roleProfileId })),
  });
  for (const subjectId of digital) {
    const springRatings = (await tenant.rounds.assessmentsOf(subjectId)).filter(
      (row) => row.roundId === spring.id,
    );
    for (const raterRole of ['self', 'leader'] as const) {
      const ratings = springRatings.find((row) => row.raterRole === raterRole)!.ratings;
      const base = {
        roundId: autumn.id,
        subjectId,
        raterRole,
        raterId: raterRole === 'self' ? subjectId : jonas,
        now: new Date('2025-10-24T12:00:00Z'),
      };
      await tenant.rounds.saveDraft({ ...base, expectedVersion: 0, ratings: lowered(ratings, focus) });
      await tenant.rounds.submit({ ...base, expectedVersion: 1 });
    }
    await tenant.rounds.markConversationHeld(autumn.id, subjectId, new Date('2025-11-05T09:00:00Z'));
  }
  await tenant.rounds.close(autumn.id, new Date('2025-11-14T12:00:00Z'));

  const agendaFor = (competenceIds: string[]) => {
    const exercises = suggestedAgenda(defaultExerciseBank, competenceIds).map((item) => ({
      id: `exercise:${item.exerciseId}`,
      exerciseId: item.exerciseId,
      title: null,
      minutes: item.minutes,
    }));
    const half = Math.ceil(exercises.length / 2);
    return [
      { id: 'own:1', exerciseId: null, title: 'Velkomst og dagens formål', minutes: 15 },
      ...exercises.slice(0, half),
      { id: 'own:2', exerciseId: null, title: 'Frokost', minutes: 30 },
      ...exercises.slice(half),
      { id: 'own:3', exerciseId: null, title: 'Opsamling: Hvad prøver du i næste uge?', minutes: 20 },
    ];
  };

  const january = await tenant.themeDays.create({
    unitId: (await tenant.people.findUser(digital[0]!))!.unitId!,
    title: 'Temadag i Team Telefon og Digital',
    date: '2026-01-22',
    startTime: '09:00',
    place: 'Kantinen, Rådhuset',
    frameworkVersionId: version.id,
    focusCompetenceIds: focus,
    agenda: agendaFor(focus),
    participantIds: digital,
    createdById: jonas,
  });
  const exerciseId = defaultFollowUpExercise(
    defaultExerciseBank,
    january.agenda.flatMap((item) => (item.exerciseId ? [item.exerciseId] : [])),
    focus,
  );
  const exercise = defaultExerciseBank.exercises.find((entry) => entry.id === exerciseId)!;
  await tenant.themeDays.setTasks(
    january.id,
    digital.map((userId) => ({ userId, exerciseId, text: exercise.followUpTask.da, dueDate: '2026-02-05' })),
    jonas,
    new Date('2026-01-22T15:00:00Z'),
  );
  const tasks = await tenant.themeDays.tasks(january.id);
  // Five of the seven tried it and ticked it off; two have not yet.
  for (const task of tasks.slice(0, 5)) {
    await tenant.themeDays.setTaskDone(task.id, task.userId, true, new Date('2026-02-02T10:00:00Z'));
  }

  const skrankeFocus = await weakestOf(tenant, skranke);
  const inThreeWeeks = new Date(Date.now() + 21 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await tenant.themeDays.create({
    unitId: (await tenant.people.findUser(skranke[0]!))!.unitId!,
    title: 'Temadag i Team Skranke',
    date: inThreeWeeks,
    startTime: '08:30',
    place: 'Mødelokale 1, Borgerservice',
    frameworkVersionId: version.id,
    focusCompetenceIds: skrankeFocus,
    agenda: agendaFor(skrankeFocus),
    participantIds: skranke,
    createdById: anne,
  });
}
