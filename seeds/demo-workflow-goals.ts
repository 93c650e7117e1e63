import { GoalScope, WorkflowAction } from '../src/goals/goal.enums';
import {
  type Aggregation,
  Comparator,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
} from '../src/goals/indicator.enums';
import type { GoalSpec, IndicatorSpec, ProjectSpec } from './demo-goal-types';

/**
 * Goals in every workflow state (DOMAIN §7; with seeds/demo-department-goals.ts), each waiting for a demo account to act next — see
 * docs/demo.md for the click-through list.
 */
export const WORKFLOW_DEMO = {
  draft: 'pavement-repair-2025',
  submitted: 'sidewalk-renewal-2025',
  inReview: 'maintenance-machinery-2025',
  approved: 'agri-department-2025',
  returned: 'street-lighting-2025',
  superseded: 'transport-department-2025',
  adjusted: 'transport-department-2025-v2',
  filed: 'flood-repair-2025-overall',
  emergencyFund: 'flood-repair-2025',
} as const;

const { SUBMIT, APPROVE, RETURN } = WorkflowAction;
const { OUTPUT, BENEFIT, SATISFACTION } = IndicatorCategory;
const S = IndicatorSubcategory;

/** A quantitative indicator: ≥ target unless another comparator is given. */
export function q(
  category: IndicatorCategory,
  subcategory: IndicatorSubcategory,
  name: string,
  unit: string,
  target: string,
  points: string,
  comparator: Comparator = Comparator.GTE,
  aggregation: Aggregation | null = null,
): IndicatorSpec {
  const kind = IndicatorKind.QUANTITATIVE;
  return { category, subcategory, name, kind, unit, comparator, target, points, aggregation, parent: null };
}

/** A qualitative indicator (定性, judged in tiers, DOMAIN §10). */
export function ql(
  category: IndicatorCategory,
  subcategory: IndicatorSubcategory,
  name: string,
  target: string,
  points: string,
): IndicatorSpec {
  const kind = IndicatorKind.QUALITATIVE;
  return {
    category,
    subcategory,
    name,
    kind,
    unit: null,
    comparator: null,
    target,
    points,
    aggregation: null,
    parent: null,
  };
}

const project = (key: string, name: string, unit: string, fiscal: string, other: string, on: string) => ({
  key,
  name,
  unit,
  fund: null,
  year: 2025,
  fiscalAmount: fiscal,
  otherAmount: other,
  isNew: true,
  on,
});

export const workflowProjects: ProjectSpec[] = [
  project(
    WORKFLOW_DEMO.draft,
    '车站街道背街小巷路面修复项目',
    'unit.chezhan',
    '850000.00',
    '0.00',
    '2025-03-03',
  ),
  project(
    WORKFLOW_DEMO.submitted,
    '公园街道人行道改造项目',
    'unit.gongyuan',
    '1200000.00',
    '0.00',
    '2025-03-05',
  ),
  project(
    WORKFLOW_DEMO.inReview,
    '张店区公路养护机械购置项目',
    'unit.zhangdian',
    '3000000.00',
    '200000.00',
    '2025-03-06',
  ),
  project(
    WORKFLOW_DEMO.returned,
    '车站街道路灯节能改造项目',
    'unit.chezhan',
    '460000.00',
    '0.00',
    '2025-03-10',
  ),
];

/** An own-level project goal (附件1): the unit drafts it (P2). */
const projectGoal = (
  key: string,
  name: string,
  unit: string,
  amounts: [string, string, string],
  on: string,
  objective: string,
  indicators: IndicatorSpec[],
  steps: GoalSpec['steps'],
): GoalSpec => ({
  key,
  scope: GoalScope.PROJECT,
  year: 2025,
  name: `${name}绩效目标`,
  drafter: unit,
  project: key,
  implementationPeriodObjective: objective,
  annualObjective: `2025年${objective}`,
  annualAmount: amounts[0],
  fiscalAmount: amounts[1],
  otherAmount: amounts[2],
  on,
  indicators,
  steps,
});

