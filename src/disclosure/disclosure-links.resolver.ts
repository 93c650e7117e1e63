import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { fromGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { DisclosureType, PublicationDueItem } from './disclosure.types';

/** What the links of a disclosure item read: its subject's global id and its responsible department. */
interface Linked {
  subjectId: string;
  responsibleOrganizationUuid: string | null;
}

const RESPONSIBLE =
  '责任部门 — the responsible department that publishes it (谁主管、谁负责、谁公开, P5); null when the caller may not read that organization (outside its view)';
const SUBJECT =
  '事项 — the goal (PerformanceGoal) or evaluation (Evaluation) itself; null when the caller may not read it (P6). Its global id is subjectId';

/** Issue 11 item 7: objects, not bare ids — batched through the scoped loaders (P6: out of view reads null). */
function responsible(item: Linked, ctx: RequestContext): Promise<OrganizationEntity | null> | null {
  return item.responsibleOrganizationUuid
    ? ctx.loaders.organizationById.load(item.responsibleOrganizationUuid)
    : null;
}

function subject(item: Linked, ctx: RequestContext): Promise<object | null> | null {
  const parsed = fromGlobalId(item.subjectId);
  if (parsed?.type === 'PerformanceGoal') return ctx.loaders.goalById.load(parsed.id);
  if (parsed?.type === 'Evaluation') return evaluationLoadersOf(ctx).evaluationById.load(parsed.id);
  return null;
}

/** The links of one item type: same fields and descriptions on DisclosureType and PublicationDueItem. */
function linksResolver<T extends Linked>(type: () => ClassType<T>) {
  // A thunk: the types module may still be loading when this one is (import cycles through the loaders).
  @Resolver(type)
  class LinksResolver {
    @FieldResolver(() => OrganizationType, { nullable: true, description: RESPONSIBLE })
    responsibleOrganization(@Root() item: T, @Ctx() ctx: RequestContext) {
      return responsible(item, ctx);
    }

    @FieldResolver(() => Node, { nullable: true, description: SUBJECT })
    subject(@Root() item: T, @Ctx() ctx: RequestContext) {
      return subject(item, ctx);
    }
  }
  return LinksResolver;
}

/** The disclosure resolvers besides DisclosureResolver (composed by src/app/schema.ts). */
export const disclosureLinkResolvers = [
  linksResolver(() => DisclosureType),
  linksResolver(() => PublicationDueItem),
];
