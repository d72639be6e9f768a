/**
 * @module Demo Kommune's practice log and one colleague pairing: a few months of citizen contacts, dated back from
 * the day the demo is made, so the leader's aggregate has months to show and months with too few people to show.
 */
import { isOpen, type PlanStatus } from '../../domain/conversations.ts';
import { competencesOf } from '../../domain/framework.ts';
import type { HelpLevel, PracticeChannel } from '../../domain/practice.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import type { Repositories } from '../repositories/index.ts';

type Tenant = ReturnType<Repositories['forTenant']>;

interface Contact {
  channel: PracticeChannel;
  helpLevel: HelpLevel;
  competenceIds: string[];
  whatWorked: string;
  tryNext: string;
}

/** What employees wrote after real contacts: no citizen's name or number, as the log asks. */
const contacts: Contact[] = [
  {
    channel: 'counter',
    helpLevel: 'co_service',
    competenceIds: ['digitale-selvbetjeningsloesninger', 'medbetjening'],
    whatWorked:
      'Jeg lod borgeren selv sidde med musen og søge om sundhedskort på borger.dk, mens jeg pegede på de rigtige felter.',
    tryNext: 'Skrive de tre trin ned på en seddel, som borgeren kan tage med hjem.',
  },
  {
    channel: 'phone',
    helpLevel: 'self_service',
    competenceIds: ['digital-vejledning-og-motivation', 'klar-mundtlig-formidling'],
    whatWorked:
      'Borgeren ville have mig til at bestille tid til nyt pas. Jeg forklarede, hvor tidsbestillingen ligger, og hun klarede det selv, mens vi talte.',
    tryNext: 'Spørge tidligere i samtalen, om borgeren sidder ved en computer.',
  },
  {
    channel: 'counter',
    helpLevel: 'full_service',
    competenceIds: ['aflaesning-af-borgeren', 'konfliktnedtrapning'],
    whatWorked:
      'En vred borger med et brev fra Udbetaling Danmark. Jeg satte mig ned, talte roligt og lod ham forklare færdigt, før jeg svarede.',
    tryNext:
      'Give nummeret til Udbetaling Danmark på en seddel med det samme, så borgeren ved, hvor sagen hører til.',
  },
  {
    channel: 'digital',
    helpLevel: 'co_service',
    competenceIds: ['borgerens-enheder', 'medbetjening'],
    whatWorked:
      'Vi delte skærm, og borgeren installerede selv MitID-appen på sin Android-telefon med min vejledning.',
    tryNext: 'Have en kort vejledning klar til iPhone, så jeg ikke skal lede under samtalen.',
  },
  {
    channel: 'counter',
    helpLevel: 'co_service',
    competenceIds: ['holde-igen', 'tilpasse-hjaelpeniveau'],
    whatWorked:
      'Jeg holdt igen med at tage over, selv om der var kø. Borgeren fandt selv frem til Digital Post.',
    tryNext: 'Sige højt, at det tager lidt længere i dag, men går hurtigere næste gang.',
  },
  {
    channel: 'phone',
    helpLevel: 'full_service',
    competenceIds: ['kommunens-opgaver', 'den-offentlige-sektor'],
    whatWorked:
      'Borgeren var ældre og havde ingen computer. Jeg ændrede adressen for ham og forklarede, hvad der sker nu.',
    tryNext: 'Spørge, om der er et familiemedlem, der kan hjælpe med Digital Post fremover.',
  },
  {
    channel: 'video',
    helpLevel: 'co_service',
    competenceIds: ['spoergeteknik', 'digital-vejledning-og-motivation'],
    whatWorked:
      'Åbne spørgsmål fik borgeren til at fortælle, at hun egentlig ville søge boligstøtte – ikke kun flytte adresse.',
    tryNext: 'Starte med at spørge, hvad borgeren gerne vil have ud af samtalen.',
  },
  {
    channel: 'counter',
    helpLevel: 'self_service',
    competenceIds: ['betjening-paa-fremmedsprog', 'klar-mundtlig-formidling'],
    whatWorked:
      'Jeg forklarede på engelsk, hvordan man booker tid til pas, og viste det på skærmen ved standeren.',
    tryNext: 'Have de vigtigste ord klar på tysk til turister, der har mistet deres pas.',
  },
  {
    channel: 'digital',
    helpLevel: 'self_service',
    competenceIds: ['klar-skriftlig-kommunikation'],
    whatWorked:
      'Et kort svar i Digital Post med et link og tre punkter. Borgeren skrev tilbage, at det var klart.',
    tryNext: 'Bruge overskrifter, når svaret handler om mere end én ting.',
  },
  {
    channel: 'counter',
    helpLevel: 'co_service',
    competenceIds: ['datasikkerhed-ved-skranken', 'medbetjening'],
    whatWorked:
      'Borgeren skulle logge på med MitID ved skranken. Jeg vendte mig væk, mens hun tastede, og forklarede hvorfor.',
    tryNext: 'Minde borgeren om at logge ud af computeren ved standeren.',
  },
  {
    channel: 'phone',
    helpLevel: 'co_service',
    competenceIds: ['fokus-i-travle-perioder', 'servicemindedhed'],
    whatWorked:
      'En travl mandag med mange opkald. Jeg rundede hver samtale af med en kort opsummering, også i kø-tiden.',
    tryNext: 'Tage et kort pusterum mellem to svære opkald.',
  },
  {
    channel: 'counter',
    helpLevel: 'co_service',
    competenceIds: ['kulturel-aabenhed', 'aflaesning-af-borgeren'],
    whatWorked:
      'Borgeren talte kun lidt dansk. Jeg brugte billeder på skærmen og korte sætninger, og hun udfyldte selv ansøgningen.',
    tryNext: 'Spørge, om borgeren ønsker tolk, allerede når tiden bookes.',
  },
];

