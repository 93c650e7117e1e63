import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { MonitoringCadence } from '../rules/policy';

@InputType({
  description:
    '修改绩效管理参数 — a new version of the tenant’s policy for a year, in force from that year on (DOMAIN §10 rule 7); fields left out keep their values',
})
export class UpdatePolicyInput {
  @Field(() => Int, { description: '年度 — the first budget year it applies to' })
  year!: number;

  @Field(() => Int, { description: '基于版本 — the version read for that year (0 while the defaults apply)' })
  expectedVersion!: number;

  @Field(() => DecimalScalar, { nullable: true, description: '“优”分数线 — (0, 100], above GOOD' })
  gradeExcellent?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '“良”分数线 — below EXCELLENT, above FAIR' })
  gradeGood?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '“中”分数线 — below GOOD, above 0' })
  gradeFair?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '超目标阈值 — a ratio above 1 (1.2 for 120%)' })
  overTargetThreshold?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '超目标调减下限 — in [0, 1]' })
  overTargetFloor?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '执行缓慢阈值 — 0–100 percentage points' })
  slowExecutionThreshold?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '抽查比例 — in (0, 1]' })
  spotCheckRatio?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: '抽查差异分值 — 0–100 points' })
  spotCheckGap?: Decimal | null;

  @Field(() => String, { nullable: true, description: '自评截止日期 — YYYY-MM-DD, after the year ends' })
  selfEvaluationDueDate?: string | null;

  @Field(() => MonitoringCadence, { nullable: true, description: '监控频次 — monitoring cadence' })
  monitoringCadence?: MonitoringCadence | null;

  @Field(() => Int, { nullable: true, description: '监控报送日 — day 1–28 of the following month' })
  monitoringDueDay?: number | null;

  @Field(() => Int, { nullable: true, description: '部门整体目标监控月份 — 1–12' })
  departmentCheckMonth?: number | null;

  @Field(() => String, {
    nullable: true,
    description: '修改原因 — why (kept with the version and the audit trail)',
  })
  reason?: string | null;
}
