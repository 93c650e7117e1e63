import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/error-code';
import { refusal } from '../common/refusal';
import { UpdatePolicyInput } from './dto/policy.inputs';
import { PolicyType, UpdatePolicyPayload } from './dto/policy.types';
import { policyFor, updatePolicy } from './policy.service';
import type { ResolvedPolicy } from './rules/policy';

/** The tenant policy (DOMAIN §10 rule 7): one query for a year, one mutation for a new version. */
@Resolver(() => PolicyType)
export class PolicyResolver {
  @Query(() => PolicyType, {
    // issue 11 item 4: a refused year nulls this field only, never the whole response
    nullable: true,
    description:
      '绩效管理参数 — the caller’s tenant policy in force for a budget year (the defaults, version 0, until finance sets one)',
  })
  policy(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — budget year' }) year: number,
  ): Promise<ResolvedPolicy> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['year'],
        msg('年度须在 2000 至 2100 之间', 'The year lies between 2000 and 2100'),
      );
    }
    return policyFor(ctx, year);
  }

  @Mutation(() => UpdatePolicyPayload, {
    description:
      '修改绩效管理参数 — the tenant’s top finance bureau sets a new version for a year (audited; past results keep the version they used)',
  })
  updatePolicy(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdatePolicyInput, { description: '输入 — the mutation input' })
    input: UpdatePolicyInput,
  ) {
    return updatePolicy(ctx, input);
  }
}
