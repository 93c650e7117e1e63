import { RegionLevel } from '../auth/principal-kinds';

/*
 * Issue 18: the screens the server runs before its first caller, as a stand-in for the department that set
 * the largest fund tree in force (request-warmup.ts), and compiles as new texts (compile-warmup.ts) — the
 * views the allocating department opens most. Read-only queries, nothing else.
 */

/**
 * The roll-up screen of a fund tree (DOMAIN §11): the overall goal with its roll-up, coverage, actuals and
 * money, and its first 100 regional goals with theirs — the view the allocating department opens most.
 */
export const ROLL_UP_SCREEN = `query JixiaoStartupWarmup($id: ID!) {
  goal(id: $id) {
    id name year scope status
    rollUp {
      total grade provisional
      coverage { counted total countedMoney totalMoney moneyShare }
      actuals { value }
      money { budgeted inPlace spent }
    }
    children(first: 100) {
      totalCount
      nodes { id name scope rollUp { total grade provisional coverage { counted total moneyShare } money { budgeted spent } } }
    }
  }
}`;

/**
 * The BI overview of the same department (DOMAIN §16): goals, indicators, money, self-evaluations and the
 * mean score by region one level below its own (a township's: its own) and year, within its jurisdiction
 * (P6), as the table BI tools read.
 */
export const BI_OVERVIEW = `query JixiaoStartupWarmupBi($level: RegionLevel!) {
  aggregate(dimensions: [REGION, YEAR], regionLevel: $level,
            measures: [GOAL_COUNT, INDICATOR_COUNT, BUDGETED, SPENT, SELF_EVALUATED_COUNT, MEAN_SCORE]) {
    rowCount
    columns { name }
    table
  }
}`;

/** The region level a BI overview groups by: one below the caller's own (a township's: its own). */
export const LEVEL_BELOW: Record<RegionLevel, RegionLevel> = {
  [RegionLevel.CITY]: RegionLevel.DISTRICT,
  [RegionLevel.DISTRICT]: RegionLevel.TOWNSHIP,
  [RegionLevel.TOWNSHIP]: RegionLevel.TOWNSHIP,
};

/**
 * The organization directory (DOMAIN §3): the first page of organizations within the caller's jurisdiction
 * (P2), with their regions and supervising departments — the list every screen that picks a unit opens.
 */
export const DIRECTORY_SCREEN = `query JixiaoStartupDirectory($after: String) {
  organizations(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name kind creditCode sector region { id code name level } supervisingDepartment { id name } }
  }
}`;

/** Every start-up screen's document. */
export const STARTUP_SCREENS = [ROLL_UP_SCREEN, BI_OVERVIEW, DIRECTORY_SCREEN];
