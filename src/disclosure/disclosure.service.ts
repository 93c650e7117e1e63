import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { refusal } from '../common/refusal';
import { currentDisclosure, writeDisclosure } from './disclosure.repository';

/**
 * The goal's responsible department (P5 谁主管、谁负责、谁公开; docs/domain-decisions.md "Disclosure"): the
 * fund's department for transfer goals, the department itself (a unit goal's supervising department) for
 * DEPARTMENT goals, the project's department for PROJECT goals.
 */
export const GOAL_RESPONSIBLE_SQL = `(SELECT CASE WHEN g.scope IN ('TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT')
    THEN (SELECT f.organization_id FROM fund f WHERE f.tenant_id = g.tenant_id AND f.id = g.fund_id)
    ELSE (SELECT coalesce(o.supervising_department_id, o.id) FROM organization o
           WHERE o.tenant_id = g.tenant_id AND o.id = coalesce(g.department_id,
             (SELECT p.department_id FROM project p WHERE p.tenant_id = g.tenant_id AND p.id = g.project_id))) END)`;

export type SubjectType = 'GOAL' | 'EVALUATION';

/** A goal or evaluation as disclosure sees it: its state and its responsible department (P5). */
export interface Subject {
  type: SubjectType;
  id: string;
  status: string;
  regionPath: string;
  responsibleOrganizationId: string | null;
}

/** The disclosure row of a subject (DOMAIN §14). */
export interface DisclosureRow {
  subjectType: SubjectType;
  subjectId: string;
  classified: boolean;
  classifiedReason: string | null;
  publishedOn: string | null;
  withdrawnOn: string | null;
  responsibleOrganizationId: string;
}

/** DOMAIN §14: only issued goals and completed (reviewed / finalized) evaluations may be published. */
export const PUBLISHABLE_GOAL = ['ISSUED'];
export const PUBLISHABLE_EVALUATION = ['REVIEWED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED'];

/**
 * P5 谁主管、谁负责、谁公开 (003 第二十七条, 转移支付 第三十五条): a goal's responsible department (see
 * GOAL_RESPONSIBLE_SQL); for an evaluation, the evaluating body (finance for FINANCE evaluations, the
 * department for its own), and for a unit's self-evaluation the goal's responsible department (003 第二十七条
 * "业务主管部门负责将…绩效评价结果…向社会公开").
 */
export const EVALUATION_RESPONSIBLE_SQL = `(SELECT CASE WHEN e.kind = 'SELF' THEN ${GOAL_RESPONSIBLE_SQL}
    ELSE e.evaluator_organization_id END FROM performance_goal g WHERE g.tenant_id = e.tenant_id AND g.id = e.goal_id)`;

const notFound = () => {
  throw refusal(ErrorCode.NOT_FOUND, ['input', 'subjectId'], msg('未找到该事项', 'Item not found'));
};

/** A subject's status, region and responsible organization, read through the caller's scope (P6). */
function subjectRow(
  qb: SelectQueryBuilder<ObjectLiteral>,
  alias: string,
  responsibleSql: string,
  id: string,
) {
  return qb
    .select(`${alias}.status`, 'status')
    .addSelect(`${alias}.region_path`, 'regionPath')
    .addSelect(responsibleSql, 'responsible')
    .andWhere(`${alias}.id = :subjectId`, { subjectId: id })
    .getRawOne<{ status: string; regionPath: string; responsible: string | null }>();
}

/** Loads a goal or evaluation the caller sees (P6: anything else reads as missing). */
export async function loadSubject(ctx: RequestContext, globalId: string): Promise<Subject> {
  const parsed = fromGlobalId(globalId);
  if (parsed?.type === 'PerformanceGoal') {
    const row = await subjectRow(await ctx.scope.goals('g'), 'g', GOAL_RESPONSIBLE_SQL, parsed.id);
    if (!row) return notFound();
    return { type: 'GOAL', id: parsed.id, ...row, responsibleOrganizationId: row.responsible };
  }
  if (parsed?.type === 'Evaluation') {
    const row = await subjectRow(
      await ctx.scope.evaluations('e'),
      'e',
      EVALUATION_RESPONSIBLE_SQL,
      parsed.id,
    );
    if (!row) return notFound();
    return { type: 'EVALUATION', id: parsed.id, ...row, responsibleOrganizationId: row.responsible };
  }
  return notFound();
}

