import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Grade } from '../../common/grade';
import { ScoreScalar } from '../../common/scalars';
import { connectionType } from '../../common/pagination';

export enum RankingScope {
  REGION = 'REGION',
  DEPARTMENT = 'DEPARTMENT',
  FUND = 'FUND',
}
registerEnumType(RankingScope, {
  name: 'RankingScope',
  description: '排序范围 — REGION 区域, DEPARTMENT 部门, FUND 专项资金 (DOMAIN §13)',
  valuesConfig: {
    REGION: { description: '区域 — regions by their regional goals’ results (money-weighted)' },
    DEPARTMENT: { description: '部门 — departments by their overall (部门整体) result' },
    FUND: { description: '专项资金 — funds by their overall goal’s result' },
  },
});

export enum NoticeReason {
  POOR_RESULT = 'POOR_RESULT',
  SPOT_CHECK_FLAG = 'SPOT_CHECK_FLAG',
  OVERDUE_RECTIFICATION = 'OVERDUE_RECTIFICATION',
}
registerEnumType(NoticeReason, {
  name: 'NoticeReason',
  description: '通报事由 — why an item is on the year’s notice list (DOMAIN §12, §13)',
  valuesConfig: {
    POOR_RESULT: { description: '绩效差 — latest result graded POOR' },
    SPOT_CHECK_FLAG: { description: '抽查复核发现问题 — a flagged spot-check item' },
    OVERDUE_RECTIFICATION: { description: '整改逾期 — feedback or rectification overdue' },
  },
});

@ObjectType('ResultRanking', {
  description:
    '绩效排序 — a subject’s place among the caller’s subjects by result; ties share a rank and the next rank skips (competition ranking “1224”, 并列) (DOMAIN §13; 001 三(四)3)',
})
export class RankingType {
  @Field(() => Int, { description: '名次 — rank; equal scores share it (1, 2, 2, 4)' })
  rank!: number;

  @Field(() => RankingScope, { description: '范围 — what is ranked' })
  subjectKind!: RankingScope;

  @Field(() => ID, {
    description:
      '对象 — the region, department or fund (global id); 保留兼容 — kept for compatibility, read `subject`',
  })
  subjectId!: string;

  @Field({ description: '名称 — its name' })
  name!: string;

  @Field(() => ScoreScalar, {
    description: '得分 — result score (a region: money-weighted mean, 2 decimals)',
  })
  score!: string;

  @Field(() => Grade, { description: '等级 — the grade of that score under the year’s policy' })
  grade!: Grade;

  @Field(() => Int, { description: '结果数 — results counted' })
  resultCount!: number;
}

@ObjectType('NoticeItem', { description: '通报事项 — an item of the year’s notice list (通报) (DOMAIN §13)' })
export class NoticeItemType {
  @Field(() => NoticeReason, { description: '通报事由 — reason' })
  reason!: NoticeReason;

  @Field(() => ID, {
    description:
      '依据 — the Evaluation, SpotCheckItem or Finding (global id); 保留兼容 — kept for compatibility, read `subject`',
  })
  subjectId!: string;

  @Field(() => ID, {
    description: '绩效目标 — the goal (global id); 保留兼容 — kept for compatibility, read `goal`',
  })
  goalId!: string;

  @Field({ description: '项目/资金名称 — the goal’s name' })
  goalName!: string;

  @Field(() => ID, {
    description: '区划 — region (global id); 保留兼容 — kept for compatibility, read `region`',
  })
  regionId!: string;

  @Field({ description: '区划名称 — region name' })
  regionName!: string;

  @Field({ description: '情况 — what was found' })
  detail!: string;

  @Field({ description: '依据条款 — the rule, by document and article' })
  rule!: string;
}

export const ResultRankingConnection = connectionType(RankingType, 'ResultRanking', '绩效排序');
export const NoticeItemConnection = connectionType(NoticeItemType, 'NoticeItem', '通报事项');
