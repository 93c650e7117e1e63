import { FilingBasis, GoalScope, WorkflowAction } from '../src/goals/goal.enums';
import { Comparator, IndicatorCategory, IndicatorSubcategory } from '../src/goals/indicator.enums';
import type { FundSpec, GoalSpec, IndicatorSpec } from './demo-goal-types';
import { q, ql, WORKFLOW_DEMO } from './demo-workflow-goals';

/*
 * Demo goals of departments and of an emergency fund (DOMAIN §7): APPROVED waiting to be issued, an
 * adjusted goal (version 1 SUPERSEDED, version 2 ISSUED) and a goal FILED_FOR_RECORD.
 */
const { SUBMIT, APPROVE, ISSUE, FILE_FOR_RECORD } = WorkflowAction;
const { OUTPUT, BENEFIT, SATISFACTION } = IndicatorCategory;
const S = IndicatorSubcategory;

export const workflowFunds: FundSpec[] = [
  {
    // 突发公共事件资金: budget issued first, goal filed for record afterwards (002 第十二条).
    key: WORKFLOW_DEMO.emergencyFund,
    name: '农村公路汛期水毁抢修资金',
    owner: 'transport.zhangdian',
    budgetBook: 'GENERAL_PUBLIC',
    category: 'SPECIAL_TRANSFER',
    method: 'FACTOR',
    startYear: 2025,
    endYear: 2025,
    upperLevelAmount: '0.00',
    ownLevelAmount: '800000.00',
    lowerLevelAmount: '0.00',
    isEmergency: true,
    on: '2025-07-28',
    allocations: [],
  },
];

const transportIndicators = (km: string): IndicatorSpec[] => [
  q(OUTPUT, S.QUANTITY, '农村公路养护里程', 'km', km, '20'),
  q(OUTPUT, S.QUALITY, '公路技术状况优良路率', '%', '85', '15'),
  q(OUTPUT, S.TIMELINESS, '重点项目按期完成率', '%', '95', '15'),
  q(BENEFIT, S.SOCIAL, '农村公路通达率', '%', '100', '30', Comparator.EQ),
  q(SATISFACTION, S.SERVICE_RECIPIENT, '群众出行满意度', '%', '90', '10'),
];

const departmentGoal = (key: string, name: string, drafter: string, amount: string, on: string) => ({
  key,
  scope: GoalScope.DEPARTMENT,
  year: 2025,
  name,
  drafter,
  annualAmount: amount,
  fiscalAmount: amount,
  otherAmount: '0.00',
  on,
});

export const departmentAndRecordGoals: GoalSpec[] = [
  {
    ...departmentGoal(
      WORKFLOW_DEMO.approved,
      '张店区农业农村局2025年度部门整体绩效目标',
      'agri.zhangdian',
      '38600000.00',
      '2025-01-13',
    ),
    implementationPeriodObjective: '推进乡村振兴，提升农业综合生产能力和农产品质量安全水平。',
    annualObjective: '2025年建成高标准农田1.2万亩，农产品质量安全抽检合格率不低于98%，农户满意度不低于90%。',
    indicators: [
      q(OUTPUT, S.QUANTITY, '新建高标准农田面积', '亩', '12000', '20'),
      q(OUTPUT, S.QUALITY, '农产品质量安全抽检合格率', '%', '98', '15'),
      q(OUTPUT, S.TIMELINESS, '重点项目按期完成率', '%', '95', '15'),
      q(BENEFIT, S.ECONOMIC, '农村居民人均可支配收入增长率', '%', '6', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '农户满意度', '%', '90', '10'),
    ],
    steps: [
      { action: SUBMIT, by: 'agri.zhangdian', on: '2025-01-16' },
      { action: APPROVE, by: 'finance.zhangdian', on: '2025-01-23', comment: '同意，待随部门预算批复下达。' },
    ],
  },
  {
    ...departmentGoal(
      WORKFLOW_DEMO.superseded,
      '张店区交通运输局2025年度部门整体绩效目标',
      'transport.zhangdian',
      '52000000.00',
      '2025-01-13',
    ),
    implementationPeriodObjective: '建设“四好农村路”，提升公路养护水平和群众出行满意度。',
    annualObjective: '2025年养护农村公路620公里，优良路率不低于85%，群众出行满意度不低于90%。',
    indicators: transportIndicators('620'),
    steps: [
      { action: SUBMIT, by: 'transport.zhangdian', on: '2025-01-16' },
      { action: APPROVE, by: 'finance.zhangdian', on: '2025-01-22' },
      { action: ISSUE, by: 'finance.zhangdian', on: '2025-01-27' },
    ],
  },
  {
    // 绩效目标调整 (002 第十三条): version 2, issued; version 1 becomes SUPERSEDED and stays readable.
    ...departmentGoal(
      WORKFLOW_DEMO.adjusted,
      '张店区交通运输局2025年度部门整体绩效目标',
      'transport.zhangdian',
      '56500000.00',
      '2025-07-01',
    ),
    adjusts: {
      goal: WORKFLOW_DEMO.superseded,
      by: 'transport.zhangdian',
      reason: '年中追加农村公路养护资金450万元，养护里程相应调增至680公里。',
      on: '2025-07-01',
    },
    implementationPeriodObjective: '建设“四好农村路”，提升公路养护水平和群众出行满意度。',
    annualObjective: '2025年养护农村公路680公里，优良路率不低于85%，群众出行满意度不低于90%。',
    indicators: transportIndicators('680'),
    steps: [
      { action: SUBMIT, by: 'transport.zhangdian', on: '2025-07-03' },
      { action: APPROVE, by: 'finance.zhangdian', on: '2025-07-09', comment: '同意调整。' },
      { action: ISSUE, by: 'finance.zhangdian', on: '2025-07-11' },
    ],
  },
  {
    key: WORKFLOW_DEMO.filed,
    scope: GoalScope.TRANSFER_OVERALL,
    year: 2025,
    name: '农村公路汛期水毁抢修资金整体绩效目标',
    drafter: 'transport.zhangdian',
    fund: WORKFLOW_DEMO.emergencyFund,
    filingBasis: FilingBasis.EMERGENCY,
    implementationPeriodObjective: '及时抢修汛期水毁农村公路，尽快恢复通行。',
    annualObjective: '2025年汛期水毁路段全部抢通，抢修工程验收合格率100%。',
    annualAmount: '800000.00',
    fiscalAmount: '800000.00',
    otherAmount: '0.00',
    on: '2025-08-04',
    indicators: [
      q(OUTPUT, S.QUANTITY, '抢修水毁路段', '处', '15', '20'),
      q(OUTPUT, S.QUALITY, '抢修工程验收合格率', '%', '100', '15'),
      q(OUTPUT, S.TIMELINESS, '水毁路段恢复通行时间', '天', '10', '15', Comparator.LTE),
      ql(BENEFIT, S.SOCIAL, '群众出行安全', '水毁路段全部恢复安全通行', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '沿线群众满意度', '%', '90', '10'),
    ],
    steps: [{ action: FILE_FOR_RECORD, by: 'transport.zhangdian', on: '2025-08-05' }],
  },
];
