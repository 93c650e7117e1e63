import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { MonitoringCadence } from '../rules/policy';

registerEnumType(MonitoringCadence, {
  name: 'MonitoringCadence',
  description: '监控频次 — how often monitoring reports are due (DOMAIN §9; 004 二(三)1 按月)',
  valuesConfig: {
    MONTHLY: { description: '按月 — every month' },
    QUARTERLY: { description: '按季 — March, June, September, December' },
    HALF_YEARLY: { description: '按半年 — June and December' },
  },
});

@ObjectType('TenantPolicy', {
  description:
    '绩效管理参数 — the tenant’s policy for a budget year (DOMAIN §10 rule 7): grade bands, thresholds, ratios and deadlines; the defaults (version 0) until finance sets them',
})
export class PolicyType {
  @Field(() => ID, {
    nullable: true,
    description: '参数版本标识 — id of the stored version; null for the defaults',
  })
  id!: string | null;

  @Field(() => Int, { description: '版本号 — version (0: the defaults of DOMAIN §9–12)' })
  version!: number;

  @Field(() => Int, { description: '适用年度 — the budget year asked for' })
  year!: number;

  @Field(() => Int, { description: '生效年度 — the year the version was set for (carried to later years)' })
  effectiveYear!: number;

  @Field(() => Boolean, { description: '默认参数 — true while no version is stored' })
  isDefault!: boolean;

  @Field(() => String, { description: '“优”分数线 — EXCELLENT from this score (002 第二十五条: 90)' })
  gradeExcellent!: string;

  @Field(() => String, { description: '“良”分数线 — GOOD from this score (80)' })
  gradeGood!: string;

  @Field(() => String, { description: '“中”分数线 — FAIR from this score (60); below it POOR 差' })
  gradeFair!: string;

  @Field(() => String, {
    description: '超目标阈值 — actual ÷ target above this ratio flags OVER_TARGET 完成值高于指标值较多 (1.2)',
  })
  overTargetThreshold!: string;

  @Field(() => String, {
    description: '超目标调减下限 — the reduced score never goes below this share (0.8)',
  })
  overTargetFloor!: string;

  @Field(() => String, {
    description: '执行缓慢阈值 — SLOW_EXECUTION when execution lags time elapsed by more points (10)',
  })
  slowExecutionThreshold!: string;

  @Field(() => String, { description: '抽查比例 — spot-check sample ratio in (0, 1] (0.1)' })
  spotCheckRatio!: string;

  @Field(() => String, { description: '抽查差异分值 — |self − check| above this flags SCORE_GAP (10)' })
  spotCheckGap!: string;

  @Field(() => String, {
    description:
      '自评截止日期 — self-evaluation due date of the year, YYYY-MM-DD (default 31 March of the next year)',
  })
  selfEvaluationDueDate!: string;

  @Field(() => MonitoringCadence, { description: '监控频次 — monitoring cadence (MONTHLY)' })
  monitoringCadence!: MonitoringCadence;

  @Field(() => Int, {
    description: '监控报送日 — the report for month M is due by this day of month M + 1 (10)',
  })
  monitoringDueDay!: number;

  @Field(() => Int, {
    description: '部门整体目标监控月份 — month of the department-goal check (6, 004 二(三)1)',
  })
  departmentCheckMonth!: number;
}

@ObjectType({
  description: '修改绩效管理参数结果 — the policy now in force for the year, or what went wrong',
})
export class UpdatePolicyPayload {
  @Field(() => PolicyType, { nullable: true, description: '绩效管理参数 — the new version; null on failure' })
  policy?: PolicyType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}
