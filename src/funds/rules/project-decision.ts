import { allowed, refused, type Verdict } from '../../common/decision';
import { ErrorCode, msg, type Message } from '../../common/errors';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { ProjectAction, ProjectLibraryStatus } from '../fund.enums';

/** A project as its decisions need it (DOMAIN §5–6). */
export interface ProjectState {
  implementingUnitId: string;
  departmentId: string;
  regionPath: string;
  libraryStatus: ProjectLibraryStatus;
}

export interface ProjectActor {
  organizationId: string;
  organizationKind: OrganizationKind;
  regionPath: string;
}

/** ENTER_LIBRARY's facts, read by the service: the goal precondition and the ex-ante gate. */
export interface LibraryFacts {
  /** Why the project lacks the goal the library needs (goals/goal-library.ts), or null. */
  goalRefusal: Message | null;
  /** The ex-ante gate (assessment/rules/gate.ts `mayEnterProjectLibrary`). */
  gate: { passes: boolean; reason: Message; basis?: string };
}

export const p2Refusal = msg(
  '项目由实施单位本身或其主管部门编制（P2 谁申请资金、谁编制目标）',
  'A project is prepared by its implementing unit or the department over it (P2: whoever applies for the money drafts it)',
);

const libraryField = ['input', 'projectId'];

/**
 * A project's actions as one pure decision, for the mutations and `availableActions` (issue 11 item 2):
 * EDIT by its implementing unit or its department (P2, 002 第十条(一)); ENTER_LIBRARY (纳入项目库, DOMAIN §6;
 * 003 第九条) by its competent department or a finance bureau at its region or above, only while CANDIDATE,
 * with a goal submitted at least (003 第十二条(一)) and the ex-ante gate passed (未开展或评估结果差的不得安排预算).
 */
export function decideProject(
  p: ProjectState,
  actor: ProjectActor,
  action: ProjectAction,
  facts?: LibraryFacts,
): Verdict {
  if (action === ProjectAction.EDIT) {
    return actor.organizationId === p.implementingUnitId || actor.organizationId === p.departmentId
      ? allowed
      : refused(ErrorCode.FORBIDDEN, ['input', 'id'], p2Refusal, 'P2');
  }
  const isDepartment = actor.organizationId === p.departmentId;
  const isFinance =
    actor.organizationKind === OrganizationKind.FINANCE_BUREAU && p.regionPath.startsWith(actor.regionPath);
  if (!isDepartment && !isFinance)
    return refused(
      ErrorCode.FORBIDDEN,
      libraryField,
      msg(
        '项目由其主管部门或所在级次的财政部门纳入项目库',
        'A project enters the library through its competent department or the finance bureau of its region',
      ),
      'P3',
    );
  if (p.libraryStatus !== ProjectLibraryStatus.CANDIDATE)
    return refused(
      ErrorCode.WORKFLOW_VIOLATION,
      libraryField,
      msg('只有待入库的项目可以纳入项目库', 'Only a CANDIDATE project can enter the library'),
    );
  if (facts?.goalRefusal) return refused(ErrorCode.WORKFLOW_VIOLATION, libraryField, facts.goalRefusal);
  if (facts && !facts.gate.passes)
    return refused(ErrorCode.WORKFLOW_VIOLATION, libraryField, facts.gate.reason);
  return allowed;
}

/** Whether ENTER_LIBRARY needs the (database) facts: only a permitted caller on a CANDIDATE gets that far. */
export const needsLibraryFacts = (p: ProjectState, actor: ProjectActor): boolean =>
  decideProject(p, actor, ProjectAction.ENTER_LIBRARY, {
    goalRefusal: null,
    gate: { passes: true, reason: { zh: '', en: '' } },
  }).ok;
