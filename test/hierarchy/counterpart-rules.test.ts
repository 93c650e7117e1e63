/**
 * Issue 9 item 5, the pure rules: which lower-level department answers for an upper department's funds
 * (对口部门) is the explicit mapping, never a sector (DOMAIN §3; 003 转移支付 第六–八条), for bottom-up
 * regional goals (DOMAIN §7; 003 转移支付 第十五条(二)) and transfer-project chains (第十五条(三)). On the old
 * code the counterpart was the same-sector department of S, so the cross-sector and shared-sector cases
 * below fail there.
 */
import { DecompositionMode, GoalScope, ReviewRole } from '../../src/goals/goal.enums';
import {
  buildReviewChain,
  checkDrafter,
  directoryOf,
  type ChainSubject,
  type OrgRef,
  type RegionRef,
} from '../../src/goals/rules/review-chain';
import { OrganizationKind, Sector } from '../../src/hierarchy/hierarchy.enums';

const region = (path: string): RegionRef => ({ id: path.split('/').filter(Boolean).pop() as string, path });
const D = region('/c/d/');
const A = region('/c/d/a/');
const org = (id: string, kind: OrganizationKind, r: RegionRef, sector: Sector | null = null): OrgRef => ({
  id,
  kind,
  regionId: r.id,
  sector,
  supervisingDepartmentId: null,
});
const { FINANCE_BUREAU: FIN, COMPETENT_DEPARTMENT: DEPT, IMPLEMENTING_UNIT: UNIT } = OrganizationKind;

// 张店区: 交通运输局 and 城市管理局 share TRANSPORT; 教育局. 车站街道: 建设办公室 (TRANSPORT) answers for
// both transport-sector bureaus; 综合办公室 (OTHER) answers for 教育局; 交通办公室 (TRANSPORT) for none.
const finD = org('finD', FIN, D);
const finA = org('finA', FIN, A);
const transD = org('transD', DEPT, D, Sector.TRANSPORT);
const urbanD = org('urbanD', DEPT, D, Sector.TRANSPORT);
const eduD = org('eduD', DEPT, D, Sector.EDUCATION);
const buildA = org('buildA', DEPT, A, Sector.TRANSPORT);
const generalA = org('generalA', DEPT, A, Sector.OTHER);
const trafficA = org('trafficA', DEPT, A, Sector.TRANSPORT);
const loneUnitA = org('loneUnitA', UNIT, A, Sector.TRANSPORT);
const dir = directoryOf(
  [finD, finA, transD, urbanD, eduD, buildA, generalA, trafficA, loneUnitA],
  [
    { upperId: 'transD', regionId: A.id, counterpartId: 'buildA' },
    { upperId: 'urbanD', regionId: A.id, counterpartId: 'buildA' },
    { upperId: 'eduD', regionId: A.id, counterpartId: 'generalA' },
  ],
);

const bottomUp = (fundDept: string, drafter: OrgRef): ChainSubject => ({
  scope: GoalScope.TRANSFER_REGIONAL,
  region: A,
  drafter,
  fund: { departmentId: fundDept, region: D },
  decomposition: DecompositionMode.BOTTOM_UP,
});

describe('bottom-up regional goals are drafted by the mapped counterpart (DOMAIN §3, §7; P1)', () => {
  test.each([
    ['one township office answers for two district departments of one sector (1)', 'transD', buildA],
    ['one township office answers for two district departments of one sector (2)', 'urbanD', buildA],
    ['a mapped office of another sector', 'eduD', generalA],
  ])('%s → allowed', (_case, fundDept, drafter) =>
    expect(checkDrafter(bottomUp(fundDept, drafter), dir)).toBeNull(),
  );

  test.each([
    ['an unmapped office sharing the fund department’s sector', 'transD', trafficA],
    ['the office mapped for another department', 'eduD', buildA],
  ])('%s → FORBIDDEN P1', (_case, fundDept, drafter) =>
    expect(checkDrafter(bottomUp(fundDept, drafter), dir)).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P1',
    }),
  );

  test('no mapping at all: nobody in S drafts bottom-up (the chain has no counterpart)', () => {
    const none = directoryOf([finD, finA, transD, buildA]);
    expect(checkDrafter(bottomUp('transD', buildA), none)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('transfer-project chains use the mapping or the project department (DOMAIN §7; 003 转移支付 第十五条(三))', () => {
  const project = (fundDept: string, projectDepartmentId: string | null): ChainSubject => ({
    scope: GoalScope.TRANSFER_PROJECT,
    region: A,
    drafter: loneUnitA,
    unit: loneUnitA,
    projectDepartmentId,
    fund: { departmentId: fundDept, region: D },
  });
  const orgsOf = (s: ChainSubject) => {
    const r = buildReviewChain(s, dir);
    if (!('steps' in r)) throw new Error(JSON.stringify(r));
    return r.steps.map((x) => [x.organizationId, x.role]);
  };

  test('a unit without a supervisor: S’s counterpart of the fund’s department (not the first same-sector office)', () =>
    expect(orgsOf(project('eduD', null))).toEqual([
      ['generalA', ReviewRole.SUPERVISING_DEPARTMENT],
      ['finA', ReviewRole.LOWER_FINANCE],
      ['eduD', ReviewRole.FUND_DEPARTMENT],
      ['finD', ReviewRole.BUDGET_FINANCE],
    ]));

  test('the project’s own department comes before any mapping', () =>
    expect(orgsOf(project('eduD', 'trafficA'))[0]).toEqual(['trafficA', ReviewRole.SUPERVISING_DEPARTMENT]));
});

describe('own-level project run by the department itself (DOMAIN §7; 002 第十六条)', () => {
  test('the department drafts; its own step is left out, so finance at its region is the only reviewer', () => {
    const subject: ChainSubject = {
      scope: GoalScope.PROJECT,
      region: D,
      drafter: transD,
      unit: transD,
      projectDepartmentId: 'transD',
    };
    expect(checkDrafter(subject, dir)).toBeNull();
    const r = buildReviewChain(subject, dir);
    expect('steps' in r && r.steps.map((x) => [x.organizationId, x.role, x.final])).toEqual([
      ['finD', ReviewRole.BUDGET_FINANCE, true],
    ]);
    // P2: another department of the same sector is not its drafter.
    expect(checkDrafter({ ...subject, drafter: urbanD }, dir)).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P2',
    });
  });
});
