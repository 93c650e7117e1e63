import { msg } from '../../common/errors';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { DecompositionMode, GoalScope, ReviewRole } from '../goal.enums';
import {
  counterpartIn,
  fundParties,
  missing,
  supervisorOf,
  type ChainSubject,
  type OrgDirectory,
  type OrgRef,
} from './review-directory';
import { badInput, forbidden, type Principle, type Refusal } from './workflow-refusal';

export {
  directoryOf,
  type CounterpartRef,
  type ChainSubject,
  type OrgDirectory,
  type OrgRef,
  type RegionRef,
} from './review-directory';

/** One step of a review chain: who reviews, in which role; the last step is final. */
export interface ReviewStep {
  /** 1-based position in the chain. */
  index: number;
  organizationId: string;
  organizationKind: OrganizationKind;
  regionId: string;
  role: ReviewRole;
  final: boolean;
}

export type ChainResult = { ok: true; steps: ReviewStep[] } | Refusal;

/** P1 governs who sets transfer overall/regional goals, P2 who drafts project and department goals. */
export function draftingPrinciple(scope: GoalScope): Principle {
  return scope === GoalScope.TRANSFER_OVERALL || scope === GoalScope.TRANSFER_REGIONAL ? 'P1' : 'P2';
}

type Draft = [OrgRef | undefined, ReviewRole, string];

function rawChain(subject: ChainSubject, dir: OrgDirectory): Draft[] | Refusal {
  const finance = (regionId: string): Draft => [
    dir.financeBureau(regionId),
    ReviewRole.BUDGET_FINANCE,
    '财政部门',
  ];
  switch (subject.scope) {
    case GoalScope.PROJECT: {
      // DOMAIN §7; 003 第十三条: the competent department reviews its units' goals, then finance at R.
      if (!subject.unit) return missing('项目实施单位', 'the implementing unit');
      const supervisor = supervisorOf(
        subject.unit,
        subject.region.id,
        { projectDepartmentId: subject.projectDepartmentId },
        dir,
      );
      return [[supervisor, ReviewRole.SUPERVISING_DEPARTMENT, '主管部门'], finance(subject.region.id)];
    }
    case GoalScope.DEPARTMENT: {
      // DOMAIN §7; 003 第十三条(二): finance at the department's region reviews its goal.
      const subjectOrg = subject.department;
      if (subjectOrg?.kind !== OrganizationKind.IMPLEMENTING_UNIT) return [finance(subject.region.id)];
      // 单位整体 (003 第十三条(一)(二); 004 三3 "开展所属单位绩效目标审核"): the unit's department reviews, then
      // finance at that department's region — the unit's budget is part of the department's (003 第十四条).
      const dept = subjectOrg.supervisingDepartmentId
        ? dir.organization(subjectOrg.supervisingDepartmentId)
        : undefined;
      return [
        [dept, ReviewRole.SUPERVISING_DEPARTMENT, '主管部门'],
        finance(dept?.regionId ?? subject.region.id),
      ];
    }
    case GoalScope.TRANSFER_OVERALL: {
      // 003 转移支付 第十五条(一): set by the fund's department, sent to finance at R.
      const fund = fundParties(subject, dir);
      return 'ok' in fund ? fund : [finance(fund.region.id)];
    }
    case GoalScope.TRANSFER_REGIONAL: {
      const fund = fundParties(subject, dir);
      if ('ok' in fund) return fund;
      if (!subject.decomposition) return missing('分解方式', 'the decomposition mode');
      if (subject.decomposition === DecompositionMode.TOP_DOWN) return [finance(fund.region.id)];
      // 003 转移支付 第十五条(二): S's department drafts 会同 S's finance, then R's department and finance.
      return [
        [dir.financeBureau(subject.region.id), ReviewRole.LOWER_FINANCE, '下级财政部门'],
        [fund.department, ReviewRole.FUND_DEPARTMENT, '资金主管部门'],
        finance(fund.region.id),
      ];
    }
    case GoalScope.TRANSFER_PROJECT: {
      // 003 转移支付 第十五条(三): the unit's department and finance, then S's, then R's department and finance.
      const fund = fundParties(subject, dir);
      if ('ok' in fund) return fund;
      if (!subject.unit) return missing('项目实施单位', 'the implementing unit');
      const supervisor = supervisorOf(
        subject.unit,
        subject.region.id,
        { projectDepartmentId: subject.projectDepartmentId, fundDepartment: fund.department },
        dir,
      );
      return [
        [supervisor, ReviewRole.SUPERVISING_DEPARTMENT, '主管部门'],
        [dir.financeBureau(subject.region.id), ReviewRole.LOWER_FINANCE, '下级财政部门'],
        [fund.department, ReviewRole.FUND_DEPARTMENT, '资金主管部门'],
        finance(fund.region.id),
      ];
    }
  }
}

/**
 * The ordered review chain of a goal (DOMAIN §7 table; 谁审核预算、谁审核目标, 002 第十一条).
 *
 * - The drafter's own steps are left out: a department drafting for its unit (P2) does not review
 *   itself, the goal goes straight on (reviewing your own goal is never allowed, DOMAIN §7).
 * - An organization holding two steps (a unit directly under R: S = R) keeps only its last, so the
 *   chain never asks the same body twice and always ends at finance at R.
 */
