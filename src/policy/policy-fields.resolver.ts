import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { EvaluationType } from '../evaluation/dto/evaluation.types';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationStatus } from '../evaluation/evaluation.enums';
import { SpotCheckSampleType } from '../spot-check/dto/spot-check.types';
import type { SpotCheckSampleEntity } from '../spot-check/spot-check-sample.entity';
import { PolicyType } from './dto/policy.types';
import { policyFor, policyUsed } from './policy.service';
import type { ResolvedPolicy } from './rules/policy';

/**
 * "Results say which policy they used" (DOMAIN §10 rule 7): a scored evaluation names the policy version
 * frozen on its submission — so a later change of the policy never silently rewrites a past grade; a
 * draft (or returned) one shows the version in force for its year, which it will be scored with.
 */
@Resolver(() => EvaluationType)
export class EvaluationPolicyResolver {
  @FieldResolver(() => PolicyType, {
    description:
      '所用绩效管理参数 — the tenant policy it was scored with (frozen on submission); while a draft, the one in force for its year',
  })
  policy(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext): Promise<ResolvedPolicy> {
    const open = e.status === EvaluationStatus.DRAFT || e.status === EvaluationStatus.RETURNED;
    return open ? policyFor(ctx, e.year) : policyUsed(ctx, e.policyId, e.year);
  }
}

/** A spot-check sample names the policy its ratio, gap and due date came from (DOMAIN §12). */
@Resolver(() => SpotCheckSampleType)
export class SpotCheckSamplePolicyResolver {
  @FieldResolver(() => PolicyType, {
    description:
      '所用绩效管理参数 — the tenant policy in force when drawn (ratio, gap, self-evaluation due date)',
  })
  policy(@Root() s: SpotCheckSampleEntity, @Ctx() ctx: RequestContext): Promise<ResolvedPolicy> {
    return policyUsed(ctx, s.policyId, s.year);
  }
}

export const PolicyFieldsResolvers = [EvaluationPolicyResolver, SpotCheckSamplePolicyResolver] as const;
