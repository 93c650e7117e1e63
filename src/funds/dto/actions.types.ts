import { Field, ObjectType } from 'type-graphql';
import { DetailedActionAvailabilityBase } from '../../common/action-availability.type';
import { FundAction, ProjectAction } from '../fund.enums';

@ObjectType('FundActionAvailability', {
  description:
    '专项资金可办理操作 — whether the caller may take one action on the fund now and, if not, why (DOMAIN §4; P1)',
})
export class FundActionAvailabilityType extends DetailedActionAvailabilityBase {
  @Field(() => FundAction, { description: '操作 — the action' })
  action!: FundAction;
}

@ObjectType('ProjectActionAvailability', {
  description:
    '项目可办理操作 — whether the caller may take one action on the project now and, if not, why and what is missing (DOMAIN §5–6)',
})
export class ProjectActionAvailabilityType extends DetailedActionAvailabilityBase {
  @Field(() => ProjectAction, { description: '操作 — the action' })
  action!: ProjectAction;
}
