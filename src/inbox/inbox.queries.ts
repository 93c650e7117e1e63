import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { policyFor } from '../policy/policy.service';
import { FindingEntity } from '../results/results.entities';
import { InboxItemKind } from './inbox.enums';
import { afterCursor, inboxTitle, type InboxCursor, type InboxRow } from './rules/inbox-page';

/**
 * One SQL statement per kind of 待办 (issue 11 item 3), each read through the scoped access of its
 * object (DOMAIN §3, P6) and narrowed to what awaits the caller's own organization — the same
 * conditions its mutation checks (the review step, the acknowledger, the reviewer, the compiler, the
 * finding's parties). Each returns at most `limit` rows after the cursor, oldest waiting first.
 */

interface KindQuery {
  qb: SelectQueryBuilder<ObjectLiteral>;
  alias: string;
  /** SQL of the instant the item started waiting. */
  since: string;
  /** Builds title and due date from the entity and the row's extra columns. */
  describe: (entity: ObjectLiteral, raw: Record<string, unknown>) => { title: string; dueOn: string | null };
}

export interface KindResult {
  rows: InboxRow[];
  count: () => Promise<number>;
}

const isoSince = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const goalNameJoin = (alias: string) =>
  [
    `performance_goal`,
    `${alias}_goal`,
    `${alias}_goal.tenant_id = ${alias}.tenant_id AND ${alias}_goal.id = ${alias}.goal_id`,
  ] as const;
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function run(
  kind: InboxItemKind,
  q: KindQuery,
  cursor: InboxCursor | null,
  limit: number,
): Promise<KindResult> {
  const counting = q.qb.clone();
  const qb = q.qb.addSelect(isoSince(q.since), 'inbox_since');
  if (cursor) {
    const at = 'CAST(:inboxSince AS timestamptz)';
    const condition = {
      SINCE_GTE: `${q.since} >= ${at}`,
      SINCE_GT: `${q.since} > ${at}`,
      ROW_GT: `(${q.since}, ${q.alias}.id) > (${at}, CAST(:inboxId AS uuid))`,
    }[afterCursor(kind, cursor)];
    qb.andWhere(condition, { inboxSince: cursor.since, inboxId: cursor.id });
  }
  const { entities, raw } = await qb
    .orderBy(q.since, 'ASC')
    .addOrderBy(`${q.alias}.id`, 'ASC')
    .limit(limit)
    .getRawAndEntities();
  const rawById = new Map(raw.map((r: Record<string, unknown>) => [String(r[`${q.alias}_id`]), r]));
  const rows = entities.map((entity) => {
    const r = rawById.get(entity.id) ?? {};
    return { kind, since: String(r.inbox_since), id: entity.id, entity, ...q.describe(entity, r) };
  });
  return { rows, count: () => counting.getCount() };
}

/** 目标审核 — goals at the caller's step of their review chain (DOMAIN §7, P3). */
async function goalReviews(ctx: RequestContext): Promise<KindQuery> {
  const qb = (await ctx.scope.goals('g'))
    .andWhere(`g.status IN ('SUBMITTED', 'IN_REVIEW')`)
    .andWhere(
      `g.review_chain @> jsonb_build_array(jsonb_build_object('organizationId', CAST(:inboxOrg AS text), 'index', g.current_step))`,
      { inboxOrg: ctx.caller.organizationId },
    );
  return {
    qb,
    alias: 'g',
    since: 'g.updated_at',
    describe: (g: ObjectLiteral) => ({
      title: inboxTitle(InboxItemKind.GOAL_REVIEW, { goalName: g.name }),
      dueOn: null,
    }),
  };
}

/**
 * 评估审核 — submitted ex-ante assessments of subjects at the caller's own level, for finance (DOMAIN §6,
 * P3 "finance at the subject's level or above"; the inbox of the level itself), never the assessor's own (P7).
 */
