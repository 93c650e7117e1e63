import { request } from './client';
import { ApproveGoalDocument, InboxDocument, type InboxItemKind, type InboxQuery } from './gql/graphql';

/**
 * 待办 → buttons: reads every page of the caller's inbox (cursor pagination), and approves the goals
 * whose availableActions allow it. Every name is checked by TypeScript against schema/schema.graphql.
 */
export async function approveAllowedGoals(url: string, token: string): Promise<string[]> {
  const kinds: InboxItemKind[] = ['GOAL_REVIEW'];
  const done: string[] = [];
  let after: string | null = null;
  do {
    const page: InboxQuery = await request(url, InboxDocument, { first: 20, after, kinds }, token);
    for (const { node: item } of page.myInbox.edges) {
      const goal = item.node;
      if (goal.__typename !== 'PerformanceGoal') continue;
      const approve = goal.availableActions.find((a) => a.action === 'APPROVE');
      if (!approve?.allowed) continue;
      const result = await request(
        url,
        ApproveGoalDocument,
        { input: { id: goal.id, expectedVersion: goal.rowVersion } },
        token,
      );
      const problems = result.approveGoal.userErrors;
      // A form highlights `field` (e.g. ["input", "expectedVersion"]) and shows `message`.
      if (problems.length > 0)
        done.push(`${item.title}: ${problems.map((p) => `${p.field.join('.')} ${p.message}`).join('; ')}`);
      else done.push(`${item.title}: ${result.approveGoal.goal?.status ?? ''}`);
    }
    after = page.myInbox.pageInfo.hasNextPage ? (page.myInbox.pageInfo.endCursor ?? null) : null;
  } while (after);
  return done;
}
