import { registerEnumType } from 'type-graphql';

/** 四本预算 — the four budget books (004 一3; 003 第二条; DOMAIN §4). */
export enum BudgetBook {
  GENERAL_PUBLIC = 'GENERAL_PUBLIC',
  GOVERNMENT_FUND = 'GOVERNMENT_FUND',
  STATE_CAPITAL = 'STATE_CAPITAL',
  SOCIAL_INSURANCE = 'SOCIAL_INSURANCE',
}

/**
 * 转移支付类别 — the two kinds of transfer payment the transfer measures cover (003 转移支付 第二条:
 * "共同财政事权分类分档转移支付和专项转移支付"; 002 第十条(二): "共同财政事权和专项转移支付").
 */
export enum FundCategory {
  SHARED_FISCAL_AUTHORITY = 'SHARED_FISCAL_AUTHORITY',
  SPECIAL_TRANSFER = 'SPECIAL_TRANSFER',
}

/** 资金分配方式 (附件2 备注: "资金分配方式包括因素法、项目法等"; DOMAIN §2). */
export enum AllocationMethod {
  FACTOR = 'FACTOR',
  PROJECT = 'PROJECT',
}

/**
 * 项目库状态 — where a project stands in the project library (DOMAIN §2, §6). Entry is gated by the
 * ex-ante assessment (003 第九条, 转移支付 第十一条) and by a goal (003 第十二条(一): 绩效目标…作为申请预算和
 * 项目入库的前置条件). Nothing is deleted (DOMAIN §15): a project leaves the library as REMOVED.
 */
export enum ProjectLibraryStatus {
  CANDIDATE = 'CANDIDATE',
  IN_LIBRARY = 'IN_LIBRARY',
  REJECTED = 'REJECTED',
  REMOVED = 'REMOVED',
}

export const budgetBookNames: Record<BudgetBook, string> = {
  GENERAL_PUBLIC: '一般公共预算',
  GOVERNMENT_FUND: '政府性基金预算',
  STATE_CAPITAL: '国有资本经营预算',
  SOCIAL_INSURANCE: '社会保险基金预算',
};

export const fundCategoryNames: Record<FundCategory, string> = {
  SHARED_FISCAL_AUTHORITY: '共同财政事权转移支付',
  SPECIAL_TRANSFER: '专项转移支付',
};

export const allocationMethodNames: Record<AllocationMethod, string> = {
  FACTOR: '因素法',
  PROJECT: '项目法',
};

registerEnumType(BudgetBook, {
  name: 'BudgetBook',
  description: '预算类别（四本预算） — the budget book money comes from (004 一3)',
  valuesConfig: {
    GENERAL_PUBLIC: { description: '一般公共预算 — general public budget' },
    GOVERNMENT_FUND: { description: '政府性基金预算 — government-managed fund budget' },
    STATE_CAPITAL: { description: '国有资本经营预算 — state capital operations budget' },
    SOCIAL_INSURANCE: { description: '社会保险基金预算 — social insurance fund budget' },
  },
});

registerEnumType(FundCategory, {
  name: 'FundCategory',
  description: '转移支付类别 — category of a transfer payment (003 转移支付 第二条)',
  valuesConfig: {
    SHARED_FISCAL_AUTHORITY: {
      description:
        '共同财政事权转移支付（共同财政事权分类分档转移支付） — transfer for expenditure responsibilities shared between levels',
    },
    SPECIAL_TRANSFER: { description: '专项转移支付 — special-purpose (earmarked) transfer' },
  },
});

registerEnumType(AllocationMethod, {
  name: 'AllocationMethod',
  description: '资金分配方式 — how a fund is distributed to the level below (附件2)',
  valuesConfig: {
    FACTOR: { description: '因素法 — by formula over the receiving regions (→ 分区域绩效目标)' },
    PROJECT: { description: '项目法 — by selected projects (→ 分项目绩效目标)' },
  },
});

registerEnumType(ProjectLibraryStatus, {
  name: 'ProjectLibraryStatus',
  description: '项目库状态 — where a project stands in the project library',
  valuesConfig: {
    CANDIDATE: { description: '待入库 — applied for entry; waiting for its assessment, goal or review' },
    IN_LIBRARY: { description: '已入库 — in the library, eligible for budget' },
    REJECTED: { description: '未予入库 — refused entry (e.g. assessment graded 差)' },
    REMOVED: { description: '已出库 — taken out of the library (cancelled or finished); kept for history' },
  },
});

/** 项目操作 — the actions on a project (DOMAIN §5–6 project library), for `availableActions`. */
export enum ProjectAction {
  EDIT = 'EDIT',
  ENTER_LIBRARY = 'ENTER_LIBRARY',
}

/** 专项资金操作 — the actions on a fund and its allocations (DOMAIN §4), for `availableActions`. */
export enum FundAction {
  EDIT = 'EDIT',
  SET_ALLOCATIONS = 'SET_ALLOCATIONS',
}

registerEnumType(ProjectAction, {
  name: 'ProjectAction',
  description: '项目操作 — an action on a project (DOMAIN §5–6)',
  valuesConfig: {
    EDIT: { description: '修改 — change the project (its implementing unit or department, P2)' },
    ENTER_LIBRARY: {
      description:
        '纳入项目库 — enter the project library (its department or finance at its region or above; goal and ex-ante gate, DOMAIN §5–6)',
    },
  },
});
registerEnumType(FundAction, {
  name: 'FundAction',
  description: '专项资金操作 — an action on a transfer fund (DOMAIN §4)',
  valuesConfig: {
    EDIT: { description: '修改 — change the fund (its own competent department, P1)' },
    SET_ALLOCATIONS: {
      description: '设置资金分配 — replace its allocations (its own competent department, P1)',
    },
  },
});
