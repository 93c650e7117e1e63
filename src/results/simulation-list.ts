import type { RequestContext } from '../common/request-context';
import { idOfType } from '../common/global-id';
import {
  paginate,
  SortDirection,
  type Connection,
  type ConnectionArgs,
  type SortColumn,
} from '../common/pagination';
import { NO_ID } from '../common/sql';
import { AllocationSimulationEntity } from './results.entities';

/** Newest first: keyset on (created_at, id). */
const newestFirst: SortColumn = {
  expression: 's.created_at',
  read: (s) => (s as AllocationSimulationEntity).createdAt,
  timestamp: true,
};

/**
 * 因素法分配模拟 (DOMAIN §13; 003 转移支付 第三十二条): a page of a fund's saved simulations, newest first
 * (issue 11 item 7: a connection). P6: only when the fund is visible to the caller and in its subtree;
 * otherwise an empty page, like a fund without simulations.
 */
export async function simulationPage(
  ctx: RequestContext,
  fundGid: string,
  page: ConnectionArgs,
): Promise<Connection<AllocationSimulationEntity>> {
  const id = idOfType(fundGid, 'Fund');
  const fund = id ? await ctx.loaders.fundById.load(id) : null;
  const visible = fund !== null && fund.regionPath.startsWith(ctx.caller.regionPath);
  const qb = (await ctx.db.manager())
    .createQueryBuilder(AllocationSimulationEntity, 's')
    .where('s.tenant_id = :simTenant', { simTenant: ctx.caller.tenantId })
    .andWhere('s.fund_id = :simFund', { simFund: visible ? fund.id : NO_ID });
  return paginate(qb, page, newestFirst, SortDirection.DESC, 's.id');
}
