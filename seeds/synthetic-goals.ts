import type { SeedDb } from './db';
import { departmentId, financeBureauId } from './hierarchy';
import type { ProjectPlan } from './synthetic-funds';
import {
  chooseTemplates,
  drawTarget,
  FUND_INDICATOR_COUNT,
  INDICATOR_POOLS,
  scaledText,
  splitPoints,
  type IndicatorTemplate,
  type SyntheticSector,
} from './synthetic-indicators';
import { bulkInsert, yuan, type Directory } from './synthetic-model';

/** One step of a review chain, as goal.service snapshots it (src/goals/rules/review-chain.ts ReviewStep). */
export interface ChainStep {
  index: number;
  organizationId: string;
  organizationKind: string;
  regionId: string;
  role: string;
  final: boolean;
}

export interface IndicatorPlan {
  id: string;
  template: IndicatorTemplate;
  /** The target as an integer count of 10^-places. */
  target: bigint;
  points: string;
  parentIndicatorId: string | null;
  /** Set on indicators that child goals link to. */
  aggregation: string | null;
}

export interface GoalPlan {
  id: string;
  scope: 'PROJECT' | 'TRANSFER_OVERALL' | 'TRANSFER_REGIONAL' | 'TRANSFER_PROJECT';
  projectId: string | null;
  fundId: string | null;
  regionId: string;
  parentGoalId: string | null;
  name: string;
  periodObjective: string | null;
  annualObjective: string;
  annualCents: number;
  fiscalCents: number | null;
  otherCents: number | null;
  chain: ChainStep[];
  drafterOrganizationId: string;
  indicators: IndicatorPlan[];
}

const step = (
  index: number,
  organizationId: string,
  kind: string,
  regionId: string,
  role: string,
  last: boolean,
): ChainStep => ({
  index,
  organizationId,
  organizationKind: kind,
  regionId,
  role,
  final: last,
});

/** Combines children's targets so they meet the parent's under its comparator (DOMAIN §5 Consistency). */
function combine(t: IndicatorTemplate, children: bigint[]): bigint {
  if (t.aggregation === 'SUM') return children.reduce((s, c) => s + c, 0n);
  // A weighted average lies between the smallest and the largest child; MAX is the largest.
  const pickMax = t.aggregation === 'MAX' || t.comparator === 'LTE';
  return children.reduce((m, c) => (pickMax ? (c > m ? c : m) : c < m ? c : m));
}

function indicatorsOf(
  dir: Directory,
  goalId: string,
  pool: IndicatorTemplate[],
  picks: number[],
  targets: bigint[],
  links: (string | null)[],
  aggregate: boolean,
): IndicatorPlan[] {
  const points = splitPoints(picks.map((i) => pool[i].category));
  return picks.map((i, position) => ({
    id: dir.id('indicator', goalId, String(position)),
    template: pool[i],
    target: targets[position],
    points: points[position],
    parentIndicatorId: links[position],
    aggregation: aggregate ? pool[i].aggregation : null,
  }));
}

/**
 * The goals (DOMAIN §5): for the big fund, TRANSFER_OVERALL at the city → one top-down TRANSFER_REGIONAL
 * per township → a TRANSFER_PROJECT goal per financed project, each child indicator linked to its parent's
 * (targets combined bottom-up so the tree is consistent; money adds up); every other project a PROJECT goal.
 * Each project-level goal has 10–20 quantitative indicators; points total 50/30/10 per category.
 */