/** P5: only the responsible department classifies, publishes and withdraws (finance for its own evaluations). */
function requireResponsible(ctx: RequestContext, subject: Subject): string {
  if (!subject.responsibleOrganizationId || subject.responsibleOrganizationId !== ctx.caller.organizationId)
    throw refusal(
      ErrorCode.FORBIDDEN,
      ['input', 'subjectId'],
      msg(
        '谁主管、谁负责、谁公开：只有责任部门可以公开或定密',
        'Only the responsible department discloses or classifies this item (P5)',
      ),
      { principle: 'P5' },
    );
  return subject.responsibleOrganizationId;
}

/** What a disclosure change writes: the new mark and dates, and its audit action. */
interface Change {
  action: string;
  next: Pick<DisclosureRow, 'classified' | 'classifiedReason' | 'publishedOn' | 'withdrawnOn'>;
}

/** The checks of one change on the row as it is (null: never disclosed), and the change; or a refusal. */
export type DisclosureRule = (s: Subject, before: DisclosureRow | null) => Change;

/**
 * One disclosure change (DOMAIN §14, P5): only the responsible department makes it; the rule checks the
 * row as it is and says what to write; its writer stores and audits it (disclosure.repository.ts).
 */
export async function disclose(
  em: EntityManager,
  ctx: RequestContext,
  s: Subject,
  rule: DisclosureRule,
): Promise<DisclosureRow> {
  const responsible = requireResponsible(ctx, s);
  const before = await currentDisclosure(em, ctx, s);
  const { action, next } = rule(s, before);
  return writeDisclosure(em, ctx, { ...s, responsibleOrganizationId: responsible }, action, before, next);
}

/**
 * DOMAIN §14: marks an item classified (涉密, with a reason) or lifts the mark. A classified item is never
 * published: classifying a published item takes it off the public pages (the audit keeps its history).
 */
export const classifying =
  (classified: boolean, reason: string | null): DisclosureRule =>
  (_s, before) => {
    if (classified && !reason)
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'reason'],
        msg('定密须说明理由', 'Classifying needs a reason'),
      );
    return {
      action: classified ? 'DISCLOSURE_CLASSIFY' : 'DISCLOSURE_DECLASSIFY',
      next: {
        classified,
        classifiedReason: classified ? reason : null,
        publishedOn: classified ? null : (before?.publishedOn ?? null),
        withdrawnOn: classified ? null : (before?.withdrawnOn ?? null),
      },
    };
  };

/**
 * DOMAIN §14 (002 第二十九条; 003 第二十七条): publishes an issued goal or a completed evaluation on a date.
 * Classified items are refused (WORKFLOW_VIOLATION, principle P5), as are items not yet publishable.
 */
export const publishing =
  (on: string): DisclosureRule =>
  (s, before) => {
    if (before?.classified)
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'subjectId'],
        msg('涉密事项不得公开', 'A classified item is never published (P5)'),
        { principle: 'P5' },
      );
    const allowed = s.type === 'GOAL' ? PUBLISHABLE_GOAL : PUBLISHABLE_EVALUATION;
    if (!allowed.includes(s.status))
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'subjectId'],
        msg(
          '只有已下达的目标和已完成的评价可以公开',
          'Only issued goals and completed evaluations are published',
        ),
      );
    if (before?.publishedOn && !before.withdrawnOn)
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'subjectId'],
        msg('该事项已公开', 'The item is already published'),
      );
    return {
      action: 'DISCLOSURE_PUBLISH',
      next: { classified: false, classifiedReason: null, publishedOn: on, withdrawnOn: null },
    };
  };

/** DOMAIN §14: withdraws a publication on a date (not before it was published). */
export const withdrawing =
  (on: string): DisclosureRule =>
  (_s, before) => {
    if (!before?.publishedOn || before.withdrawnOn)
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'subjectId'],
        msg('该事项未公开', 'The item is not published'),
      );
    if (on < before.publishedOn)
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'on'],
        msg('撤回日期早于公开日期', 'Withdrawn before it was published'),
      );
    return { action: 'DISCLOSURE_WITHDRAW', next: { ...before, withdrawnOn: on } };
  };
