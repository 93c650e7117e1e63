/**
 * Relay completeness (issue 11 item 7; DOMAIN §16 cursor pagination): every list of objects that can
 * grow is a connection with `first`/`after`. A plain list must be named below with the reason it stays
 * one: bounded by the domain (BOUNDED), or still waiting for its conversion (PENDING — the debt, kept
 * visible; an entry there that has become a connection fails the test, so the list only shrinks).
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLField,
} from 'graphql';
import { buildBareSchema } from '../../src/app/schema';

/** Field names that are small lists on every type, and why. */
const BOUNDED_NAMES: Record<string, string> = {
  userErrors: 'problems of one mutation input: at most one per input field',
  availableActions: 'one entry per action of the item’s workflow enum (fixed, < 15)',
};

/** Coordinates of plain lists bounded by the domain, and why. */
const BOUNDED: Record<string, string> = {
  'Region.ancestors': 'the tree has three levels (city → district → township): at most 2 (DOMAIN §3)',
  'PerformanceGoal.transitions': 'the history of one goal: each submit, review step, return (≤ 50)',
  'Evaluation.transitions': 'the history of one evaluation: each submit, review, return (≤ 50)',
  'PerformanceGoal.reviewChain': 'the review steps of one goal: one per level above it (≤ 3)',
  'PerformanceGoal.indicators': 'the three-level indicator table of one goal (DOMAIN §5, ≤ 30 lines)',
  'PublicGoal.indicators': 'the disclosed indicator table of one goal (DOMAIN §5, ≤ 30 lines)',
  'MonitoringReport.indicators': 'one line per indicator of the goal (DOMAIN §5, ≤ 30)',
  'MonitoringIndicatorLine.causes': 'the deviation-cause categories of one line (fixed enum)',
  'MonitoringRollUp.indicators': 'one line per indicator of the overall goal (≤ 30)',
  'GoalConsistencyReport.indicators': 'one line per indicator of the checked goal (≤ 30)',
  'GoalConsistencyReport.errors': 'problems of one goal check: at most a few per indicator line',
  'GoalConsistencyReport.warnings': 'problems of one goal check: at most a few per indicator line',
  'Evaluation.actuals': 'one actual value per indicator of the goal (≤ 30)',
  'Evaluation.scoreLines': 'one score line per indicator or framework item (≤ 30)',
  'Evaluation.frameworkScores': 'one score per item of the evaluation framework (DOMAIN §10, fixed)',
  'Evaluation.reportSections': 'the fixed sections of the evaluation report template (DOMAIN §10)',
  'Evaluation.warnings': 'checks of one evaluation: at most a few per indicator line',
  'ScoreLine.inputs': 'the inputs of one score line (target, actual, weight …: fixed)',
  'EvaluationRollUp.lines': 'one line per indicator of the overall goal (≤ 30)',
  'EvaluationRollUp.actuals': 'one rolled-up actual per indicator of the overall goal (≤ 30)',
  'EvaluationRollUp.children':
    'one line per receiving region of one goal (≤ 30), all needed at once for the compiled ratio',
  'ExAnteAssessment.dimensions': 'the fixed dimensions of an ex-ante assessment (DOMAIN §8)',
  'AllocationFactor.values': 'one value per receiving region of a simulation (≤ 30), summed as a whole',
  'AllocationSimulation.factors': 'the factors of one factor-method simulation (a handful)',
  'AllocationSimulation.shares': 'one share per receiving region (≤ 30), must add up to the fund',
  'CongressPackage.goals': 'a document assembled as a whole for the congress (人大) package, not browsed',
  'CongressPackage.results': 'a document assembled as a whole for the congress (人大) package, not browsed',
  'CommonIndicatorSetType.indicators': 'the common indicators of one department and year (≤ 30)',
  'PublicResults.groups': 'one group per grade or result kind (fixed enum)',
  'SpotCheckNotice.regions': 'one line per region of one notice (≤ 30)',
  'SpotCheckNotice.items': 'the sampled items of one notice: the sample ratio bounds it (DOMAIN §12)',
  'SpotCheckSample.items': 'the sampled items of one draw: the sample ratio bounds it (DOMAIN §12)',
  'ProposeRecommendationsPayload.recommendations': 'the recommendations one mutation just proposed',
  'RegionReport.children':
    'the child regions of one region (districts of a city, townships of a district: ≤ 30), all needed at once for totals and ranks',
  'RegionReport.subtree':
    'the regions of one city’s tree (DOMAIN §3: three levels, a few hundred at most), a flat report read as a whole',
  'RegionReportRow.years': 'the years of one report: at most 10 (the aggregate’s year-range limit)',
  'RegionReportRow.changes': 'one change per earlier year of one report: at most 9',
  'RegionRanking.entries': 'one entry per child region of one region (≤ 30), ranked as a whole',
  'AggregateResult.columns': 'one column per requested dimension column and measure (fixed vocabulary, ≤ 36)',
  'AggregateResult.rows':
    'a flat BI result set answered as a whole (DOMAIN §16), at most 5000 rows (TOO_MANY_ROWS beyond: the CSV streams any size)',
};

