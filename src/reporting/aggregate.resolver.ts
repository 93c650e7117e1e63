import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { selectionOf } from '../common/lookahead/selection';
import { RawJson } from '../common/raw-json';
import type { RequestContext } from '../common/request-context';
import { RegionLevel } from '../hierarchy/hierarchy.enums';
import {
  queryAggregate,
  queryAggregateTable,
  rowsOf,
  tableOf,
  type AggregateResultRows,
  type AggregateTableJson,
} from './aggregate.engine';
import {
  AggregateDimension,
  AggregateMeasure,
  columnsOf,
  type AggregateColumnSpec,
  type AggregateRowData,
} from './aggregate.model';
import { AggregateFilterInput, AggregateResultType } from './aggregate.types';

/**
 * The answer; `rows` and `table` are built only when asked (getters, read by graphql-js's default
 * resolver). The table's cells are read straight from the statement's rows (issue 18: no row object per
 * group for BI clients), the very values the typed `rows` fields serialise (issue 14).
 */
class AggregateAnswer {
  readonly rowCount: number;
  #rows: AggregateRowData[] | null = null;
  #table: unknown[][] | null = null;

  constructor(
    readonly columns: AggregateColumnSpec[],
    private readonly result: AggregateResultRows,
  ) {
    this.rowCount = result.raw.length;
  }

  get rows(): AggregateRowData[] {
    this.#rows ??= rowsOf(this.result);
    return this.#rows;
  }

  get table(): unknown[][] {
    this.#table ??= tableOf(this.result);
    return this.#table;
  }
}

/**
 * The answer when only the table form is asked (no `rows`): PostgreSQL encodes the cells
 * (aggregate-table.sql.ts) and the response embeds that JSON text as it is (issue 18, W3).
 */
class AggregateTableAnswer {
  readonly rowCount: number;
  readonly table: RawJson;

  constructor(
    readonly columns: AggregateColumnSpec[],
    result: AggregateTableJson,
  ) {
    this.rowCount = result.rowCount;
    this.table = new RawJson(result.json);
  }
}

/** 汇总行数上限 — rows one GraphQL aggregate may answer; larger answers go through the CSV stream. */
export const MAX_AGGREGATE_ROWS = 5000;

/**
 * 汇总分析 (DOMAIN §16, issue 14): flat rows for BI tools over the maintained reporting facts, within
 * the caller's jurisdiction (P6, DOMAIN §11 "Who sees what"). Two SQL statements whatever the size. Its
 * cost is one bounded list (the rows are leaves): like Region.descendants.
 */
@Resolver()
export class AggregateResolver {
  @Query(() => AggregateResultType, {
    nullable: true,
    description:
      '汇总分析 — flat aggregate rows by the chosen dimensions and measures, within the caller’s jurisdiction (P6; a region outside it reads as NOT_FOUND); at most 5000 rows (TOO_MANY_ROWS: use GET /reports/aggregate.csv). Definitions: docs/reporting/measures.md',
    complexity: 301,
  })
  async aggregate(
    @Ctx() ctx: RequestContext,
    @Arg('dimensions', () => [AggregateDimension], {
      description: '维度 — the dimensions, in column order (may be empty: one total row)',
    })
    dimensions: AggregateDimension[],
    @Arg('measures', () => [AggregateMeasure], { description: '指标量 — the measures, in column order' })
    measures: AggregateMeasure[],
    @Arg('regionLevel', () => RegionLevel, {
      nullable: true,
      description:
        '区划层级 — the level of the REGION dimension (required with it); not above the caller’s own',
    })
    regionLevel: RegionLevel | null,
    @Arg('filter', () => AggregateFilterInput, { nullable: true, description: '筛选 — narrows the facts' })
    filter: AggregateFilterInput | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AggregateResultType | AggregateAnswer | AggregateTableAnswer | null> {
    const req = { dimensions, measures, regionLevel, filter };
    const { selection } = selectionOf(info);
    if (selection.has('table') && !selection.has('rows')) {
      const answer = await queryAggregateTable(ctx, req, { maxRows: MAX_AGGREGATE_ROWS });
      return new AggregateTableAnswer(columnsOf(answer.req), answer);
    }
    const result = await queryAggregate(ctx, req, { maxRows: MAX_AGGREGATE_ROWS });
    return new AggregateAnswer(columnsOf(result.req), result);
  }
}
