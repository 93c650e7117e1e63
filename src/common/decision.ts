import type { ErrorCode, Message } from './error-code';
import { problem, type Problem } from './problem';
import { abort } from './refusal';

/**
 * The answer of a workflow object's pure `decide()` (issue 10 item 3): allowed, or refused with a stable
 * code, the input field, a bilingual sentence, the principle of DOMAIN §8 and — when the refusal is about
 * missing content — one problem per missing item (`details`). The same verdict serves the mutation
 * (`enforce`, raising through common/refusal.ts) and `availableActions` (`availabilityOf`), so a button
 * shown as allowed never fails the mutation's checks, and one shown as refused lists the same items.
 */
export type Verdict = { ok: true } | Refused;

export interface Refused {
  ok: false;
  problem: Problem;
  /** The missing or invalid items behind the refusal, each as the mutation reports it. */
  details?: readonly Problem[];
}

export const allowed: Verdict = { ok: true };

export function refused(
  code: ErrorCode,
  field: readonly string[],
  message: Message,
  principle?: string,
  reason?: string,
): Refused {
  return {
    ok: false,
    problem: problem(code, field, message, {
      ...(principle ? { principle } : {}),
      ...(reason ? { reason } : {}),
    }),
  };
}

/** A refusal made of content problems: the first one's code and sentence, all of them as details. */
export function refusedFor(problems: readonly Problem[]): Verdict {
  if (problems.length === 0) return allowed;
  return { ok: false, problem: problems[0], details: problems };
}

/** The problems a refusal raises in a mutation: one per detail, else the refusal itself. */
export function problemsOf(r: Refused): readonly Problem[] {
  return r.details?.length ? r.details : [r.problem];
}

/** In a mutation: aborts (nothing written) unless the verdict allows the action. */
export function enforce(verdict: Verdict): void {
  if (!verdict.ok) abort(problemsOf(verdict));
}

/** One button of a UI (DOMAIN §7, §16): whether the action is allowed now and, if not, why. */
export interface Availability<A extends string> {
  action: A;
  allowed: boolean;
  code: ErrorCode | null;
  reason: string | null;
  reasonEn: string | null;
  principle: string | null;
  requires: string | null;
  /** The missing items behind a refusal (Chinese), as the mutation would report them. */
  details: string[];
}

export function availabilityOf<A extends string>(
  action: A,
  verdict: Verdict,
  requires: string | null = null,
): Availability<A> {
  if (verdict.ok)
    return {
      action,
      allowed: true,
      code: null,
      reason: null,
      reasonEn: null,
      principle: null,
      requires,
      details: [],
    };
  return {
    action,
    allowed: false,
    code: verdict.problem.code,
    reason: verdict.problem.message.zh,
    reasonEn: verdict.problem.message.en,
    principle: verdict.problem.principle ?? null,
    requires: null,
    details: (verdict.details ?? []).map((p) => p.message.zh),
  };
}

/** A named principle's answer (auth/principles.ts: null = allowed) as a verdict at an input field. */
export function principleVerdict(
  r: { code: ErrorCode; principle: string; reason: string; message: Message } | null,
  field: readonly string[],
): Verdict {
  return r ? refused(r.code, field, r.message, r.principle, r.reason) : allowed;
}

/** The first refusal of checks run in order (so each refusal names the right rule), or allowed. */
export function firstOf(...checks: (() => Verdict)[]): Verdict {
  for (const check of checks) {
    const v = check();
    if (!v.ok) return v;
  }
  return allowed;
}
