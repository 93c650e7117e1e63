import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { byPinyin } from '../common/collation';
import { toGlobalId } from '../common/global-id';
import { keysetConnection, keysetRequest, type ForwardConnectionArgs } from '../common/keyset-page';
import type { Connection } from '../common/pagination';
import {
  EVALUATION_RESPONSIBLE_SQL,
  GOAL_RESPONSIBLE_SQL,
  PUBLISHABLE_EVALUATION,
} from './disclosure.service';
import { DisclosureSubjectType, type PublicationDueItem } from './disclosure.types';

type Row = { id: string; name: string; year: number; responsible: string | null };
type Kind = 'G' | 'E';
/** An item with what its cursor needs. */
type DueRow = PublicationDueItem & { kind: Kind; uuid: string };

/** Neither classified nor ever published (DOMAIN §14). */
const unhandled = (alias: string, type: string) =>
  `NOT EXISTS (SELECT 1 FROM disclosure dd WHERE dd.tenant_id = ${alias}.tenant_id AND dd.subject_type = '${type}'
    AND dd.subject_id = ${alias}.id AND (dd.classified OR dd.published_on IS NOT NULL))`;

/** Keyset after (name in pinyin order, id) when the cursor is of this kind. */
function after(qb: SelectQueryBuilder<ObjectLiteral>, name: string, id: string, cursor: Cursor | null) {
  if (cursor)
    qb.andWhere(`(${byPinyin(name)}, ${id}) > (${byPinyin('CAST(:dueName AS text)')}, :dueId)`, {
      dueName: cursor.name,
      dueId: cursor.id,
    });
  return qb;
}

interface Cursor {
  kind: Kind;
  name: string;
  id: string;
}

async function goals(ctx: RequestContext, year: number) {
  return (await ctx.scope.goals('g'))
    .select('g.id', 'id')
    .addSelect('g.name', 'name')
    .addSelect('g.year', 'year')
    .addSelect(GOAL_RESPONSIBLE_SQL, 'responsible')
    .andWhere(`g.status = 'ISSUED' AND g.year = :dueYear AND ${unhandled('g', 'GOAL')}`, { dueYear: year });
}

async function evaluations(ctx: RequestContext, year: number) {
  return (await ctx.scope.evaluations('e'))
    .innerJoin('performance_goal', 'eg', 'eg.tenant_id = e.tenant_id AND eg.id = e.goal_id')
    .select('e.id', 'id')
    .addSelect('eg.name', 'name')
    .addSelect('e.year', 'year')
    .addSelect(EVALUATION_RESPONSIBLE_SQL, 'responsible')
    .andWhere(`e.status IN (:...dueStatuses) AND e.year = :dueYear AND ${unhandled('e', 'EVALUATION')}`, {
      dueStatuses: PUBLISHABLE_EVALUATION,
      dueYear: year,
    });
}

const item =
  (type: DisclosureSubjectType, node: string) =>
  (r: Row): DueRow => ({
    kind: type === DisclosureSubjectType.GOAL ? 'G' : 'E',
    uuid: r.id,
    subjectId: toGlobalId(node, r.id),
    subjectType: type,
    name: r.name,
    year: r.year,
    responsibleOrganizationUuid: r.responsible,
  });

/**
 * 待公开清单 (DOMAIN §14; 002 第二十九条): issued goals, then completed evaluations, of a year in the caller's
 * jurisdiction that are neither classified nor ever published, each kind by name in pinyin order (an
 * evaluation by its goal's name), then id. Keyset on (kind, name, id): a cursor names its kind, so a page
 * after a goal may run on into the evaluations, one after an evaluation reads evaluations only.
 */
export async function publicationDuePage(
  ctx: RequestContext,
  year: number,
  args: ForwardConnectionArgs,
): Promise<Connection<PublicationDueItem>> {
  const request = keysetRequest(args);
  const [kind, ...name] = (request.afterKey ?? '').split('|');
  const cursor: Cursor | null = request.afterId
    ? { kind: kind === 'E' ? 'E' : 'G', name: name.join('|'), id: request.afterId }
    : null;
  const rows: DueRow[] = [];
  if (cursor?.kind !== 'E') {
    const qb = after(await goals(ctx, year), 'g.name', 'g.id', cursor);
    const found = await qb
      .orderBy(byPinyin('g.name'))
      .addOrderBy('g.id')
      .limit(request.fetch)
      .getRawMany<Row>();
    rows.push(...found.map(item(DisclosureSubjectType.GOAL, 'PerformanceGoal')));
  }
  if (rows.length < request.fetch) {
    const qb = after(await evaluations(ctx, year), 'eg.name', 'e.id', cursor?.kind === 'E' ? cursor : null);
    const found = await qb
      .orderBy(byPinyin('eg.name'))
      .addOrderBy('e.id')
      .limit(request.fetch - rows.length)
      .getRawMany<Row>();
    rows.push(...found.map(item(DisclosureSubjectType.EVALUATION, 'Evaluation')));
  }
  const count = async () => {
    const [g, e] = await Promise.all([
      goals(ctx, year).then((qb) => qb.getCount()),
      evaluations(ctx, year).then((qb) => qb.getCount()),
    ]);
    return g + e;
  };
  return keysetConnection(rows, request, (r) => [`${r.kind}|${r.name}`, r.uuid], count);
}