export function planGoals(dir: Directory, projects: ProjectPlan[], bigFundId: string): GoalPlan[] {
  const { key } = dir.ctx;
  const city = dir.ctx.regions.find((r) => r.level === 'CITY')!;
  const fundDepartment = departmentId(key, city.code, 'TRANSPORT');
  const cityFinance = step(
    1,
    financeBureauId(key, city.code),
    'FINANCE_BUREAU',
    city.id,
    'BUDGET_FINANCE',
    true,
  );
  const transport = INDICATOR_POOLS.TRANSPORT;
  const fundPicks = Array.from({ length: FUND_INDICATOR_COUNT }, (_, i) => i);
  const overallId = dir.id('goal', 'overall', bigFundId);
  const goals: GoalPlan[] = [];
  const regional: GoalPlan[] = [];
  const others: GoalPlan[] = [];

  const projectGoal = (p: ProjectPlan, parent: GoalPlan | null): GoalPlan => {
    const id = dir.id('goal', p.id);
    const pool = INDICATOR_POOLS[parent ? 'TRANSPORT' : (p.unit.sector as SyntheticSector)];
    const count = dir.int(10, 20);
    const picks = chooseTemplates(pool, count, dir.random, parent ? fundPicks : []);
    const targets = picks.map((i) => drawTarget(pool[i], dir.random));
    const links = picks.map((_, k) => (parent && k < FUND_INDICATOR_COUNT ? parent.indicators[k].id : null));
    const region = p.region;
    const supervisor = step(
      1,
      p.unit.supervisingDepartmentId!,
      'COMPETENT_DEPARTMENT',
      region.id,
      'SUPERVISING_DEPARTMENT',
      false,
    );
    const chain = parent
      ? [
          supervisor,
          step(2, financeBureauId(key, region.code), 'FINANCE_BUREAU', region.id, 'LOWER_FINANCE', false),
          step(3, fundDepartment, 'COMPETENT_DEPARTMENT', city.id, 'FUND_DEPARTMENT', false),
          { ...cityFinance, index: 4 },
        ]
      : [
          supervisor,
          step(2, financeBureauId(key, region.code), 'FINANCE_BUREAU', region.id, 'BUDGET_FINANCE', true),
        ];
    return {
      id,
      scope: parent ? 'TRANSFER_PROJECT' : 'PROJECT',
      projectId: p.id,
      fundId: parent ? bigFundId : null,
      regionId: region.id,
      parentGoalId: parent?.id ?? null,
      name: `${p.name}绩效目标`,
      periodObjective: parent ? null : `实施期内完成${p.name}建设任务，发挥项目效益`,
      annualObjective: `${dir.ctx.year}年按期完成${p.name}年度任务，资金使用合规有效`,
      annualCents: p.fiscalCents + p.otherCents,
      fiscalCents: p.fiscalCents,
      otherCents: p.otherCents,
      chain,
      drafterOrganizationId: p.unit.id,
      indicators: indicatorsOf(dir, id, pool, picks, targets, links, false),
    };
  };

  const byTownship = new Map<string, ProjectPlan[]>();
  for (const p of projects) {
    if (p.fundId === bigFundId) byTownship.set(p.region.id, [...(byTownship.get(p.region.id) ?? []), p]);
    else others.push(projectGoal(p, null));
  }
  for (const township of dir.ctx.regions.filter((r) => byTownship.has(r.id))) {
    const id = dir.id('goal', 'regional', bigFundId, township.id);
    const shell: GoalPlan = {
      id,
      scope: 'TRANSFER_REGIONAL',
      projectId: null,
      fundId: bigFundId,
      regionId: township.id,
      parentGoalId: overallId,
      name: `${township.name}${dir.ctx.year}年农村公路建设养护分区域绩效目标`,
      periodObjective: null,
      annualObjective: `${dir.ctx.year}年完成${township.name}农村公路建设养护任务`,
      annualCents: 0,
      fiscalCents: null,
      otherCents: null,
      chain: [cityFinance],
      drafterOrganizationId: fundDepartment,
      indicators: indicatorsOf(
        dir,
        id,
        transport,
        fundPicks,
        fundPicks.map(() => 0n),
        fundPicks.map(() => null),
        true,
      ),
    };
    const children = byTownship.get(township.id)!.map((p) => projectGoal(p, shell));
    shell.annualCents = children.reduce((s, c) => s + c.annualCents, 0);
    shell.indicators.forEach((ind, k) => {
      ind.target = combine(
        ind.template,
        children.map((c) => c.indicators[k].target),
      );
      ind.parentIndicatorId = dir.id('indicator', overallId, String(k));
    });
    regional.push(shell);
    others.push(...children);
  }
  const overallTargets = fundPicks.map((k) =>
    combine(
      transport[k],
      regional.map((g) => g.indicators[k].target),
    ),
  );
  goals.push({
    id: overallId,
    scope: 'TRANSFER_OVERALL',
    projectId: null,
    fundId: bigFundId,
    regionId: city.id,
    parentGoalId: null,
    name: `${city.name}${dir.ctx.year}年农村公路建设养护专项资金整体绩效目标`,
    periodObjective: '实施期内全市农村公路列养率保持100%，路况水平稳步提升',
    annualObjective: `${dir.ctx.year}年完成全市农村公路养护和危桥改造任务`,
    annualCents: regional.reduce((s, g) => s + g.annualCents, 0),
    fiscalCents: null,
    otherCents: null,
    chain: [cityFinance],
    drafterOrganizationId: fundDepartment,
    indicators: indicatorsOf(
      dir,
      overallId,
      transport,
      fundPicks,
      overallTargets,
      fundPicks.map(() => null),
      true,
    ),
  });
  return [...goals, ...regional, ...others];
}

