import { registerEnumType } from 'type-graphql';

/**
 * 004 二(二)3: the six aspects a department's yearly overall goal covers — 运行成本、管理效率、履职效能、
 * 社会效应、可持续发展能力和服务对象满意度. Finance files each 共性 indicator under one of them.
 */
export enum DepartmentDimension {
  OPERATING_COST = 'OPERATING_COST',
  MANAGEMENT_EFFICIENCY = 'MANAGEMENT_EFFICIENCY',
  DUTY_EFFECTIVENESS = 'DUTY_EFFECTIVENESS',
  SOCIAL_EFFECT = 'SOCIAL_EFFECT',
  SUSTAINABILITY = 'SUSTAINABILITY',
  SERVICE_SATISFACTION = 'SERVICE_SATISFACTION',
}

/**
 * Where a 共性 indicator's actual comes from: typed by the department (ENTERED), or computed from the money
 * the system holds (BUDGET_EXECUTION_RATE = 执行数 ÷ 全年预算数, DOMAIN §10.8; FUND_ARRIVAL_RATE = 到位数 ÷
 * 全年预算数, DOMAIN §4) — computed, never typed.
 */
export enum CommonIndicatorSource {
  ENTERED = 'ENTERED',
  BUDGET_EXECUTION_RATE = 'BUDGET_EXECUTION_RATE',
  FUND_ARRIVAL_RATE = 'FUND_ARRIVAL_RATE',
}

export const dimensionNames: Record<DepartmentDimension, string> = {
  OPERATING_COST: '运行成本',
  MANAGEMENT_EFFICIENCY: '管理效率',
  DUTY_EFFECTIVENESS: '履职效能',
  SOCIAL_EFFECT: '社会效应',
  SUSTAINABILITY: '可持续发展能力',
  SERVICE_SATISFACTION: '服务对象满意度',
};

registerEnumType(DepartmentDimension, {
  name: 'DepartmentDimension',
  description: '部门整体绩效维度 — the aspects of a department-wide goal (004 二(二)3)',
  valuesConfig: {
    OPERATING_COST: { description: '运行成本 — running cost' },
    MANAGEMENT_EFFICIENCY: { description: '管理效率 — management efficiency' },
    DUTY_EFFECTIVENESS: { description: '履职效能 — effectiveness in performing duties' },
    SOCIAL_EFFECT: { description: '社会效应 — social effect' },
    SUSTAINABILITY: { description: '可持续发展能力 — capacity for sustainable development' },
    SERVICE_SATISFACTION: { description: '服务对象满意度 — satisfaction of those served' },
  },
});

registerEnumType(CommonIndicatorSource, {
  name: 'CommonIndicatorSource',
  description: '共性指标取值来源 — whether the actual is entered or computed from recorded money',
  valuesConfig: {
    ENTERED: { description: '填报 — entered by the department' },
    BUDGET_EXECUTION_RATE: { description: '预算执行率 — 执行数 ÷ 全年预算数, computed (DOMAIN §10.8)' },
    FUND_ARRIVAL_RATE: { description: '资金到位率 — 到位数 ÷ 全年预算数, computed (DOMAIN §4)' },
  },
});
