import type { TestApp } from './app';
import { organizationGid } from './ids';

/**
 * The road-maintenance indicators most goal tests use (DOMAIN §5): two quantitative OUTPUT indicators,
 * a qualitative BENEFIT one and a quantitative SATISFACTION one; complete enough to submit.
 */
export const ROAD_INDICATORS = [
  {
    category: 'OUTPUT',
    subcategory: 'QUANTITY',
    name: '养护道路里程',
    kind: 'QUANTITATIVE',
    unit: '公里',
    comparator: 'GTE',
    target: '12.5',
  },
  {
    category: 'OUTPUT',
    subcategory: 'QUALITY',
    name: '验收合格率',
    kind: 'QUANTITATIVE',
    unit: '%',
    comparator: 'GTE',
    target: '95',
  },
  {
    category: 'BENEFIT',
    subcategory: 'SOCIAL',
    name: '道路通行条件',
    kind: 'QUALITATIVE',
    target: '明显改善',
  },
  {
    category: 'SATISFACTION',
    subcategory: 'SERVICE_RECIPIENT',
    name: '沿线群众满意度',
    kind: 'QUANTITATIVE',
    unit: '%',
    comparator: 'GTE',
    target: '90',
  },
];

/** The rural-road length indicator of the transfer-goal tests (DOMAIN §5), with `target`; `extra` adds fields. */
export const ruralRoadLength = (target: string, extra: Record<string, unknown> = {}) => ({
  category: 'OUTPUT',
  subcategory: 'QUANTITY',
  name: '养护农村公路里程',
  kind: 'QUANTITATIVE',
  unit: '公里',
  comparator: 'GTE',
  target,
  ...extra,
});

/** The ROAD_INDICATORS entry named `name`, with `extra` added or replacing fields (e.g. stored points). */
export function roadIndicator(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const indicator = ROAD_INDICATORS.find((i) => i.name === name);
  if (!indicator) throw new Error(`no road indicator ${name}`);
  return { ...indicator, ...extra };
}

/** ROAD_INDICATORS without the named ones. */
export const roadIndicatorsWithout = (...names: string[]) =>
  ROAD_INDICATORS.filter((i) => !names.includes(i.name));

export interface ArrangedGoal {
  id: string;
  rowVersion: number;
  indicators: { id: string; name: string }[];
}

interface ProjectGoalOptions {
  /** Goal (and project) name stem. */
  name: string;
  /**
   * Global id of the implementing unit (default: 车站街道市政道路养护站); the project is created by its
   * supervising department.
   */
  unitId?: string;
  /** Default: ROAD_INDICATORS. */
  indicators?: readonly Record<string, unknown>[];
  fiscalAmount?: string;
  otherAmount?: string;
  /** Logins of the unit, its department and the finance at its region (default: 车站街道). */
  logins?: { unit: string; department: string; finance: string };
  until?: 'DRAFT' | 'ISSUED';
}

const GOAL = 'goal { id rowVersion indicators { id name } } userErrors { code messageEn }';

/** One goal mutation (`createGoal` or a workflow action) as `as`; throws when it is refused. */
export async function goalStep(
  app: TestApp,
  mutation: string,
  input: Record<string, unknown>,
  as: string,
): Promise<ArrangedGoal> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const res = await app.gql<Record<string, { goal: ArrangedGoal | null }>>(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { ${GOAL} } }`,
    { input },
    { as },
  );
  const goal = Object.values(res.data ?? {})[0]?.goal;
  if (!goal) throw new Error(`arranging failed at ${mutation} as ${as}: ${JSON.stringify(res)}`);
  return goal;
}

/**
 * Arranges, through the API, a 2025 project of an implementing unit created by `as` (its supervising
 * department); not new, no ex-ante assessment required. Returns its global id; throws when refused.
 */
export async function arrangeProject(
  app: TestApp,
  input: { name: string; implementingUnitId: string; fiscalAmount?: string; otherAmount?: string },
  as: string,
): Promise<string> {
  const res = await app.gql<{ createProject: { project: { id: string } | null } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`,
    {
      input: {
        year: 2025,
        fiscalAmount: '800000.00',
        otherAmount: '0.00',
        isNew: false,
        requiresAssessment: false,
        ...input,
      },
    },
    { as },
  );
  const id = res.data?.createProject.project?.id;
  if (!id) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  return id;
}

