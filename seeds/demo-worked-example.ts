import { DecompositionMode, GoalScope, WorkflowAction } from '../src/goals/goal.enums';
import {
  Aggregation,
  Comparator,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
} from '../src/goals/indicator.enums';
import type { FundSpec, GoalSpec, IndicatorSpec, ProjectSpec, StepSpec } from './demo-goal-types';

/**
 * DOMAIN §11 worked example: 农村公路提档升级专项资金 of 张店区交通运输局, 2025, factor method, 1,000万元
 * allocated 600万元 to township A (车站街道) and 400万元 to township B (公园街道), with its overall goal
 * and the two regional goals decomposed top-down (003 转移支付 第十五条(一)), all issued.
 */
export const WORKED_EXAMPLE = {
  fund: 'rural-roads-2025',
  overallGoal: 'rural-roads-2025-overall',
  townshipA: { code: '370303001', name: '车站街道', amount: '6000000.00', goal: 'rural-roads-2025-a' },
  townshipB: { code: '370303002', name: '公园街道', amount: '4000000.00', goal: 'rural-roads-2025-b' },
} as const;

/** The five indicators of the §11 table: name, category/subcategory, unit, ≥ target, aggregation, points. */
const rows: [
  IndicatorCategory,
  IndicatorSubcategory,
  string,
  string,
  Aggregation,
  string,
  { overall: string; a: string; b: string },
][] = [
  [
    IndicatorCategory.OUTPUT,
    IndicatorSubcategory.QUANTITY,
    '新改建农村公路里程',
    'km',
    Aggregation.SUM,
    '20',
    { overall: '50', a: '30', b: '20' },
  ],
  [
    IndicatorCategory.OUTPUT,
    IndicatorSubcategory.QUALITY,
    '工程验收合格率',
    '%',
    Aggregation.FUND_WEIGHTED_AVERAGE,
    '15',
    { overall: '95', a: '95', b: '95' },
  ],
  [
    IndicatorCategory.OUTPUT,
    IndicatorSubcategory.TIMELINESS,
    '当年完工率',
    '%',
    Aggregation.FUND_WEIGHTED_AVERAGE,
    '15',
    { overall: '90', a: '90', b: '90' },
  ],
  [
    IndicatorCategory.BENEFIT,
    IndicatorSubcategory.SOCIAL,
    '受益群众人数',
    '人',
    Aggregation.SUM,
    '30',
    { overall: '20000', a: '12000', b: '8000' },
  ],
  [
    IndicatorCategory.SATISFACTION,
    IndicatorSubcategory.SERVICE_RECIPIENT,
    '群众满意度',
    '%',
    Aggregation.FUND_WEIGHTED_AVERAGE,
    '10',
    { overall: '90', a: '90', b: '90' },
  ],
];

/**
 * The indicators at one level. Overall: the table's targets and aggregations. Regional and project
 * goals link each indicator to the same position of their parent (DOMAIN §5) and keep the aggregation,
 * so the projects under a region combine the same way.
 */
function indicators(level: 'overall' | 'a' | 'b', linked: boolean): IndicatorSpec[] {
  return rows.map(([category, subcategory, name, unit, aggregation, points, targets], position) => ({
    category,
    subcategory,
    name,
    kind: IndicatorKind.QUANTITATIVE,
    unit,
    comparator: Comparator.GTE,
    target: targets[level],
    points,
    aggregation,
    parent: linked ? position : null,
  }));
}

export const workedExampleFunds: FundSpec[] = [
  {
    key: WORKED_EXAMPLE.fund,
    name: '农村公路提档升级专项资金',
    owner: 'transport.zhangdian',
    budgetBook: 'GENERAL_PUBLIC',
    category: 'SPECIAL_TRANSFER',
    method: 'FACTOR',
    startYear: 2025,
    endYear: 2025,
    upperLevelAmount: '0.00',
    ownLevelAmount: '10000000.00',
    lowerLevelAmount: '0.00',
    isEmergency: false,
    on: '2025-01-06',
    allocations: [
      { region: WORKED_EXAMPLE.townshipA.code, amount: WORKED_EXAMPLE.townshipA.amount },
      { region: WORKED_EXAMPLE.townshipB.code, amount: WORKED_EXAMPLE.townshipB.amount },
    ],
  },
];

/** One project per township under its regional goal (分项目绩效目标, drafted by the unit, P2). */
export const workedExampleProjects: ProjectSpec[] = [
  {
    key: 'rural-roads-2025-a-works',
    name: '车站街道农村公路提档升级工程',
    unit: 'unit.chezhan',
    fund: WORKED_EXAMPLE.fund,
    year: 2025,
    fiscalAmount: WORKED_EXAMPLE.townshipA.amount,
    otherAmount: '0.00',
    isNew: true,
    on: '2025-02-10',
  },
  {
    key: 'rural-roads-2025-b-works',
    name: '公园街道农村公路提档升级工程',
    unit: 'unit.gongyuan',
    fund: WORKED_EXAMPLE.fund,
    year: 2025,
    fiscalAmount: WORKED_EXAMPLE.townshipB.amount,
    otherAmount: '0.00',
    isNew: true,
    on: '2025-02-12',
  },
];

const { SUBMIT, APPROVE, ISSUE } = WorkflowAction;

