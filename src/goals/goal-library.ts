import { In, type EntityManager } from 'typeorm';
import { msg, type Message } from '../common/errors';
import type { ProjectEntity } from '../funds/project.entity';
import { GoalEntity } from './goal.entity';
import { GoalStatus } from './goal.enums';

/**
 * The goal states that let a project enter the project library (DOMAIN §5; 003 第十二条(一) 绩效目标…作为申请
 * 预算和项目入库的前置条件; 002 第九条 未按要求编制或设定绩效目标的项目，不得纳入预算管理流程): a goal
 * submitted at least — under review, approved, issued, or filed for record (the record path of 002 第十二条
 * stands for submitted and issued). A draft or a returned goal is not yet set; a rejected one (不予受理) or a
 * withdrawn adjustment never counts; a superseded version counts through the version that replaced it.
 */
export const LIBRARY_GOAL_STATES: readonly GoalStatus[] = [
  GoalStatus.SUBMITTED,
  GoalStatus.IN_REVIEW,
  GoalStatus.APPROVED,
  GoalStatus.ISSUED,
  GoalStatus.FILED_FOR_RECORD,
];

/** Why the project may not enter the library for want of a goal, or null when it has one. */
export async function libraryGoalRefusal(em: EntityManager, project: ProjectEntity): Promise<Message | null> {
  const has = await em.exists(GoalEntity, {
    where: { tenantId: project.tenantId, projectId: project.id, status: In([...LIBRARY_GOAL_STATES]) },
  });
  return has
    ? null
    : msg(
        '项目须先编制并报送绩效目标（至少已提交审核），方可纳入项目库（003 第十二条(一)：绩效目标作为申请预算和项目入库的前置条件）',
        'A project enters the library only with a performance goal submitted at least (003 第十二条(一): the goal is a precondition of budget requests and library entry)',
      );
}
