/**
 * The default tenant policy's numbers (DOMAIN §10.7: 002 第二十五条 90/80/60; §10.3 1.2 and 0.8; §9 10
 * points; §12 10% and 10 points), written out here, not read from src/policy, so a test does not trust the
 * code it checks.
 */
export const DEFAULT_POLICY_NUMBERS = {
  gradeExcellent: '90',
  gradeGood: '80',
  gradeFair: '60',
  overTargetThreshold: '1.2',
  overTargetFloor: '0.8',
  slowExecutionThreshold: '10',
  spotCheckRatio: '0.1',
  spotCheckGap: '10',
};
