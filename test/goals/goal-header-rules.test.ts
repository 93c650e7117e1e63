/** The 附件2–3 money split of transfer goals (DOMAIN §5; 002 附件2–3: 其中：市级预算资金 / 县级及以下资金). */
import { Decimal } from '../../src/common/decimal';
import { GoalScope } from '../../src/goals/goal.enums';
import { headerProblems, mergedHeader } from '../../src/goals/goal-header';

const split = (upper: string, lower: string) =>
  mergedHeader({ allocatingLevelAmount: new Decimal(upper), lowerLevelAmount: new Decimal(lower) }, null);

test('allocating level + 县级及以下 must equal the annual amount, to the fen', () => {
  expect(
    headerProblems(split('500000.00', '300000.00'), GoalScope.TRANSFER_REGIONAL, 2025, '800000.00'),
  ).toEqual([]);
  expect(
    headerProblems(split('500000.00', '300000.01'), GoalScope.TRANSFER_REGIONAL, 2025, '800000.00'),
  ).toEqual([
    expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'header', 'allocatingLevelAmount'] }),
  ]);
});

test('附件1 fields do not apply to transfer goals; the period does apply to the overall goal (专项实施期)', () => {
  const h = mergedHeader(
    { projectAttribute: undefined, projectCategory: '道路', periodStartYear: 2025, periodEndYear: 2027 },
    null,
  );
  expect(headerProblems(h, GoalScope.TRANSFER_OVERALL, 2025, null).map((p) => p.field)).toEqual([
    ['input', 'header', 'projectCategory'],
  ]);
});
