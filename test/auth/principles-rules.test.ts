/**
 * The permission principles P4 and P7 as pure functions (DOMAIN §8; 002 第十七条), both ways: the allowed
 * caller passes (null), everyone else is refused with the principle, a stable code and reason, and a
 * sentence in Chinese and English.
 */
import {
  isSeparated,
  mayCompileAsSelfEvaluator,
  P4_MESSAGE,
  P7_MESSAGE,
  p4SelfEvaluator,
  p7EvaluatorKind,
  p7Separation,
  refusalProblem,
} from '../../src/auth/principles';
import { ErrorCode, msg } from '../../src/common/errors';

describe('P4 谁支出、谁自评 (DOMAIN §8, 002 第十七条)', () => {
  it('lets the spending unit compile its own self-evaluation', () => {
    expect(p4SelfEvaluator({ callerOrgId: 'unit', selfEvaluatorOrgId: 'unit' })).toBeNull();
    expect(mayCompileAsSelfEvaluator({ callerOrgId: 'unit', selfEvaluatorOrgId: 'unit' })).toBe(true);
  });

  it('refuses anyone else, and refuses when no self-evaluator is known', () => {
    for (const selfEvaluatorOrgId of ['unit', null, undefined]) {
      const r = p4SelfEvaluator({ callerOrgId: 'department', selfEvaluatorOrgId });
      expect(r).toEqual({
        code: ErrorCode.FORBIDDEN,
        principle: 'P4',
        reason: 'NOT_SELF_EVALUATOR',
        message: P4_MESSAGE,
      });
      expect(r!.message.zh).toContain('谁支出、谁自评');
      expect(r!.message.en).toContain('P4');
    }
    expect(mayCompileAsSelfEvaluator({ callerOrgId: 'department', selfEvaluatorOrgId: 'unit' })).toBe(false);
  });

  it('keeps a module’s own sentence when given', () => {
    const own = msg('部门整体自评由该部门自行开展', 'The department evaluates itself');
    expect(p4SelfEvaluator({ callerOrgId: 'x', selfEvaluatorOrgId: 'dept', message: own })?.message).toBe(
      own,
    );
  });
});

describe('P7 委托人和项目实施主体相分离 (DOMAIN §8, 002 第十七条)', () => {
  const facts = { implementingOrgIds: ['unit', null], selfEvaluatorOrgIds: ['selfUnit', undefined] };

  it('lets a separate evaluator (department, finance, third party, spot-checker) act', () => {
    expect(p7Separation({ evaluatorOrgId: 'finance', ...facts })).toBeNull();
    expect(isSeparated({ evaluatorOrgId: 'thirdParty', ...facts })).toBe(true);
    expect(p7Separation({ evaluatorOrgId: 'x', implementingOrgIds: [], selfEvaluatorOrgIds: [] })).toBeNull();
  });

  it('refuses the implementing unit as evaluator', () => {
    expect(p7Separation({ evaluatorOrgId: 'unit', ...facts })).toEqual({
      code: ErrorCode.FORBIDDEN,
      principle: 'P7',
      reason: 'EVALUATOR_IS_IMPLEMENTER',
      message: P7_MESSAGE,
    });
  });

  it('refuses the self-evaluator of what it checks', () => {
    const r = p7Separation({ evaluatorOrgId: 'selfUnit', ...facts });
    expect(r?.reason).toBe('EVALUATOR_IS_SELF_EVALUATOR');
    expect(r?.principle).toBe('P7');
    expect(isSeparated({ evaluatorOrgId: 'selfUnit', ...facts })).toBe(false);
    expect(r!.message.zh).toContain('相分离');
    expect(r!.message.en).toContain('P7');
  });

  it('never lets an implementing unit evaluate by kind', () => {
    expect(p7EvaluatorKind({ callerIsImplementingUnit: false })).toBeNull();
    expect(p7EvaluatorKind({ callerIsImplementingUnit: true })).toMatchObject({
      code: ErrorCode.FORBIDDEN,
      principle: 'P7',
      reason: 'IMPLEMENTER_NEVER_EVALUATES',
    });
  });

  it('turns a refusal into a problem at the input field', () => {
    const r = p7Separation({ evaluatorOrgId: 'unit', ...facts })!;
    expect(refusalProblem(r, ['input', 'goalId'])).toEqual({
      code: ErrorCode.FORBIDDEN,
      field: ['input', 'goalId'],
      message: P7_MESSAGE,
      reason: 'EVALUATOR_IS_IMPLEMENTER',
    });
  });
});