/** Inserts every goal as DRAFT (the only status the trigger accepts on insert), then the indicators. */
export async function insertGoals(tx: SeedDb, dir: Directory, goals: GoalPlan[]): Promise<void> {
  const { tenantId, year } = dir.ctx;
  const money = (cents: number | null) => (cents === null ? null : yuan(cents));
  await bulkInsert(
    tx,
    'performance_goal',
    tenantId,
    [
      ['id', 'uuid'],
      ['scope', 'text'],
      ['year', 'int'],
      ['project_id', 'uuid'],
      ['fund_id', 'uuid'],
      ['region_id', 'uuid'],
      ['parent_goal_id', 'uuid'],
      ['decomposition', 'text'],
      ['name', 'text'],
      ['implementation_period_objective', 'text'],
      ['annual_objective', 'text'],
      ['annual_amount', 'numeric'],
      ['fiscal_amount', 'numeric'],
      ['other_amount', 'numeric'],
      ['status', 'text'],
      ['review_chain', 'text', 'jsonb'],
      ['drafter_organization_id', 'uuid'],
      ['region_path', 'text'],
    ],
    goals.map((g) => [
      g.id,
      g.scope,
      year,
      g.projectId,
      g.fundId,
      g.regionId,
      g.parentGoalId,
      g.scope === 'TRANSFER_REGIONAL' ? 'TOP_DOWN' : null,
      g.name,
      g.periodObjective,
      g.annualObjective,
      money(g.annualCents),
      money(g.fiscalCents),
      money(g.otherCents),
      'DRAFT',
      JSON.stringify(g.chain),
      g.drafterOrganizationId,
      '',
    ]),
    10_000,
  );
  const rows: unknown[][] = [];
  for (const g of goals) {
    g.indicators.forEach((i, position) => {
      const t = i.template;
      rows.push([
        i.id,
        g.id,
        position,
        t.category,
        t.subcategory,
        t.name,
        'QUANTITATIVE',
        t.unit,
        t.comparator,
        scaledText(i.target, t.places),
        i.points,
        i.parentIndicatorId,
        i.aggregation,
      ]);
    });
  }
  await bulkInsert(
    tx,
    'goal_indicator',
    tenantId,
    [
      ['id', 'uuid'],
      ['goal_id', 'uuid'],
      ['position', 'int'],
      ['category', 'text'],
      ['subcategory', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['unit', 'text'],
      ['comparator', 'text'],
      ['target', 'text'],
      ['points', 'numeric'],
      ['parent_indicator_id', 'uuid'],
      ['aggregation', 'text'],
    ],
    rows,
    25_000,
  );
}
