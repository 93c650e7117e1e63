import { registerEnumType } from 'type-graphql';

/** 一级指标 — the category of an indicator (DOMAIN §5; 002 第八条, 附件1–3, 附件6). */
export enum IndicatorCategory {
  COMMON = 'COMMON',
  OUTPUT = 'OUTPUT',
  BENEFIT = 'BENEFIT',
  SATISFACTION = 'SATISFACTION',
}

/** 二级指标 — the subcategory; each belongs to exactly one category (see `subcategoriesOf`). */
export enum IndicatorSubcategory {
  BUDGET_MANAGEMENT = 'BUDGET_MANAGEMENT',
  QUANTITY = 'QUANTITY',
  QUALITY = 'QUALITY',
  TIMELINESS = 'TIMELINESS',
  COST = 'COST',
  ECONOMIC = 'ECONOMIC',
  SOCIAL = 'SOCIAL',
  ECOLOGICAL = 'ECOLOGICAL',
  SUSTAINABILITY = 'SUSTAINABILITY',
  SERVICE_RECIPIENT = 'SERVICE_RECIPIENT',
  /** 社会公众满意度: named by 002 第八条(三) and 附件7, though absent from DOMAIN §5's table. */
  PUBLIC = 'PUBLIC',
}

/** 定量 / 定性 — a number with unit and comparator, or a described target judged in tiers (DOMAIN §5). */
export enum IndicatorKind {
  QUANTITATIVE = 'QUANTITATIVE',
  QUALITATIVE = 'QUALITATIVE',
}

/** 比较方式 — how an actual value is held against a quantitative target. */
export enum Comparator {
  GTE = 'GTE',
  LTE = 'LTE',
  EQ = 'EQ',
}

/** 汇总方式 — how child indicators combine into their parent indicator (DOMAIN §5, §11). */
export enum Aggregation {
  SUM = 'SUM',
  FUND_WEIGHTED_AVERAGE = 'FUND_WEIGHTED_AVERAGE',
  RATIO_OF_SUMS = 'RATIO_OF_SUMS',
  AVERAGE = 'AVERAGE',
  MIN = 'MIN',
  MAX = 'MAX',
}

/** Chinese names, for messages and descriptions, and the 一级 / 二级 labels printed on the forms (附件1–6). */
export const categoryNames: Record<IndicatorCategory, string> = {
  COMMON: '共性指标',
  OUTPUT: '产出指标',
  BENEFIT: '效益指标',
  SATISFACTION: '满意度指标',
};

export const subcategoryNames: Record<IndicatorSubcategory, string> = {
  BUDGET_MANAGEMENT: '预算管理',
  QUANTITY: '数量指标',
  QUALITY: '质量指标',
  TIMELINESS: '时效指标',
  COST: '成本指标',
  ECONOMIC: '经济效益指标',
  SOCIAL: '社会效益指标',
  ECOLOGICAL: '生态效益指标',
  SUSTAINABILITY: '可持续影响指标',
  SERVICE_RECIPIENT: '服务对象满意度指标',
  PUBLIC: '社会公众满意度指标',
};

export const comparatorSymbols: Record<Comparator, string> = { GTE: '≥', LTE: '≤', EQ: '=' };

registerEnumType(IndicatorCategory, {
  name: 'IndicatorCategory',
  description: '一级指标 — indicator category',
  valuesConfig: {
    COMMON: {
      description: '共性指标 — common indicators (budget management), scored in self-evaluation (附件6)',
    },
    OUTPUT: { description: '产出指标 — outputs: quantity, quality, timeliness, cost' },
    BENEFIT: { description: '效益指标 — benefits: economic, social, ecological, sustainability' },
    SATISFACTION: { description: '满意度指标 — satisfaction of service recipients or the public' },
  },
});

registerEnumType(IndicatorSubcategory, {
  name: 'IndicatorSubcategory',
  description: '二级指标 — indicator subcategory; each belongs to one category',
  valuesConfig: {
    BUDGET_MANAGEMENT: {
      description: '预算管理 — budget management (COMMON): fund arrival rate, budget execution rate',
    },
    QUANTITY: { description: '数量指标 — quantity (OUTPUT)' },
    QUALITY: { description: '质量指标 — quality (OUTPUT)' },
    TIMELINESS: { description: '时效指标 — timeliness (OUTPUT)' },
    COST: { description: '成本指标 — cost (OUTPUT)' },
    ECONOMIC: { description: '经济效益指标 — economic benefit (BENEFIT)' },
    SOCIAL: { description: '社会效益指标 — social benefit (BENEFIT)' },
    ECOLOGICAL: { description: '生态效益指标 — ecological benefit (BENEFIT)' },
    SUSTAINABILITY: { description: '可持续影响指标 — sustainable impact (BENEFIT)' },
    SERVICE_RECIPIENT: {
      description: '服务对象满意度指标 — satisfaction of service recipients (SATISFACTION)',
    },
    PUBLIC: { description: '社会公众满意度指标 — satisfaction of the public (SATISFACTION; 002 第八条(三))' },
  },
});

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: '指标性质 — quantitative or qualitative indicator',
  valuesConfig: {
    QUANTITATIVE: { description: '定量指标 — a number with a unit and a comparator' },
    QUALITATIVE: { description: '定性指标 — a described target, judged in tiers (达成/部分达成/未达成)' },
  },
});

registerEnumType(Comparator, {
  name: 'Comparator',
  description: '比较方式 — how the actual value is compared with a quantitative target',
  valuesConfig: {
    GTE: { description: '≥ 不低于 — at least the target' },
    LTE: { description: '≤ 不高于 — at most the target' },
    EQ: { description: '= 等于 — exactly the target' },
  },
});

registerEnumType(Aggregation, {
  name: 'Aggregation',
  description: '汇总方式 — how child goals’ indicators combine into the parent indicator',
  valuesConfig: {
    SUM: { description: '求和 — sum (counts, lengths, money)' },
    FUND_WEIGHTED_AVERAGE: {
      description:
        '按资金加权平均 — average weighted by each child goal’s annual amount (rates, percentages)',
    },
    RATIO_OF_SUMS: {
      description: '分子分母分别求和后相除 — Σnumerators ÷ Σdenominators (e.g. 验收合格数 ÷ 验收总数)',
    },
    AVERAGE: { description: '简单平均 — unweighted mean' },
    MIN: { description: '最小值 — the smallest child value' },
    MAX: { description: '最大值 — the largest child value' },
  },
});