async function assessmentReviews(ctx: RequestContext): Promise<KindQuery> {
  const p = ctx.caller;
  const qb = (await ctx.scope.assessments('ea'))
    .leftJoin('fund', 'ea_fund', 'ea_fund.tenant_id = ea.tenant_id AND ea_fund.id = ea.fund_id')
    .leftJoin(
      'project',
      'ea_project',
      'ea_project.tenant_id = ea.tenant_id AND ea_project.id = ea.project_id',
    )
    .addSelect('COALESCE(ea_fund.name, ea_project.name)', 'inbox_subject')
    .andWhere(`ea.status = 'SUBMITTED' AND ea.region_path = :inboxPath AND ea.assessor_id <> :inboxOrg`, {
      inboxPath: p.regionPath,
      inboxOrg: p.organizationId,
    });
  if (p.organizationKind !== OrganizationKind.FINANCE_BUREAU) qb.andWhere('1 = 0');
  return {
    qb,
    alias: 'ea',
    since: 'ea.submitted_at',
    describe: (_e: ObjectLiteral, r: Record<string, unknown>) => ({
      title: inboxTitle(InboxItemKind.ASSESSMENT_REVIEW, { subjectName: text(r.inbox_subject) }),
      dueOn: null,
    }),
  };
}

/** 监控确认 — submitted monitoring reports the caller's organization acknowledges (DOMAIN §9). */
async function monitoringAcknowledgements(ctx: RequestContext): Promise<KindQuery> {
  const qb = (await ctx.scope.monitoringReports('mr'))
    .leftJoin(...goalNameJoin('mr'))
    .addSelect('mr_goal.name', 'inbox_goal')
    .andWhere(`mr.status = 'SUBMITTED' AND mr.acknowledger_organization_id = :inboxOrg`, {
      inboxOrg: ctx.caller.organizationId,
    });
  return {
    qb,
    alias: 'mr',
    since: 'mr.submitted_at',
    describe: (m: ObjectLiteral, r: Record<string, unknown>) => ({
      title: inboxTitle(InboxItemKind.MONITORING_ACKNOWLEDGEMENT, {
        goalName: text(r.inbox_goal),
        year: m.year,
        month: m.month,
      }),
      dueOn: null,
    }),
  };
}

/** 自评审核 — submitted self-evaluations whose reviewer is the caller's organization (DOMAIN §10–11, P4). */
async function evaluationReviews(ctx: RequestContext): Promise<KindQuery> {
  const qb = (await ctx.scope.evaluations('ev'))
    .leftJoin(...goalNameJoin('ev'))
    .addSelect('ev_goal.name', 'inbox_goal')
    .andWhere(`ev.kind = 'SELF' AND ev.status = 'SUBMITTED' AND ev.reviewer_organization_id = :inboxOrg`, {
      inboxOrg: ctx.caller.organizationId,
    });
  return {
    qb,
    alias: 'ev',
    since: 'ev.submitted_at',
    describe: (e: ObjectLiteral, r: Record<string, unknown>) => ({
      title: inboxTitle(InboxItemKind.EVALUATION_REVIEW, { goalName: text(r.inbox_goal), year: e.year }),
      dueOn: null,
    }),
  };
}

/**
 * 汇总确认 — regional and overall transfer goals in force that the caller compiles (DOMAIN §11, P4; 003
 * 转移支付 第二十三条): the overall goal by the fund's department, a regional goal by the region's counterpart
 * of it (DOMAIN §3), once a child result is submitted and while no compiled result stands (a returned one
 * is compiled again). The due date is the tenant's self-evaluation due date of the year (DOMAIN §10.7).
 */
