import { Field, InputType, Int } from 'type-graphql';
import { ANY_OF_NOTE } from '../../common/list-filter';
import { GoalScope, GoalStatus } from '../goal.enums';

/** Filters of `Organization.goals` (issue 18): the goals one organization drafted, narrowed further. */
@InputType({
  description: '单位绩效目标筛选 — filters on an organization’s goals; all given filters must hold',
})
export class OrganizationGoalFilter {
  @Field(() => Int, { nullable: true, description: '年度 — budget year' })
  year?: number;

  @Field(() => [GoalScope], { nullable: true, description: `目标范围 — scope: ${ANY_OF_NOTE}` })
  scope?: GoalScope[];

  @Field(() => [GoalStatus], { nullable: true, description: `状态 — status: ${ANY_OF_NOTE}` })
  status?: GoalStatus[];
}