/** Who logs, and from how many months back: Team Skranke has enough people for an aggregate, Team Digital not. */
const loggers: { name: string; fromMonthsBack: number }[] = [
  { name: 'Birthe Hansen', fromMonthsBack: 4 },
  { name: 'Fatima Ali', fromMonthsBack: 4 },
  { name: 'Kirsten Jensen', fromMonthsBack: 4 },
  { name: 'Peter Nielsen', fromMonthsBack: 4 },
  { name: 'Louise Andersen', fromMonthsBack: 3 },
  { name: 'Ahmad Rahimi', fromMonthsBack: 3 },
  { name: 'Susanne Rasmussen', fromMonthsBack: 4 },
  { name: 'Henrik Larsen', fromMonthsBack: 3 },
  { name: 'Sofie Christensen', fromMonthsBack: 2 },
];

/** The first day of the month `back` months before `today`'s, and how many days it has. */
function monthBack(today: string, back: number): { first: string; days: number } {
  const date = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - back);
  const days = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return { first: date.toISOString().slice(0, 10), days };
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPractice(
  tenant: Tenant,
  userIds: ReadonlyMap<string, string>,
  now = new Date(),
) {
  const municipality = await tenant.people.municipality();
  const today = dateInTimeZone(now, municipality.timeZone);
  const [version] = await tenant.frameworks.listVersions();
  const known = new Set(competencesOf(version!.document).map((competence) => competence.id));
  const users = new Map((await tenant.people.listUsers()).map((user) => [user.id, user]));
  const susanne = userIds.get('Susanne Rasmussen')!;
  const susanneGoal = (await tenant.conversations.goalsOfEmployee(susanne)).find(
    (goal) => isOpen(goal.status as PlanStatus) && goal.competenceIds.includes('medbetjening'),
  );

  const log = (employeeId: string, contact: Contact, occurredOn: string, goalId: string | null) =>
    tenant.practice.create({
      ...contact,
      competenceIds: contact.competenceIds.filter((id) => known.has(id)),
      occurredOn,
      goalId,
      themeDayTaskId: null,
      talkingPoint: false,
      shared: false,
      frameworkVersionId: version!.id,
      employeeId,
      unitId: users.get(employeeId)?.unitId ?? null,
      now,
    });

  for (const [personIndex, logger] of loggers.entries()) {
    const employeeId = userIds.get(logger.name)!;
    const created: string[] = [];
    for (let back = logger.fromMonthsBack; back >= 1; back -= 1) {
      const { first, days } = monthBack(today, back);
      const count = 2 + ((personIndex + back) % 3);
      for (let k = 0; k < count; k += 1) {
        const contact = contacts[(personIndex * 5 + back * 3 + k) % contacts.length]!;
        const day = (personIndex * 7 + k * 9 + back) % days;
        const isSusannesGoal = employeeId === susanne && contact.competenceIds.includes('medbetjening');
        const row = await log(
          employeeId,
          contact,
          addDays(first, day),
          isSusannesGoal ? (susanneGoal?.id ?? null) : null,
        );
        created.push(row.id);
      }
    }
    // Two people have logged this month so far: too few for this month to be shown.
    if (personIndex < 2) {
      await log(employeeId, contacts[(personIndex + 6) % contacts.length]!, `${today.slice(0, 7)}-01`, null);
    }
    // Birthe and Susanne each share their latest entry with their leader and want to talk about it.
    if (logger.name === 'Birthe Hansen' || logger.name === 'Susanne Rasmussen') {
      const latest = (await tenant.practice.find(created.at(-1)!))!;
      const { occurredOn, channel, helpLevel, competenceIds, whatWorked, tryNext, goalId, themeDayTaskId } =
        latest;
      await tenant.practice.update(
        latest.id,
        latest.version,
        {
          ...{ occurredOn, channel, helpLevel, competenceIds, whatWorked, tryNext, goalId, themeDayTaskId },
          frameworkVersionId: latest.frameworkVersionId,
          shared: true,
          talkingPoint: true,
        },
        now,
      );
    }
  }
  await seedDemoPairing(tenant, userIds, today, now);
}

