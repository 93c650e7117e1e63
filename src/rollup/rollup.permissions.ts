import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { msg } from '../common/error-code';
import { refusal } from '../common/refusal';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';

/**
 * P4 (DOMAIN §8; 003 转移支付 第二十三条): results are compiled by competent departments — the township's
 * for its region, the fund's for the overall result. The service then checks which department.
 */
export const p4Compiler = rule('P4 competent department compiles results', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.principal) return refusal.unauthenticated();
  if (ctx.principal.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT) return true;
  if (ctx.principal.organizationKind === OrganizationKind.AUDIT_OFFICE)
    return refusal.forbidden('P6', msg('审计部门只能查阅绩效评价', 'Audit offices only read evaluations'));
  return refusal.forbidden(
    'P4',
    msg(
      '汇总确认由主管部门进行：乡镇主管部门汇总本区域，资金主管部门汇总整体',
      'Results are compiled by competent departments: the township’s for its region, the fund’s for the whole',
    ),
  );
});

/**
 * 003 转移支付 第二十三条 "报送同级财政部门": a region's compiled result passes its own finance office; only
 * finance bureaus take this step (which one is checked per record).
 */
export const p3SameLevelFinancePasses = rule('P3 same-level finance passes a compiled result', {
  cache: 'contextual',
})((_parent, _args, ctx: RequestContext) => {
  if (!ctx.principal) return refusal.unauthenticated();
  return ctx.principal.organizationKind === OrganizationKind.FINANCE_BUREAU
    ? true
    : refusal.forbidden(
        'P3',
        msg(
          '本地区自评结果由同级财政部门审核',
          'A compiled regional result is passed by its own-level finance office',
        ),
      );
});

export const rollUpPermissions = {
  Query: {},
  Mutation: { compileRollUp: p4Compiler, reviewCompiledResultAsFinance: p3SameLevelFinancePasses },
};
