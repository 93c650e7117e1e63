import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { connectionType } from '../common/pagination';
import { DateTime } from '../common/scalars';
import { InboxItemKind } from './inbox.enums';

/** 待办事项 — one thing awaiting the caller, with the object it concerns (issue 11 item 3). */
@ObjectType('InboxItem', {
  description:
    '待办事项 — one thing awaiting the caller’s organization: its kind, a title, the due date if any, and the object itself (a Node, to link to)',
})
export class InboxItemType {
  @Field(() => InboxItemKind, { description: '待办类型 — what the caller is to do' })
  kind!: InboxItemKind;

  @Field({ description: '标题 — what the item is about (the goal’s or subject’s name, as stored)' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: '截止日期 — due date (YYYY-MM-DD, Asia/Shanghai) where a rule sets one; null otherwise',
  })
  dueOn!: string | null;

  @Field(() => DateTime, {
    description: '等待起始 — when the item started waiting (the inbox is oldest first)',
  })
  since!: string;

  @Field(() => Node, {
    description:
      '对象 — the goal, assessment, monitoring report, evaluation or finding itself (fetch it again with node(id))',
  })
  node!: object;
}

export const InboxItemConnection = connectionType(InboxItemType, 'InboxItem', '待办事项');
export type InboxItemConnection = InstanceType<typeof InboxItemConnection>;

@ArgsType()
export class InboxArgs {
  @Field(() => Int, { nullable: true, description: '前N条 — page size (at most 100, default 20)' })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: '游标之后 — items after this cursor (pageInfo.endCursor)',
  })
  after?: string;

  @Field(() => [InboxItemKind], {
    nullable: true,
    description: '待办类型 — only these kinds (all kinds when omitted)',
  })
  kinds?: InboxItemKind[];
}
