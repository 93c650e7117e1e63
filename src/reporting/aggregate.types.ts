import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../common/decimal';
import { Grade } from '../common/grade';
import { MoneyScalar, ScoreScalar } from '../common/scalars';
import { BudgetBook } from '../funds/fund.enums';
import { GoalScope } from '../goals/goal.enums';
import { IndicatorCategory } from '../goals/indicator.enums';
import { RegionLevel, Sector } from '../hierarchy/hierarchy.enums';
import {
  AggregateDimension,
  AggregateMeasure,
  dimensionColumns,
  MEASURE_COLUMNS,
  type AggregateColumnKind,
} from './aggregate.model';
import { DIMENSION_DOCS, MEASURE_DOCS } from './aggregate.docs';
import { AggregateTableScalar } from './aggregate-table.scalar';

/** GraphQL face of the BI aggregate (DOMAIN §16, issue 14); definitions in docs/reporting/measures.md. */

registerEnumType(AggregateDimension, {
  name: 'AggregateDimension',
  description: '汇总维度 — what the rows of an aggregate are grouped by (DOMAIN §16)',
  valuesConfig: Object.fromEntries(
    Object.entries(DIMENSION_DOCS).map(([k, description]) => [k, { description }]),
  ),
});

registerEnumType(AggregateMeasure, {
  name: 'AggregateMeasure',
  description: '汇总指标量 — what each row of an aggregate measures (docs/reporting/measures.md)',
  valuesConfig: Object.fromEntries(
    Object.entries(MEASURE_DOCS).map(([k, description]) => [k, { description }]),
  ),
});

export enum AggregateColumnKindEnum {
  TEXT = 'TEXT',
  INTEGER = 'INTEGER',
  MONEY = 'MONEY',
  RATE = 'RATE',
  SCORE = 'SCORE',
}
registerEnumType(AggregateColumnKindEnum, {
  name: 'AggregateColumnKind',
  description: '列类型 — how a column’s values read',
  valuesConfig: {
    TEXT: { description: '文本 — a code, a name or an enum value' },
    INTEGER: { description: '整数 — a count or a year' },
    MONEY: { description: '金额 — yuan, exactly two decimals' },
    RATE: { description: '比率 — a fraction 0–1, four decimals, rounded half-up' },
    SCORE: { description: '得分 — points of 100, two decimals, rounded half-up' },
  },
});

@InputType('AggregateFilterInput', { description: '汇总筛选 — narrows the facts an aggregate counts' })
export class AggregateFilterInput {
  @Field(() => String, {
    nullable: true,
    description: '汇总范围 — region code whose subtree is counted; default the caller’s own region',
  })
  within?: string | null;

  @Field(() => Int, { nullable: true, description: '起始年度 — first year (with yearTo; at most 10 years)' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: '截止年度 — last year (with yearFrom; at most 10 years)' })
  yearTo?: number | null;

  @Field(() => [ID], { nullable: true, description: '专项资金 — only goals of these funds (any of)' })
  fundIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: '主管部门 — only goals of these departments (any of)' })
  departmentIds?: string[] | null;

  @Field(() => [BudgetBook], { nullable: true, description: '预算类别 — only these budget books (any of)' })
  budgetBooks?: BudgetBook[] | null;

  @Field(() => [GoalScope], { nullable: true, description: '目标类型 — only these goal scopes (any of)' })
  goalScopes?: GoalScope[] | null;

  @Field(() => [Grade], {
    nullable: true,
    description: '自评等级 — only goals self-evaluated with these grades',
  })
  grades?: Grade[] | null;
}

@ObjectType('AggregateColumn', { description: '汇总列 — one column of an aggregate, in order' })
export class AggregateColumnType {
  @Field({
    description: '列名 — the AggregateRow field; the CSV column is its snake_case (fund_weighted_score)',
  })
  name!: string;

  @Field({ description: '中文列名 — the Chinese label' })
  labelZh!: string;

  @Field({ description: '英文列名 — the English label' })
  labelEn!: string;

  @Field(() => AggregateColumnKindEnum, { description: '列类型 — how the values read' })
  kind!: AggregateColumnKind;
}

// simpleResolvers: the rows are plain objects (aggregate.engine.ts `rowReader`), so graphql-js reads each
// field with its default resolver, not through a type-graphql resolver per cell (issue 14 bench).
@ObjectType('AggregateRow', {
  description: '汇总行 — one flat row: its dimensions, then its measures; a field not requested is null',
  simpleResolvers: true,
})
export class AggregateRowType {}

/** Each row field's GraphQL type; descriptions from the model's labels and the docs. */
const ROW_FIELD_TYPES: Record<string, () => unknown> = {
  regionLevel: () => RegionLevel,
  year: () => Int,
  fundId: () => ID,
  departmentId: () => ID,
  sector: () => Sector,
  budgetBook: () => BudgetBook,
  goalScope: () => GoalScope,
  indicatorCategory: () => IndicatorCategory,
  grade: () => Grade,
};
/** Id fields with their object beside them (aggregate-links.resolver.ts, issue 11 item 7). */
const LINKED_OBJECTS: Record<string, string> = { fundId: 'fund', departmentId: 'department' };
const KIND_TYPES: Record<AggregateColumnKind, () => unknown> = {
  TEXT: () => String,
  INTEGER: () => Int,
  MONEY: () => MoneyScalar,
  RATE: () => DecimalScalar,
  SCORE: () => ScoreScalar,
};
const rowColumns = [
  ...Object.values(AggregateDimension).flatMap((d) =>
    dimensionColumns(d, RegionLevel.TOWNSHIP).map((c) => ({ ...c, doc: DIMENSION_DOCS[d] })),
  ),
  ...Object.entries(MEASURE_COLUMNS).map(([m, c]) => ({ ...c, doc: MEASURE_DOCS[m as AggregateMeasure] })),
];
for (const c of rowColumns) {
  const type = ROW_FIELD_TYPES[c.name] ?? KIND_TYPES[c.kind];
  const linked = LINKED_OBJECTS[c.name];
  (Field as (t: unknown, o: object) => PropertyDecorator)(type, {
    nullable: true,
    description: `${c.labelZh} — ${c.labelEn}; ${c.doc.replace(/^[^—]*— /, '')}${
      linked ? `; 保留兼容 — kept for compatibility, read \`${linked}\`` : ''
    }`,
  })(AggregateRowType.prototype, c.name);
}

@ObjectType('AggregateResult', { description: '汇总结果 — the columns and the flat rows of an aggregate' })
export class AggregateResultType {
  @Field(() => [AggregateColumnType], {
    description: '列 — the columns, dimensions first, in the order asked',
  })
  columns!: AggregateColumnType[];

  @Field(() => [AggregateRowType], {
    description:
      '行 — the rows, ordered by the dimensions (region code, year, fund and department name …); typed, for frontends. For thousands of rows read `table` (one value, much cheaper)',
  })
  rows!: AggregateRowType[];

  @Field(() => AggregateTableScalar, {
    description:
      '表格形式 — the same rows as one value: an array of rows, each an array of cells in the order of `columns` (exactly the `rows` fields: text strings, integer numbers, exact decimal strings, null), for BI clients and large answers (issue 14)',
  })
  table!: unknown[][];

  @Field(() => Int, { description: '行数 — number of rows' })
  rowCount!: number;
}