/** Lists that can grow and are not yet connections (issue 11 item 7, to do). */
const PENDING: Record<string, string> = {};

type Field = GraphQLField<unknown, unknown>;

function listsOfObjects(): Map<string, Field> {
  const found = new Map<string, Field>();
  for (const type of Object.values(buildBareSchema().getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    if (type.name.endsWith('Connection')) continue; // edges and nodes are the page itself
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isListType(getNullableType(field.type)) && (isObjectType(named) || isInterfaceType(named)))
        found.set(`${type.name}.${field.name}`, field);
    }
  }
  return found;
}

test('every list of objects is a connection, or listed with the reason it is not', () => {
  const unexplained = [...listsOfObjects().keys()].filter((coordinate) => {
    const name = coordinate.split('.')[1];
    return !(name in BOUNDED_NAMES) && !(coordinate in BOUNDED) && !(coordinate in PENDING);
  });
  expect(unexplained).toEqual([]);
});

test('the allow-lists name only fields that are still plain lists (they may only shrink)', () => {
  const lists = listsOfObjects();
  const stale = [...Object.keys(BOUNDED), ...Object.keys(PENDING)].filter((c) => !lists.has(c));
  expect(stale).toEqual([]);
});

test.each([
  ['Region', 'children', 'RegionConnection'],
  ['Region', 'descendants', 'RegionConnection'],
  ['Region', 'organizations', 'OrganizationConnection'],
  ['Fund', 'allocations', 'AllocationConnection'],
  ['Fund', 'projects', 'ProjectConnection'],
  ['Fund', 'assessments', 'ExAnteAssessmentConnection'],
  ['Project', 'assessments', 'ExAnteAssessmentConnection'],
  ['Query', 'findings', 'FindingConnection'],
  ['Query', 'budgetRecommendations', 'BudgetRecommendationConnection'],
  ['PerformanceGoal', 'evaluations', 'EvaluationConnection'],
  ['PerformanceGoal', 'executions', 'GoalExecutionConnection'],
  ['PerformanceGoal', 'fundingHolds', 'FundingHoldConnection'],
  ['PerformanceGoal', 'monitoringReports', 'MonitoringReportConnection'],
  ['Query', 'allocationSimulations', 'AllocationSimulationConnection'],
  ['Query', 'noticeList', 'NoticeItemConnection'],
  ['Query', 'resultRanking', 'ResultRankingConnection'],
  ['PerformanceGoal', 'children', 'PerformanceGoalConnection'],
  ['PerformanceGoal', 'withdrawnAdjustments', 'PerformanceGoalConnection'],
  ['Organization', 'counterparts', 'OrganizationConnection'],
  ['Organization', 'counterpartOf', 'OrganizationConnection'],
])('%s.%s is a %s with first/after/last/before', (typeName, fieldName, connection) => {
  const type = buildBareSchema().getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const field = type.getFields()[fieldName];
  expect(getNamedType(field.type).name).toBe(connection);
  expect(field.args.map((a) => a.name)).toEqual(expect.arrayContaining(['first', 'after', 'last', 'before']));
});

// The keyset lists read through a SQL function page forward only (common/keyset-page.ts; DOMAIN §14).
test.each([
  ['publicGoals', 'PublicGoalConnection'],
  ['publicEvaluations', 'PublicEvaluationConnection'],
  ['publicationDue', 'PublicationDueItemConnection'],
])('Query.%s is a %s with first/after (forward keyset)', (fieldName, connection) => {
  const field = buildBareSchema().getQueryType()!.getFields()[fieldName];
  expect(getNamedType(field.type).name).toBe(connection);
  expect(field.args.map((a) => a.name)).toEqual(expect.arrayContaining(['first', 'after']));
  expect(field.args.map((a) => a.name)).not.toContain('skip');
});