export function buildReviewChain(subject: ChainSubject, dir: OrgDirectory): ChainResult {
  const raw = rawChain(subject, dir);
  if ('ok' in raw) return raw;
  for (const [org, , zh] of raw) {
    if (!org)
      return badInput(msg(`找不到审核链中的${zh}`, `The review chain has no organization for: ${zh}`));
  }
  const present = raw as [OrgRef, ReviewRole, string][];
  const kept = present.filter(
    ([org], i) =>
      org.id !== subject.drafter.id && !present.slice(i + 1).some(([later]) => later.id === org.id),
  );
  if (kept.length === 0) {
    return badInput(
      msg('审核链中没有编制单位以外的审核单位', 'The review chain has no reviewer other than the drafter'),
    );
  }
  const steps = kept.map(([org, role], i) => ({
    index: i + 1,
    organizationId: org.id,
    organizationKind: org.kind,
    regionId: org.regionId,
    role,
    final: i === kept.length - 1,
  }));
  return { ok: true, steps };
}

/**
 * Who may draft (set and edit) a goal of this subject:
 * - P1 (谁分配预算、谁设定目标, 002 第十条(二); 003 转移支付 第十五条(一)(二)): TRANSFER_OVERALL and top-down
 *   TRANSFER_REGIONAL only by the fund's competent department; bottom-up TRANSFER_REGIONAL by S's
 *   counterpart department (镇办主管部门会同同级财政部门编报 — S's finance co-signs as the first chain step).
 * - P2 (谁编制预算/谁使用资金、谁编制目标, 002 第十条(一); 003 第十二条; 003 转移支付 第十五条(三)):
 *   PROJECT and TRANSFER_PROJECT by the unit that applies for and uses the money, or its department
 *   for it; DEPARTMENT by the department itself, or by a subordinate unit for its own unit-wide goal.
 */
export function checkDrafter(subject: ChainSubject, dir: OrgDirectory): Refusal | null {
  const d = subject.drafter;
  switch (subject.scope) {
    case GoalScope.PROJECT:
    case GoalScope.TRANSFER_PROJECT: {
      const unit = subject.unit;
      if (!unit) return missing('项目实施单位', 'the implementing unit');
      if (subject.scope === GoalScope.TRANSFER_PROJECT) {
        const fund = fundParties(subject, dir);
        if ('ok' in fund) return fund;
      }
      // P2 "or its department": the unit's supervising department or the project's own department.
      return d.id === unit.id ||
        (unit.supervisingDepartmentId !== null && d.id === unit.supervisingDepartmentId) ||
        (subject.projectDepartmentId != null && d.id === subject.projectDepartmentId)
        ? null
        : forbidden(
            'P2',
            msg(
              '项目绩效目标由申请和使用资金的单位或其主管部门编制（谁使用资金、谁编制目标）',
              'A project goal is drafted by the unit that applies for and uses the money, or its department (P2)',
            ),
          );
    }
    case GoalScope.DEPARTMENT: {
      const dept = subject.department;
      if (!dept) return missing('部门', 'the department');
      // 003 第十二条(二) 编制部门和单位整体绩效目标: a department, or a subordinate unit (所属单位: an
      // implementing unit with a supervising department) for its own unit-wide goal.
      const own =
        dept.kind === OrganizationKind.COMPETENT_DEPARTMENT ||
        (dept.kind === OrganizationKind.IMPLEMENTING_UNIT && dept.supervisingDepartmentId !== null);
      return own && d.id === dept.id
        ? null
        : forbidden(
            'P2',
            msg(
              '部门（单位）整体绩效目标由该部门或其所属单位自行编制',
              'A department-wide (unit-wide) goal is drafted by the department, or its subordinate unit, itself (P2)',
            ),
          );
    }
    case GoalScope.TRANSFER_OVERALL:
    case GoalScope.TRANSFER_REGIONAL: {
      const fund = fundParties(subject, dir);
      if ('ok' in fund) return fund;
      if (subject.scope === GoalScope.TRANSFER_REGIONAL && !subject.decomposition) {
        return missing('分解方式', 'the decomposition mode');
      }
      if (
        subject.decomposition === DecompositionMode.BOTTOM_UP &&
        subject.scope === GoalScope.TRANSFER_REGIONAL
      ) {
        const counterpart = counterpartIn(subject.region.id, fund.department, dir);
        return counterpart && d.id === counterpart.id
          ? null
          : forbidden(
              'P1',
              msg(
                '自下而上的分区域绩效目标由该区域的对口业务主管部门会同同级财政部门编报',
                "A bottom-up regional goal is drafted by the region's counterpart department with its finance (P1)",
              ),
            );
      }
      return d.id === fund.department.id
        ? null
        : forbidden(
            'P1',
            msg(
              '整体绩效目标及其自上而下的分解只能由资金的业务主管部门设定（谁分配预算、谁设定目标）',
              "Only the fund's competent department sets the overall goal and decomposes it top-down (P1)",
            ),
          );
    }
  }
}
