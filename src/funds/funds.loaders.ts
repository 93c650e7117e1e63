import DataLoader from 'dataloader';
import { byPinyin } from '../common/collation';
import { groupBy } from '../common/collections';
import { registerLoaders } from '../common/request-context';
import type { ScopedAccess } from '../common/scoped-access';
import type { AllocationEntity } from './allocation.entity';
import type { FundEntity } from './fund.entity';
import type { ProjectEntity } from './project.entity';

/**
 * Per-request loaders of funds, allocations and projects (STYLE principle 6): every batch goes through
 * the scoped helper, takes its keys as one array parameter, and answers in key order; a key outside the
 * caller's jurisdiction answers null (or leaves its list), exactly like a missing one.
 */
export function fundsLoaders(scope: ScopedAccess) {
  return {
    fundById: new DataLoader<string, FundEntity | null>(async (ids) => {
      const rows = await (await scope.funds()).andWhere('f.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((f) => [f.id, f]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    projectById: new DataLoader<string, ProjectEntity | null>(async (ids) => {
      const rows = await (await scope.projects()).andWhere('p.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    allocationById: new DataLoader<string, AllocationEntity | null>(async (ids) => {
      const rows = await (await scope.allocations()).andWhere('a.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    allocationsByFundId: new DataLoader<string, AllocationEntity[]>(async (fundIds) => {
      const rows = await (await scope.allocations())
        .andWhere('a.fund_id = ANY(:fundIds)', { fundIds })
        .orderBy('a.region_path')
        .addOrderBy('a.id')
        .getMany();
      const byFund = groupBy(rows, (a) => a.fundId);
      return fundIds.map((id) => byFund.get(id) ?? []);
    }),

    projectsByFundId: new DataLoader<string, ProjectEntity[]>(async (fundIds) => {
      const rows = await (await scope.projects())
        .andWhere('p.fund_id = ANY(:fundIds)', { fundIds })
        .orderBy(byPinyin('p.name'))
        .addOrderBy('p.id')
        .getMany();
      const byFund = groupBy(rows, (p) => p.fundId ?? '');
      return fundIds.map((id) => byFund.get(id) ?? []);
    }),
  };
}

export type FundsLoaders = ReturnType<typeof fundsLoaders>;

// This module's part of every request's loader set (composed by src/app/modules.ts).
registerLoaders('funds', fundsLoaders);
declare module '../common/request-context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge adds the members
  interface Loaders extends FundsLoaders {}
}