export const workflowGoals: GoalSpec[] = [
  projectGoal(
    WORKFLOW_DEMO.draft,
    '车站街道背街小巷路面修复项目',
    'unit.chezhan',
    ['850000.00', '850000.00', '0.00'],
    '2025-03-04',
    '修复背街小巷破损路面，消除通行安全隐患。',
    [
      q(OUTPUT, S.QUANTITY, '修复路面面积', '平方米', '12000', '25'),
      q(OUTPUT, S.QUALITY, '修复工程验收合格率', '%', '100', '25'),
      ql(BENEFIT, S.SOCIAL, '居民通行条件', '明显改善，无积水坑洼', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '沿线居民满意度', '%', '90', '10'),
    ],
    [],
  ),
  projectGoal(
    WORKFLOW_DEMO.submitted,
    '公园街道人行道改造项目',
    'unit.gongyuan',
    ['1200000.00', '1200000.00', '0.00'],
    '2025-03-06',
    '改造老旧人行道，完善无障碍设施。',
    [
      q(OUTPUT, S.QUANTITY, '改造人行道长度', 'km', '6.5', '20'),
      q(OUTPUT, S.COST, '每公里改造成本', '万元', '18', '15', Comparator.LTE),
      q(OUTPUT, S.TIMELINESS, '完工时间', '月', '10', '15', Comparator.LTE),
      ql(BENEFIT, S.SOCIAL, '无障碍通行条件', '主要路段实现无障碍通行', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '居民满意度', '%', '90', '10'),
    ],
    [{ action: SUBMIT, by: 'unit.gongyuan', on: '2025-03-12' }],
  ),
  projectGoal(
    WORKFLOW_DEMO.inReview,
    '张店区公路养护机械购置项目',
    'unit.zhangdian',
    ['3200000.00', '3000000.00', '200000.00'],
    '2025-03-07',
    '购置公路养护机械设备，提高机械化养护水平。',
    [
      q(OUTPUT, S.QUANTITY, '购置养护机械数量', '台（套）', '12', '20'),
      q(OUTPUT, S.QUALITY, '设备验收合格率', '%', '100', '15'),
      q(OUTPUT, S.COST, '采购成本节约率', '%', '3', '15'),
      q(BENEFIT, S.ECONOMIC, '机械化养护率提高', '百分点', '10', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '养护一线职工满意度', '%', '90', '10'),
    ],
    [
      { action: SUBMIT, by: 'unit.zhangdian', on: '2025-03-13' },
      {
        action: APPROVE,
        by: 'transport.zhangdian',
        on: '2025-03-18',
        comment: '符合行业养护规划，同意报财政审核。',
      },
    ],
  ),
  projectGoal(
    WORKFLOW_DEMO.returned,
    '车站街道路灯节能改造项目',
    'unit.chezhan',
    ['460000.00', '460000.00', '0.00'],
    '2025-03-11',
    '将辖区传统路灯更换为LED节能路灯，降低公共照明能耗。',
    [
      q(OUTPUT, S.QUANTITY, '更换节能路灯数量', '盏', '800', '20'),
      q(OUTPUT, S.QUALITY, '路灯亮灯率', '%', '98', '15'),
      q(OUTPUT, S.TIMELINESS, '改造完成时间', '月', '9', '15', Comparator.LTE),
      q(BENEFIT, S.ECOLOGICAL, '年节约用电量', '万千瓦时', '35', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '居民满意度', '%', '90', '10'),
    ],
    [
      { action: SUBMIT, by: 'unit.chezhan', on: '2025-03-14' },
      { action: APPROVE, by: 'transport.chezhan', on: '2025-03-17' },
      {
        action: RETURN,
        by: 'finance.chezhan',
        on: '2025-03-20',
        comment: '“年节约用电量”缺少测算依据，请补充测算过程并核实年度金额后重新提交。',
      },
    ],
  ),
];
