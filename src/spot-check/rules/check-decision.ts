import { p7EvaluatorKind, p7Separation } from '../../auth/principles';
import { allowed, firstOf, principleVerdict, refused, type Verdict } from '../../common/decision';
import { ErrorCode, msg } from '../../common/errors';
import { problem } from '../../common/problem';
import { EvaluationKind, EvaluationStatus } from '../../evaluation/evaluation.enums';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { SpotCheckItemStatus } from '../spot-check.enums';

/** The message P7 refusals of spot checks carry (tests pin it). */
export const p7SpotCheck = msg(
  '抽查复核人不能是被抽查自评的填报单位或项目实施单位（委托人和项目实施主体相分离）',
  'A spot-checker is never the self-evaluator or the implementing unit of what it checks (P7)',
);

/** A drawn item with what the decision needs of its self-evaluation and project. */
export interface CheckFacts {
  position: number;
  sampled: boolean;
  status: SpotCheckItemStatus;
  /** The sampled evaluation; null when the item lists a goal without one (MISSING_SELF_EVALUATION). */
  self: { evaluatorOrganizationId: string; status: EvaluationStatus; kind: EvaluationKind } | null;
  /** The implementing unit of the evaluated goal's project, if any. */
  implementingUnitId: string | null;
}

const field = ['input', 'itemId'];

/** Who may re-score at all (the shield's rule as a verdict): finance or a competent department (P7, P6). */
export function checkerKindVerdict(kind: OrganizationKind): Verdict {
  if (kind === OrganizationKind.FINANCE_BUREAU || kind === OrganizationKind.COMPETENT_DEPARTMENT)
    return allowed;
  if (kind === OrganizationKind.IMPLEMENTING_UNIT)
    return principleVerdict(p7EvaluatorKind({ callerIsImplementingUnit: true, message: p7SpotCheck }), field);
  return refused(
    ErrorCode.FORBIDDEN,
    field,
    kind === OrganizationKind.AUDIT_OFFICE
      ? msg('审计部门只能查阅抽查结果', 'Audit offices only read spot checks')
      : msg('第三方机构未受托开展抽查复核', 'Third parties are not commissioned for spot checks'),
    'P6',
  );
}

/**
 * 录入抽查复核 of one item (DOMAIN §12; P7, 002 第十七条) as one pure decision, for `recordSpotCheck` and
 * `availableActions`: the checker is finance or a department (never an implementing unit); the item is
 * a drawn, PENDING one with a self-evaluation; the checker is neither that self-evaluator nor the
 * project's implementing unit; the sampled self-evaluation is settled (a returned one waits for its
 * resubmission; a department evaluation, 002 第二十八条(二), any state past its draft).
 */
export function decideRecordCheck(
  item: CheckFacts,
  actor: { organizationId: string; organizationKind: OrganizationKind },
): Verdict {
  return firstOf(
    () => checkerKindVerdict(actor.organizationKind),
    () =>
      item.sampled && item.self
        ? allowed
        : refused(
            ErrorCode.WORKFLOW_VIOLATION,
            field,
            msg(
              '该目标没有已提交的单位自评，无可复核',
              'The goal has no submitted self-evaluation to re-score',
            ),
          ),
    () =>
      item.status === SpotCheckItemStatus.PENDING
        ? allowed
        : refused(
            ErrorCode.WORKFLOW_VIOLATION,
            field,
            msg('该抽查对象已复核，不能再次录入', 'The item has already been checked'),
          ),
    () =>
      principleVerdict(
        p7Separation({
          evaluatorOrgId: actor.organizationId,
          implementingOrgIds: [item.implementingUnitId],
          selfEvaluatorOrgIds: [item.self!.evaluatorOrganizationId],
          message: p7SpotCheck,
        }),
        field,
      ),
    () => settledVerdict(item.self!),
  );
}

function settledVerdict(self: NonNullable<CheckFacts['self']>): Verdict {
  const open = self.status === EvaluationStatus.DRAFT || self.status === EvaluationStatus.RETURNED;
  const settled =
    self.kind === EvaluationKind.SELF
      ? self.status === EvaluationStatus.SUBMITTED || self.status === EvaluationStatus.REVIEWED
      : !open;
  return settled
    ? allowed
    : refused(
        ErrorCode.WORKFLOW_VIOLATION,
        field,
        msg(
          `被抽查的自评已被退回（${self.status}），须待重新提交后复核`,
          `The sampled self-evaluation was returned (${self.status}); re-score it once resubmitted`,
        ),
      );
}

/**
 * RECORD_CHECK on a whole sample: allowed when the caller may re-score at least one of its items; else
 * refused, with each pending item's reason listed ("第 k 项: …") so a UI can say why.
 */
export function decideSampleCheck(
  items: readonly CheckFacts[],
  actor: { organizationId: string; organizationKind: OrganizationKind },
): Verdict {
  const kind = checkerKindVerdict(actor.organizationKind);
  if (!kind.ok) return kind;
  const pending = items.filter((i) => i.sampled && i.status === SpotCheckItemStatus.PENDING);
  const verdicts = pending.map((i) => ({ item: i, verdict: decideRecordCheck(i, actor) }));
  if (verdicts.some((v) => v.verdict.ok)) return allowed;
  if (verdicts.length === 0)
    return refused(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input'],
      msg('该样本没有待复核的抽查对象', 'The sample has no pending item to re-score'),
    );
  const first = verdicts[0].verdict as Extract<Verdict, { ok: false }>;
  return {
    ok: false,
    problem: first.problem,
    details: verdicts.map(({ item, verdict }) => {
      const p = (verdict as Extract<Verdict, { ok: false }>).problem;
      return problem(
        p.code,
        p.field,
        msg(`第 ${item.position} 项：${p.message.zh}`, `Item ${item.position}: ${p.message.en}`),
        { ...(p.principle ? { principle: p.principle } : {}), ...(p.reason ? { reason: p.reason } : {}) },
      );
    }),
  };
}
