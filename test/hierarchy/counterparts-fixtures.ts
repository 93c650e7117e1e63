/**
 * Shared setup of the counterpart API tests (counterparts*-api.test.ts; issue 9 item 5, DOMAIN §3): the
 * counterpart and organization mutations, the mapping as stored, an organization's counterparts as read, and
 * the global ids of the departments and offices involved.
 */
import { TestApp } from '../harness/app';
import { organizationGid } from '../harness/ids';
import { mutations } from '../harness/mutations';

export let app: TestApp;
export type Org = { id: string; name: string };
export const { ok, refused, denied } = mutations<Org>(() => app, 'counterpart');
export const orgs = mutations<Org>(() => app, 'organization');

export const ERR = 'userErrors { code field message messageEn principle }';
export const SET = `mutation($input: SetCounterpartInput!) { setCounterpart(input: $input) { department { id name } counterpart { id name } ${ERR} } }`;
export const REMOVE = `mutation($input: RemoveCounterpartInput!) { removeCounterpart(input: $input) { department { id name } counterpart { id name } ${ERR} } }`;
export const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } ${ERR} } }`;
export const ORG = `query($id: ID!) { organization(id: $id) { name counterparts(first: 100) { totalCount nodes { name } } counterpartOf(first: 100) { totalCount nodes { name } } } }`;

export const o: Record<string, string> = {};

export async function mapped(upperName: string) {
  const rows = await app.sql<{ name: string }>(
    `SELECT c.name FROM organization_counterpart m
       JOIN organization u ON u.tenant_id = m.tenant_id AND u.id = m.upper_organization_id
       JOIN organization c ON c.tenant_id = m.tenant_id AND c.id = m.counterpart_organization_id
      WHERE u.name = $1 ORDER BY c.name`,
    [upperName],
  );
  return rows.map((r) => r.name);
}

export async function readOrg(name: string, as: string) {
  type Page = { totalCount: number; nodes: { name: string }[] };
  const res = await app.gql<{
    organization: { counterparts: Page; counterpartOf: Page } | null;
  }>(ORG, { id: o[name] }, { as });
  const org = res.data!.organization;
  // Issue 11 item 7: both lists are connections; the whole list fits one page of 100.
  if (org)
    for (const page of [org.counterparts, org.counterpartOf]) expect(page.totalCount).toBe(page.nodes.length);
  return org && { counterparts: org.counterparts.nodes, counterpartOf: org.counterpartOf.nodes };
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useCounterpartsApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    for (const name of [
      '张店区交通运输局',
      '张店区城市管理局',
      '张店区农业农村局',
      '张店区财政局',
      '淄川区交通运输局',
      '淄博市交通运输局',
      '车站街道建设办公室',
      '车站街道农业办公室',
      '公园街道建设办公室',
      '日照市财政局',
    ])
      o[name] = await organizationGid(app, name);
  });
  afterAll(async () => app.stop());
}
