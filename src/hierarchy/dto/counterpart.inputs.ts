import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { OrganizationType } from './hierarchy.types';

@InputType({
  description:
    '设置对口部门 — name the department of a directly lower region (e.g. a township office) that answers for an upper competent department’s funds there (DOMAIN §3; 003 转移支付 第六–八条); replaces the region’s previous counterpart',
})
export class SetCounterpartInput {
  @Field(() => ID, { description: '上级业务主管部门 — the upper-level (e.g. district) competent department' })
  departmentId!: string;

  @Field(() => ID, {
    description: '对口部门 — a competent department of a region directly under the department’s region',
  })
  counterpartId!: string;
}

@InputType({ description: '取消对口部门 — remove a counterpart mapping' })
export class RemoveCounterpartInput {
  @Field(() => ID, { description: '上级业务主管部门 — the upper-level competent department' })
  departmentId!: string;

  @Field(() => ID, { description: '对口部门 — the counterpart department to unmap' })
  counterpartId!: string;
}

@ObjectType({ description: '对口部门变更结果 — result of a counterpart mutation' })
export class CounterpartPayload {
  @Field(() => OrganizationType, {
    nullable: true,
    description:
      '上级业务主管部门 — the upper department (its counterparts field lists the mapping); null when refused',
  })
  department?: OrganizationType | null;

  @Field(() => OrganizationType, {
    nullable: true,
    description: '对口部门 — the counterpart set or removed; null when refused',
  })
  counterpart?: OrganizationType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
