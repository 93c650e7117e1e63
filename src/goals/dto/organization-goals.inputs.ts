import { InputType } from 'type-graphql';
import { GoalFilterBase } from './goal.inputs';

/** Filters of `Organization.goals` (issue 18): the goals one organization drafted, narrowed further. */
@InputType({
  description: '单位绩效目标筛选 — filters on an organization’s goals; all given filters must hold',
})
export class OrganizationGoalFilter extends GoalFilterBase {}
