import type { SeedDb } from './db';
import { insertFundsAndProjects, planFunds, planProjects } from './synthetic-funds';
import { insertGoals, planGoals } from './synthetic-goals';
import { Directory, type WorkloadContext } from './synthetic-model';
import { advanceGoals } from './synthetic-workflow';

/** Counts of what the workload generator wrote, and how long each phase took. */
export interface SyntheticWorkloadSummary {
  year: number;
  /** The transfer fund whose whole goal tree (overall → regional → project) is generated. */
  bigFundId: string;
  funds: { city: number; district: number; factor: number; project: number };
  allocations: { toRegions: number; toProjects: number };
  projects: number;
  goals: { total: number; byScope: Record<string, number>; byStatus: Record<string, number> };
  indicators: { total: number; linked: number; minPerProjectGoal: number; maxPerProjectGoal: number };
  transitions: number;
  phaseMs: { plan: number; fundsAndProjects: number; goals: number; workflow: number };
}

const count = <T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[keyOf(item)] = (out[keyOf(item)] ?? 0) + 1;
  return out;
};

/**
 * Funds, allocations, projects, goals with indicators and their review histories for a generated city
 * (issue #3), deterministic from the seed, written in bulk inside the caller's transaction.
 */
export async function generateWorkload(tx: SeedDb, ctx: WorkloadContext): Promise<SyntheticWorkloadSummary> {
  const clock = () => performance.now();
  let t = clock();
  const dir = new Directory(ctx);
  const city = ctx.regions.find((r) => r.level === 'CITY')!;
  const bigFundId = dir.id('fund', city.code, '0');
  const projects = planProjects(dir, bigFundId);
  const { funds, allocations } = planFunds(dir, projects, bigFundId);
  const goals = planGoals(dir, projects, bigFundId);
  const plan = clock() - t;
  t = clock();
  await insertFundsAndProjects(tx, dir, funds, projects, allocations);
  const fundsAndProjects = clock() - t;
  t = clock();
  await insertGoals(tx, dir, goals);
  const goalsMs = clock() - t;
  t = clock();
  const { byStatus, transitions } = await advanceGoals(tx, dir, goals);
  const workflow = clock() - t;
  const projectLevel = goals.filter((g) => g.projectId !== null).map((g) => g.indicators.length);
  return {
    year: ctx.year,
    bigFundId,
    funds: {
      city: funds.filter((f) => f.level === 'CITY').length,
      district: funds.filter((f) => f.level === 'DISTRICT').length,
      factor: funds.filter((f) => f.method === 'FACTOR').length,
      project: funds.filter((f) => f.method === 'PROJECT').length,
    },
    allocations: {
      toRegions: allocations.filter((a) => a.regionId !== null).length,
      toProjects: allocations.filter((a) => a.projectId !== null).length,
    },
    projects: projects.length,
    goals: { total: goals.length, byScope: count(goals, (g) => g.scope), byStatus },
    indicators: {
      total: goals.reduce((s, g) => s + g.indicators.length, 0),
      linked: goals.reduce((s, g) => s + g.indicators.filter((i) => i.parentIndicatorId !== null).length, 0),
      minPerProjectGoal: projectLevel.length > 0 ? Math.min(...projectLevel) : 0,
      maxPerProjectGoal: projectLevel.length > 0 ? Math.max(...projectLevel) : 0,
    },
    transitions,
    phaseMs: {
      plan: Math.round(plan),
      fundsAndProjects: Math.round(fundsAndProjects),
      goals: Math.round(goalsMs),
      workflow: Math.round(workflow),
    },
  };
}
