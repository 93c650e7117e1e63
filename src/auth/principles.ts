import { ErrorCode, msg, type Message } from '../common/errors';
import type { Problem } from '../common/problem';

/**
 * The permission principles P4 and P7 of DOMAIN §8 as named pure functions: plain data in, `null` when
 * the caller may act, otherwise a refusal naming the principle, a stable code, a machine reason and a
 * sentence in Chinese and English. No database: services load the organisations and call these; the
 * same calls serve `availableActions` and the mutations, so both always agree.
 */
export type PrincipleCode = 'P4' | 'P7';

export interface PrincipleRefusal {
  code: ErrorCode;
  principle: PrincipleCode;
  /** Machine reason, stable for callers and tests (e.g. `EVALUATOR_IS_IMPLEMENTER`). */
  reason: string;
  message: Message;
}

/** Who P4 designates as the self-evaluator of a goal, and who is asking. */
export interface SelfEvaluatorFacts {
  callerOrgId: string;
  /**
   * 谁支出、谁自评 (002 第十七条): the spending unit for a project; the township department for a compiled
   * regional result; the fund's competent department for the overall result. Null when none is known.
   */
  selfEvaluatorOrgId: string | null | undefined;
  /** Overrides the default sentence (kept per module where tests pin the wording). */
  message?: Message;
}

export const P4_MESSAGE = msg(
  '单位自评只能由使用资金的项目实施单位填报和提交（谁支出、谁自评）',
  'Only the spending unit (the project’s implementing unit) fills in and submits its self-evaluation (P4)',
);

/** P4 谁支出、谁自评 (DOMAIN §8, 002 第十七条): only the designated self-evaluator compiles and submits. */
export function p4SelfEvaluator(facts: SelfEvaluatorFacts): PrincipleRefusal | null {
  if (facts.selfEvaluatorOrgId && facts.selfEvaluatorOrgId === facts.callerOrgId) return null;
  return {
    code: ErrorCode.FORBIDDEN,
    principle: 'P4',
    reason: 'NOT_SELF_EVALUATOR',
    message: facts.message ?? P4_MESSAGE,
  };
}

/** Boolean form of {@link p4SelfEvaluator}. */
export const mayCompileAsSelfEvaluator = (facts: SelfEvaluatorFacts): boolean =>
  p4SelfEvaluator(facts) === null;

/** The organisations P7 keeps apart from an evaluator (department, finance, third party, spot-checker). */
export interface SeparationFacts {
  /** The organisation that would evaluate, check or review. */
  evaluatorOrgId: string;
  /** 项目实施主体 — the implementing unit(s) of what is evaluated. */
  implementingOrgIds: readonly (string | null | undefined)[];
  /** The author(s) of the self-evaluation (or assessment) of what is evaluated. */
  selfEvaluatorOrgIds: readonly (string | null | undefined)[];
  /** Overrides the default sentence (kept per module where tests pin the wording). */
  message?: Message;
}

export const P7_MESSAGE = msg(
  '评价主体须与项目实施主体相分离：评价单位不能是项目实施单位，也不能是所评对象的自评单位（002 第十七条）',
  'The evaluator is never the implementing unit nor the self-evaluator of what it evaluates (P7, 002 第十七条)',
);

/**
 * P7 委托人和项目实施主体相分离 (DOMAIN §8, 002 第十七条): an evaluator is never the implementing unit and
 * never the self-evaluator of what it checks.
 */
export function p7Separation(facts: SeparationFacts): PrincipleRefusal | null {
  const refuse = (reason: string): PrincipleRefusal => ({
    code: ErrorCode.FORBIDDEN,
    principle: 'P7',
    reason,
    message: facts.message ?? P7_MESSAGE,
  });
  if (facts.implementingOrgIds.includes(facts.evaluatorOrgId)) return refuse('EVALUATOR_IS_IMPLEMENTER');
  if (facts.selfEvaluatorOrgIds.includes(facts.evaluatorOrgId)) return refuse('EVALUATOR_IS_SELF_EVALUATOR');
  return null;
}

/** Boolean form of {@link p7Separation}. */
export const isSeparated = (facts: SeparationFacts): boolean => p7Separation(facts) === null;

/**
 * P7 by kind (DOMAIN §8): an implementing unit is the self-evaluating side and never an evaluator or
 * spot-checker of anyone, whatever the object.
 */
export function p7EvaluatorKind(facts: {
  callerIsImplementingUnit: boolean;
  message?: Message;
}): PrincipleRefusal | null {
  if (!facts.callerIsImplementingUnit) return null;
  return {
    code: ErrorCode.FORBIDDEN,
    principle: 'P7',
    reason: 'IMPLEMENTER_NEVER_EVALUATES',
    message: facts.message ?? P7_MESSAGE,
  };
}

/** A refusal as a `Problem` at an input field (for `userErrors` / `abortWith`). */
export const refusalProblem = (refusal: PrincipleRefusal, field: string[]): Problem => ({
  code: refusal.code,
  field,
  message: refusal.message,
  reason: refusal.reason,
});