/**
 * Arranges, through the API, a PROJECT goal drafted by the implementing unit and — unless `until` is
 * DRAFT — taken through its review chain (DOMAIN §7: the unit submits, its department approves, finance
 * at its region approves and issues). Throws when a step is refused: arranging must not fail silently.
 */
export async function projectGoal(app: TestApp, o: ProjectGoalOptions): Promise<ArrangedGoal> {
  const who = o.logins ?? {
    unit: 'unit.chezhan',
    department: 'transport.chezhan',
    finance: 'finance.chezhan',
  };
  const fiscal = o.fiscalAmount ?? '800000.00';
  const other = o.otherAmount ?? '0.00';
  const unitId = o.unitId ?? (await organizationGid(app, '车站街道市政道路养护站'));
  const projectId = await arrangeProject(
    app,
    { name: o.name, implementingUnitId: unitId, fiscalAmount: fiscal, otherAmount: other },
    who.department,
  );
  const step = (mutation: string, input: Record<string, unknown>, as: string) =>
    goalStep(app, mutation, input, as);
  const annual = (Number(fiscal) + Number(other)).toFixed(2);
  let g = await step(
    'createGoal',
    {
      scope: 'PROJECT',
      year: 2025,
      name: `${o.name}绩效目标`,
      projectId,
      implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
      annualObjective: '2025年养护道路12.5公里',
      annualAmount: annual,
      fiscalAmount: fiscal,
      otherAmount: other,
      indicators: o.indicators ?? ROAD_INDICATORS,
    },
    who.unit,
  );
  if (o.until === 'DRAFT') return g;
  for (const [mutation, as] of [
    ['submitGoal', who.unit],
    ['approveGoal', who.department],
    ['approveGoal', who.finance],
    ['issueGoal', who.finance],
  ] as const) {
    g = await step(mutation, { id: g.id, expectedVersion: g.rowVersion }, as);
  }
  return g;
}

/**
 * The `createGoal` input of a 2025 PROJECT goal for an existing project: 800,000.00 all fiscal, the road
 * indicators (complete enough to submit, DOMAIN §5); `over` replaces fields.
 */
export const projectGoalInput = (projectId: string, name: string, over: Record<string, unknown> = {}) => ({
  scope: 'PROJECT',
  year: 2025,
  name,
  projectId,
  implementationPeriodObjective: '完成辖区道路养护',
  annualObjective: '2025年养护道路12.5公里',
  annualAmount: '800000.00',
  fiscalAmount: '800000.00',
  otherAmount: '0.00',
  indicators: ROAD_INDICATORS,
  ...over,
});

/**
 * Arranges a submitted PROJECT goal for an existing project (DOMAIN §5; 003 第十二条(一): a project enters
 * the library only with a goal submitted at least): drafted and submitted by `unit` (default unit.chezhan).
 */
export async function submittedGoalFor(
  app: TestApp,
  projectId: string,
  unit = 'unit.chezhan',
): Promise<ArrangedGoal> {
  const g = await goalStep(
    app,
    'createGoal',
    projectGoalInput(projectId, '项目绩效目标（入库前置）', {
      implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
    }),
    unit,
  );
  return goalStep(app, 'submitGoal', { id: g.id, expectedVersion: g.rowVersion }, unit);
}

/** The goal as `as` reads it by id: `{ id }`, or null when out of the caller's view (P6: like a missing one). */
export async function goalSeenBy(app: TestApp, goalId: string, as: string): Promise<{ id: string } | null> {
  const res = await app.gql<{ goal: { id: string } | null }>(
    `query($id: ID!) { goal(id: $id) { id } }`,
    { id: goalId },
    { as },
  );
  return res.data!.goal;
}
