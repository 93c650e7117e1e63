import { GraphQLScalarType } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { connectionType } from '../common/pagination';
import { DateTime } from '../common/scalars';

/** JSON对象 — a JSON object, for the before/after snapshots of the audit trail. */
export const JSONObject = new GraphQLScalarType({
  ...GraphQLJSONObject.toConfig(),
  name: 'JSONObject',
  description: 'JSON对象 — a JSON object (snapshot of an entity in the audit trail, 审计留痕)',
});

/**
 * 审计留痕 (DOMAIN §15; 003 第七条): one append-only audit event as the API shows it. Ids are global ids of
 * the types the event names; the actor's name is the one on record, so that an audit office sees who
 * acted even when the actor's own record lies outside its view.
 */
@ObjectType('AuditEvent', {
  implements: Node,
  description:
    '审计事件 — one append-only record of a change (DOMAIN §15): who, which organization, when, what, before and after',
})
export class AuditEventType {
  @Field(() => ID, { description: '全局标识 — opaque id of this audit event' })
  id!: string;

  @Field(() => DateTime, { description: '发生时间 — when the change was committed' })
  occurredAt!: Date;

  @Field({
    description:
      '对象类型 — the changed entity’s type: Region, Organization, User, Fund, Project, ExAnteAssessment, PerformanceGoal',
  })
  entityType!: string;

  @Field(() => ID, {
    description:
      '对象标识 — global id of the changed entity (of type entityType); kept beside `entity` because the entity may be out of the caller’s view or of a type without node(id) (e.g. TenantPolicy)',
  })
  entityId!: string;

  @Field({ description: '操作 — the action, e.g. CREATE, UPDATE, SUBMIT, APPROVE, RETURN, ISSUE' })
  action!: string;

  @Field(() => JSONObject, {
    nullable: true,
    description: '变更前 — the entity before the change (null when created); secrets are never recorded',
  })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObject, {
    nullable: true,
    description: '变更后 — the entity after the change; secrets are never recorded',
  })
  after!: Record<string, unknown> | null;
}

export const AuditEventConnection = connectionType(AuditEventType, 'AuditEvent', '审计事件');

@InputType({ description: '审计事件筛选 — filters on audit events; all given filters must hold' })
export class AuditEventFilter {
  @Field({ nullable: true, description: '对象类型 — events of entities of this type, e.g. PerformanceGoal' })
  entityType?: string;

  @Field(() => ID, { nullable: true, description: '对象标识 — events of this entity (its global id)' })
  entityId?: string;

  @Field({ nullable: true, description: '操作 — events of this action, e.g. APPROVE' })
  action?: string;

  @Field(() => ID, {
    nullable: true,
    description: '经办单位 — events by this organization (its global id)',
  })
  actorOrganization?: string;

  @Field(() => DateTime, { nullable: true, description: '起始时间 — events at or after this instant' })
  from?: Date;

  @Field(() => DateTime, { nullable: true, description: '截止时间 — events before this instant' })
  to?: Date;
}