/**
 * One pairing in Team Skranke, confirmed by Anne: the first learner and competence (framework order) where her
 * rating is below target and another colleague's is at or above it, as the suggestions would propose.
 */
async function seedDemoPairing(
  tenant: Tenant,
  userIds: ReadonlyMap<string, string>,
  today: string,
  now: Date,
) {
  const [version] = await tenant.frameworks.listVersions();
  const competenceIds = competencesOf(version!.document).map((competence) => competence.id);
  const profiles = new Map(
    (await tenant.frameworks.listRoleProfilesOf(version!.id)).map((profile) => [
      profile.key,
      profile.targets,
    ]),
  );
  const users = new Map((await tenant.people.listUsers()).map((user) => [user.id, user]));
  const leaderLevels = async (name: string) => {
    const id = userIds.get(name)!;
    const assessment = (await tenant.rounds.assessmentsOf(id)).find(
      (row) => row.raterRole === 'leader' && row.status === 'submitted',
    );
    const targets = profiles.get(users.get(id)?.roleProfileKey ?? '') ?? {};
    return { id, level: (competenceId: string) => assessment?.ratings[competenceId]?.level ?? null, targets };
  };
  const [learner, ...helpers] = await Promise.all(
    ['Kirsten Jensen', 'Fatima Ali', 'Peter Nielsen', 'Louise Andersen', 'Ahmad Rahimi'].map(leaderLevels),
  );
  for (const competenceId of competenceIds) {
    const own = learner!.level(competenceId);
    const target = learner!.targets[competenceId];
    if (own === null || target === undefined || own >= target) continue;
    const helper = helpers.find((candidate) => {
      const level = candidate.level(competenceId);
      const helperTarget = candidate.targets[competenceId];
      return level !== null && helperTarget !== undefined && level >= helperTarget;
    });
    if (!helper) continue;
    await tenant.pairings.create({
      unitId: users.get(learner!.id)!.unitId!,
      learnerId: learner!.id,
      helperId: helper.id,
      competenceId,
      frameworkVersionId: version!.id,
      note: 'Aftal en formiddag, hvor I sidder sammen ved skranken, og tal bagefter om, hvad du så.',
      dueDate: addDays(today, 30),
      createdById: userIds.get('Anne Kristensen')!,
      now,
    });
    return;
  }
}