async function compilationsDue(ctx: RequestContext): Promise<KindQuery> {
  const qb = (await ctx.scope.goals('g'))
    .andWhere(
      `g.scope IN ('TRANSFER_OVERALL', 'TRANSFER_REGIONAL') AND g.status IN ('ISSUED', 'FILED_FOR_RECORD')`,
    )
    .andWhere(
      `EXISTS (SELECT 1 FROM fund icf WHERE icf.tenant_id = g.tenant_id AND icf.id = g.fund_id AND (
         (g.scope = 'TRANSFER_OVERALL' AND icf.organization_id = :inboxOrg)
         OR (g.scope = 'TRANSFER_REGIONAL' AND EXISTS (SELECT 1 FROM organization_counterpart ioc
               WHERE ioc.tenant_id = g.tenant_id AND ioc.upper_organization_id = icf.organization_id
                 AND ioc.region_id = g.region_id AND ioc.counterpart_organization_id = :inboxOrg))))`,
      { inboxOrg: ctx.caller.organizationId },
    )
    .andWhere(
      `EXISTS (SELECT 1 FROM performance_goal icg JOIN evaluation ice ON ice.tenant_id = icg.tenant_id AND ice.goal_id = icg.id
         WHERE icg.tenant_id = g.tenant_id AND icg.parent_goal_id = g.id AND icg.status IN ('ISSUED', 'FILED_FOR_RECORD')
           AND ice.kind = 'SELF' AND ice.status NOT IN ('DRAFT', 'RETURNED'))`,
    )
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM evaluation ie WHERE ie.tenant_id = g.tenant_id AND ie.goal_id = g.id AND ie.kind = 'SELF' AND ie.status <> 'RETURNED')`,
    );
  if (ctx.caller.organizationKind !== OrganizationKind.COMPETENT_DEPARTMENT) qb.andWhere('1 = 0');
  return {
    qb,
    alias: 'g',
    since: 'g.updated_at',
    describe: (g: ObjectLiteral) => ({
      title: inboxTitle(InboxItemKind.COMPILATION_DUE, { goalName: g.name, year: g.year }),
      dueOn: null,
    }),
  };
}

/**
 * Findings awaiting one of their parties (DOMAIN §13; results/rules/finding-workflow.ts): feedback by the
 * evaluating body while OPEN, the rectification report by the evaluated body while FEEDBACK_GIVEN or
 * REOPENED, verification by finance at the level while RESPONDED. Read in the caller's tenant, naming the
 * caller's organization (the findings list's own predicate, results-lists.ts).
 */
async function findings(ctx: RequestContext, kind: InboxItemKind): Promise<KindQuery> {
  const p = ctx.caller;
  const party = {
    [InboxItemKind.FINDING_FEEDBACK]: [`f.state = 'OPEN'`, 'f.feedback_organization_id', 'f.feedback_due_on'],
    [InboxItemKind.FINDING_RESPONSE]: [
      `f.state IN ('FEEDBACK_GIVEN', 'REOPENED')`,
      'f.responsible_organization_id',
      'f.rectification_due_on',
    ],
    [InboxItemKind.FINDING_VERIFICATION]: [`f.state = 'RESPONDED'`, 'f.verifier_organization_id', null],
  }[kind as InboxItemKind.FINDING_FEEDBACK];
  const [state, column, due] = party;
  const em = await ctx.db.manager();
  const qb = em
    .createQueryBuilder(FindingEntity, 'f')
    .leftJoin(...goalNameJoin('f'))
    .addSelect('f_goal.name', 'inbox_goal')
    .addSelect(due ? `to_char(${due}, 'YYYY-MM-DD')` : 'NULL', 'inbox_due')
    .where('f.tenant_id = :inboxTenant', { inboxTenant: p.tenantId })
    .andWhere(`${state} AND ${column} = :inboxOrg`, { inboxOrg: p.organizationId });
  return {
    qb,
    alias: 'f',
    since: 'f.created_at',
    describe: (f: ObjectLiteral, r: Record<string, unknown>) => ({
      title: inboxTitle(kind, { goalName: text(r.inbox_goal), description: f.description }),
      dueOn: text(r.inbox_due),
    }),
  };
}

/** Runs the query of one kind after the cursor, at most `limit` rows. */
export async function inboxRowsOf(
  ctx: RequestContext,
  kind: InboxItemKind,
  cursor: InboxCursor | null,
  limit: number,
): Promise<KindResult> {
  switch (kind) {
    case InboxItemKind.GOAL_REVIEW:
      return run(kind, await goalReviews(ctx), cursor, limit);
    case InboxItemKind.ASSESSMENT_REVIEW:
      return run(kind, await assessmentReviews(ctx), cursor, limit);
    case InboxItemKind.MONITORING_ACKNOWLEDGEMENT:
      return run(kind, await monitoringAcknowledgements(ctx), cursor, limit);
    case InboxItemKind.EVALUATION_REVIEW:
      return run(kind, await evaluationReviews(ctx), cursor, limit);
    case InboxItemKind.COMPILATION_DUE: {
      const result = await run(kind, await compilationsDue(ctx), cursor, limit);
      // DOMAIN §10.7: the tenant's self-evaluation due date of the goal's year (one read per year, cached).
      for (const row of result.rows) {
        const year = (row.entity as { year: number }).year;
        row.dueOn = (await policyFor(ctx, year)).selfEvaluationDueDate;
      }
      return result;
    }
    default:
      return run(kind, await findings(ctx, kind), cursor, limit);
  }
}
