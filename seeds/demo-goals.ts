import { rowsOf, type SeedDb } from './db';
import { loadDemoDepartment } from './demo-department';
import { loadDemoEvaluations } from './demo-evaluations';
import { loadDemoSelfEvaluation } from './demo-self-evaluation';
import { DemoContext } from './demo-goal-context';
import type { FundSpec, ProjectSpec } from './demo-goal-types';
import { GoalWriter } from './demo-goal-workflow';
import {
  WORKED_EXAMPLE,
  workedExampleFunds,
  workedExampleGoals,
  workedExampleProjects,
} from './demo-worked-example';
import { departmentAndRecordGoals, workflowFunds } from './demo-department-goals';
import { workflowGoals, workflowProjects } from './demo-workflow-goals';
import { seedId } from './ids';

export { WORKED_EXAMPLE } from './demo-worked-example';
export { WORKFLOW_DEMO } from './demo-workflow-goals';

/** The fixed id of a demo fund, project or goal of the 淄博市 tenant (keys of seeds/demo-*.ts). */
export const demoFundId = (tenantKey: string, key: string) => seedId(tenantKey, 'fund', key);
export const demoProjectId = (tenantKey: string, key: string) => seedId(tenantKey, 'project', key);
export const demoGoalId = (tenantKey: string, key: string) => seedId(tenantKey, 'goal', key);

/** Whether the demo funds and goals are there (the worked example's fund marks them). */
export async function demoGoalsExist(db: SeedDb, tenantId: string, tenantKey: string): Promise<boolean> {
  const id = demoFundId(tenantKey, WORKED_EXAMPLE.fund);
  return (
    rowsOf(await db.query('SELECT 1 FROM fund WHERE tenant_id = $1 AND id = $2', [tenantId, id])).length > 0
  );
}

/**
 * Loads the demo funds, projects and goals of 淄博市 (in the caller's transaction, as the owner): the
 * DOMAIN §11 worked example and goals in every workflow state (DOMAIN §7). Each object is created by the
 * demo account the API would require (P1/P2), and every goal goes DRAFT → … through `decide` and
 * `buildReviewChain` (src/goals/rules) with one UPDATE per step, its goal_transition row and an audit
 * event — the database's own state machine refuses any skip.
 */
export async function loadDemoGoals(tx: SeedDb, tenantId: string, tenantKey: string): Promise<void> {
  const ctx = await DemoContext.load(tx, tenantId, tenantKey);
  const funds = [...workedExampleFunds, ...workflowFunds];
  const projects = [...workedExampleProjects, ...workflowProjects];
  for (const fund of funds) await insertFund(ctx, fund);
  for (const project of projects) await insertProject(ctx, project);
  const writer = new GoalWriter(ctx, projects, funds);
  for (const goal of [...workedExampleGoals, ...workflowGoals, ...departmentAndRecordGoals])
    await writer.write(goal);
  await loadDemoEvaluations(ctx); // issue 9 item 18: a finance evaluation with computed rates
  await loadDemoDepartment(ctx); // issue 12: 部门/单位整体绩效 in 淄川区 (seeds/demo-department.ts)
  await loadDemoSelfEvaluation(ctx); // issue 9 item 17: a submitted self-evaluation with the 附件6 fields
}

/** 专项资金 created by its competent department (P1), then its allocations (DOMAIN §4). */
async function insertFund(ctx: DemoContext, f: FundSpec): Promise<void> {
  const owner = ctx.user(f.owner);
  const id = ctx.id('fund', f.key);
  const at = ctx.at(f.on);
  await ctx.tx.query(
    `INSERT INTO fund (tenant_id, id, organization_id, region_id, region_path, name, budget_book, category,
                       allocation_method, start_year, end_year, upper_level_amount, own_level_amount,
                       lower_level_amount, is_emergency, created_at, updated_at)
     VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
    [
      ctx.tenantId,
      id,
      owner.organizationId,
      owner.organization.regionId,
      f.name,
      f.budgetBook,
      f.category,
      f.method,
      f.startYear,
      f.endYear,
      f.upperLevelAmount,
      f.ownLevelAmount,
      f.lowerLevelAmount,
      f.isEmergency,
      at,
    ],
  );
  const regionPath = owner.organization.regionPath;
  await ctx.audit(f.owner, at, {
    entityType: 'Fund',
    entityId: id,
    action: 'CREATE',
    regionPath,
    after: await ctx.snapshot('fund', id),
  });
  if (f.allocations.length === 0) return;
  const allocatedAt = ctx.at(f.on);
  for (const a of f.allocations) {
    await ctx.tx.query(
      `INSERT INTO fund_allocation (tenant_id, id, fund_id, fund_region_path, region_id, region_path, amount, created_at)
       VALUES ($1, $2, $3, '', $4, '', $5, $6)`,
      [
        ctx.tenantId,
        ctx.id('allocation', f.key, a.region),
        id,
        ctx.region(a.region).id,
        a.amount,
        allocatedAt,
      ],
    );
  }
  await ctx.audit(f.owner, allocatedAt, {
    entityType: 'Fund',
    entityId: id,
    action: 'SET_ALLOCATIONS',
    regionPath,
    before: { allocations: [] },
    after: {
      allocations: f.allocations.map((a) => ({
        regionId: ctx.region(a.region).id,
        projectId: null,
        amount: a.amount,
      })),
    },
  });
}

/** 项目 prepared by its implementing unit (P2); its department is the unit's supervising department. */
async function insertProject(ctx: DemoContext, p: ProjectSpec): Promise<void> {
  const unit = ctx.user(p.unit);
  const department = unit.organization.supervisingDepartmentId;
  if (!department) throw new Error(`demo goals: ${p.unit} has no supervising department`);
  const id = ctx.id('project', p.key);
  const at = ctx.at(p.on);
  await ctx.tx.query(
    `INSERT INTO project (tenant_id, id, name, department_id, implementing_unit_id, region_id, region_path, fund_id,
                          year, annual_amount, fiscal_amount, other_amount, is_new, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9::numeric + $10::numeric, $9, $10, $11, $12, $12)`,
    [
      ctx.tenantId,
      id,
      p.name,
      department,
      unit.organizationId,
      unit.organization.regionId,
      p.fund ? ctx.id('fund', p.fund) : null,
      p.year,
      p.fiscalAmount,
      p.otherAmount,
      p.isNew,
      at,
    ],
  );
  await ctx.audit(p.unit, at, {
    entityType: 'Project',
    entityId: id,
    action: 'CREATE',
    regionPath: unit.organization.regionPath,
    after: await ctx.snapshot('project', id),
  });
}
