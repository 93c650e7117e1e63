import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/decimal';
import { GoalIndicatorType } from '../../goals/dto/goal.types';
import { PolicyType } from '../../policy/dto/policy.types';
import { RollUpVisibility } from '../../rollup/rollup-visibility';
import { MonitoringFlag } from '../monitoring.enums';
import { MonitoringMoneyType } from './monitoring-money.types';

@ObjectType('MonitoringPolicy', { description: '监控参数 — the tenant’s monitoring thresholds (DOMAIN §9)' })
export class MonitoringPolicyType {
  @Field(() => DecimalScalar, {
    description:
      '执行缓慢阈值（百分点） — SLOW_EXECUTION when executed ÷ budget lags M ÷ 12 by more than this',
  })
  slowExecutionThreshold!: string;

  @Field(() => Int, { description: '行版本 — 0 while the defaults apply (no row yet)' })
  rowVersion!: number;
}

@ObjectType('RolledUpIndicator', {
  description: '汇总指标 — a parent indicator with its children’s projections combined (DOMAIN §11)',
})
export class RolledIndicatorType {
  @Field(() => GoalIndicatorType, { description: '上级指标 — the parent goal’s indicator' })
  indicator!: GoalIndicatorType;

  @Field(() => Int, {
    nullable: true,
    description:
      '参与汇总数 — child indicator lines combined; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  contributions!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      '汇总预计值 — combined projection by the parent’s aggregation (≈ when rounded for display); null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  combined!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '无法汇总原因 — NO_AGGREGATION, NO_CONTRIBUTIONS, MISSING_PARTS, ZERO_WEIGHT or ZERO_DENOMINATOR; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  failure!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '指标偏离 — combined projection fails the parent’s target; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  offTrack!: boolean | null;
}

@ObjectType('MonitoringRollUp', {
  description:
    '监控汇总 — a parent goal’s children’s monitoring reports for a period combined (DOMAIN §9, §11)',
})
export class MonitoringRollupType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => PolicyType, {
    nullable: true,
    description:
      '所用绩效管理参数 — the tenant policy of the year whose SLOW_EXECUTION threshold made the flags (DOMAIN §10 rule 7)',
  })
  policy?: PolicyType | null;

  @Field(() => Int, { description: '截至月份 — month M' })
  month!: number;

  @Field({ description: '仅汇总已确认 — true: only reports acknowledged by the level above (审核后汇总)' })
  acknowledgedOnly!: boolean;

  @Field(() => RollUpVisibility, {
    description:
      '汇总可见范围 — FULL for the giving side; OWN_CHILDREN for a receiving region, which reads its own report on its own goal and here only the parent’s indicators (targets), every figure below being null (DOMAIN §11 “Who sees what”, P6)',
  })
  visibility!: RollUpVisibility;

  @Field(() => Int, {
    nullable: true,
    description:
      '下级目标数 — child goals in force; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  childCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '已报送数 — children whose report is counted; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  reportedCount!: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '资金覆盖率 (%) — reporting children’s annual amounts ÷ all children’s, 2 places; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  moneyShare!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '临时结果 — coverage below 100%: missing children are not counted as 0; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  provisional!: boolean | null;

  @Field(() => MonitoringMoneyType, {
    nullable: true,
    description:
      '资金投入 — money of the reporting children, summed; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  money!: MonitoringMoneyType | null;

  @Field(() => [RolledIndicatorType], {
    description: '汇总指标 — per parent indicator (a receiving region: the indicator only, figures null)',
  })
  indicators!: RolledIndicatorType[];

  @Field(() => [MonitoringFlag], {
    nullable: true,
    description:
      '监控预警 — flags on the combined values; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  flags!: MonitoringFlag[] | null;
}
