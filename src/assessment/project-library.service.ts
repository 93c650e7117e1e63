import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { enforce } from '../common/decision';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation } from '../common/mutation';
import { ProjectAction, ProjectLibraryStatus } from '../funds/fund.enums';
import type { ProjectEntity } from '../funds/project.entity';
import { updateProjectRow } from '../funds/project.repository';
import { decideProject, needsLibraryFacts, type LibraryFacts } from '../funds/rules/project-decision';
import { libraryGoalRefusal } from '../goals/goal-library';
import type { EnterProjectLibraryInput } from './dto/assessment.inputs';
import { projectGateSubject } from './assessment.gate';
import { mayEnterProjectLibrary } from './rules/gate';
import { refusal } from '../common/refusal';

/**
 * The facts of library entry (DOMAIN §5–6), read for the mutation and for `Project.availableActions`
 * alike: the goal precondition (003 第十二条(一)) and the ex-ante gate (003 第九条). Undefined when the
 * decision stops before them (the caller may not act, or the project is not a CANDIDATE).
 */
export async function libraryFacts(
  ctx: RequestContext,
  em: EntityManager,
  project: ProjectEntity,
): Promise<LibraryFacts | undefined> {
  if (!needsLibraryFacts(project, ctx.caller)) return undefined;
  const goalRefusal = await libraryGoalRefusal(em, project);
  const gate = mayEnterProjectLibrary(await projectGateSubject(ctx, project));
  return { goalRefusal, gate };
}

/**
 * 纳入项目库 (DOMAIN §6; 003 第九条) — a CANDIDATE project enters the library only when it has a goal and
 * the ex-ante gate passes; by the project's competent department or a finance bureau at its region or
 * above (rules/project-decision.ts, the decision `availableActions` shows).
 */
export function enterProjectLibrary(ctx: RequestContext, input: EnterProjectLibraryInput) {
  return runMutation(ctx, {}, async (em) => {
    const id = idOfType(input.projectId, 'Project');
    const current = id ? await ctx.loaders.projectById.load(id) : null;
    if (!current)
      throw refusal(ErrorCode.NOT_FOUND, ['input', 'projectId'], msg('未找到该项目', 'Project not found'));
    const facts = await libraryFacts(ctx, em, current);
    enforce(decideProject(current, ctx.caller, ProjectAction.ENTER_LIBRARY, facts));
    const project = await updateProjectRow(ctx, em, current, {
      action: 'ENTER_LIBRARY',
      expectedVersion: current.version,
      changes: { libraryStatus: ProjectLibraryStatus.IN_LIBRARY },
      auditExtra: { gate: { basis: facts!.gate.basis, reason: facts!.gate.reason } },
    });
    return { project };
  });
}