/** Overall → finance at 张店区 (DOMAIN §7 table): one step, then 批复下达. */
const districtChain = (submitted: string, approved: string, issued: string): StepSpec[] => [
  { action: SUBMIT, by: 'transport.zhangdian', on: submitted },
  { action: APPROVE, by: 'finance.zhangdian', on: approved, comment: '目标设置合理，与资金规模匹配，同意。' },
  { action: ISSUE, by: 'finance.zhangdian', on: issued },
];

const regional = (
  township: (typeof WORKED_EXAMPLE)['townshipA'] | (typeof WORKED_EXAMPLE)['townshipB'],
  level: 'a' | 'b',
  km: string,
  people: string,
): GoalSpec => ({
  key: township.goal,
  scope: GoalScope.TRANSFER_REGIONAL,
  year: 2025,
  name: `农村公路提档升级专项资金${township.name}区域绩效目标`,
  drafter: 'transport.zhangdian',
  fund: WORKED_EXAMPLE.fund,
  region: township.code,
  decomposition: DecompositionMode.TOP_DOWN,
  parent: WORKED_EXAMPLE.overallGoal,
  implementationPeriodObjective: null,
  annualObjective: `${township.name}2025年新改建农村公路${km}公里，工程验收合格率不低于95%，当年完工率不低于90%，惠及群众${people}人。`,
  annualAmount: township.amount,
  fiscalAmount: township.amount,
  otherAmount: '0.00',
  on: '2025-01-08',
  indicators: indicators(level, true),
  steps: districtChain('2025-01-10', '2025-01-15', '2025-01-20'),
});

const projectGoal = (
  key: string,
  project: string,
  unit: string,
  parent: string,
  level: 'a' | 'b',
  amount: string,
  name: string,
): Omit<GoalSpec, 'steps'> => ({
  key,
  scope: GoalScope.TRANSFER_PROJECT,
  year: 2025,
  name,
  drafter: unit,
  project,
  fund: WORKED_EXAMPLE.fund,
  parent,
  implementationPeriodObjective: null,
  annualObjective: `${name.replace('绩效目标', '')}：按区域目标完成提档升级任务，年底前完工并通过验收。`,
  annualAmount: amount,
  fiscalAmount: amount,
  otherAmount: '0.00',
  on: level === 'a' ? '2025-02-11' : '2025-02-13',
  indicators: indicators(level, true),
});

export const workedExampleGoals: GoalSpec[] = [
  {
    key: WORKED_EXAMPLE.overallGoal,
    scope: GoalScope.TRANSFER_OVERALL,
    year: 2025,
    name: '农村公路提档升级专项资金整体绩效目标',
    drafter: 'transport.zhangdian',
    fund: WORKED_EXAMPLE.fund,
    implementationPeriodObjective:
      '完成全区农村公路提档升级，改善农村群众出行条件，提升农村公路通行能力和服务水平。',
    annualObjective:
      '2025年新改建农村公路50公里以上，工程验收合格率不低于95%，当年完工率不低于90%，受益群众2万人以上，群众满意度不低于90%。',
    annualAmount: '10000000.00',
    fiscalAmount: '10000000.00',
    otherAmount: '0.00',
    on: '2025-01-08',
    indicators: indicators('overall', false),
    steps: districtChain('2025-01-10', '2025-01-15', '2025-01-20'),
  },
  regional(WORKED_EXAMPLE.townshipA, 'a', '30', '12000'),
  regional(WORKED_EXAMPLE.townshipB, 'b', '20', '8000'),
  {
    // 分项目绩效目标 of township A: its whole chain (003 转移支付 第十五条(三)), issued.
    ...projectGoal(
      'rural-roads-2025-a-works',
      'rural-roads-2025-a-works',
      'unit.chezhan',
      WORKED_EXAMPLE.townshipA.goal,
      'a',
      WORKED_EXAMPLE.townshipA.amount,
      '车站街道农村公路提档升级工程绩效目标',
    ),
    steps: [
      { action: SUBMIT, by: 'unit.chezhan', on: '2025-02-14' },
      { action: APPROVE, by: 'transport.chezhan', on: '2025-02-17' },
      { action: APPROVE, by: 'finance.chezhan', on: '2025-02-19' },
      { action: APPROVE, by: 'transport.zhangdian', on: '2025-02-24' },
      { action: APPROVE, by: 'finance.zhangdian', on: '2025-02-27', comment: '同意。' },
      { action: ISSUE, by: 'finance.zhangdian', on: '2025-03-03' },
    ],
  },
  {
    // Township B's project goal waits at step 3 of 4 for the fund's department (transport.zhangdian).
    ...projectGoal(
      'rural-roads-2025-b-works',
      'rural-roads-2025-b-works',
      'unit.gongyuan',
      WORKED_EXAMPLE.townshipB.goal,
      'b',
      WORKED_EXAMPLE.townshipB.amount,
      '公园街道农村公路提档升级工程绩效目标',
    ),
    steps: [
      { action: SUBMIT, by: 'unit.gongyuan', on: '2025-02-18' },
      { action: APPROVE, by: 'transport.gongyuan', on: '2025-02-20' },
      { action: APPROVE, by: 'finance.gongyuan', on: '2025-02-25' },
    ],
  },
];
