import { toGlobalId } from '../src/common/global-id';

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { token userErrors { code message } }
}`;

export interface LoginData {
  login: { token: string | null; userErrors: { code: string; message: string }[] };
}

const organizationFields = 'id name kind sector supervisingDepartment { id name }';

/** A region's organizations: a connection (issue 11 item 7); no region of a city has 100. */
const organizations = `organizations(first: 100) { nodes { ${organizationFields} } }`;

/**
 * (a) The whole city tree in one request: city, districts, townships, each with its organizations.
 * Region.children and Region.organizations are connections (issue 11 item 7): one page of 100 holds
 * every district of a city and every township of a district.
 */
export const CITY_TREE = `query CityTree($code: String!) {
  region(code: $code) {
    id name code level ${organizations}
    children(first: 100) { nodes {
      id name code level ${organizations}
      children(first: 100) { nodes { id name code level ${organizations} } }
    } }
  }
}`;

export interface TreeOrganization {
  id: string;
  name: string;
  kind: string;
  sector: string | null;
  supervisingDepartment: { id: string; name: string } | null;
}

export interface TreeRegion {
  id: string;
  name: string;
  code: string;
  level: string;
  organizations: { nodes: TreeOrganization[] };
  children?: { nodes: TreeRegion[] };
}

export interface CityTreeData {
  region: TreeRegion | null;
}

export function countTree(region: TreeRegion): { regions: number; organizations: number } {
  let regions = 1;
  let organizations = region.organizations.nodes.length;
  for (const child of region.children?.nodes ?? []) {
    const sub = countTree(child);
    regions += sub.regions;
    organizations += sub.organizations;
  }
  return { regions, organizations };
}

/** (b) A page of implementing units, with the region and supervisor of each (two loader batches). */
export const UNITS_PAGE = `query UnitsPage($after: String) {
  organizations(first: 100, after: $after, filter: { kind: IMPLEMENTING_UNIT }) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id name region { name } supervisingDepartment { name } }
  }
}`;

export interface UnitsPageData {
  organizations: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: { id: string }[];
  };
}

/** (c) The per-request fixed cost: token, principal, transaction, a handful of small reads. */
export const ME = `query Me {
  me {
    user { id login displayName }
    organization { id name kind }
    region { id name code level }
    tenant { id name }
    abilities
  }
}`;

export interface MeData {
  me: { user: { login: string } };
}

/**
 * The physical limit of (a): the same regions, organizations and supervisors in ONE statement, ordered
 * like the API orders them (regions depth-first by division code, organizations by kind then name).
 * Row-level security applies (app role, tenant set in the transaction).
 */
export const RAW_CITY_TREE_SQL = `
SELECT r.id AS region_id, r.parent_id, r.level, r.name AS region_name, r.code,
       o.id AS organization_id, o.name AS organization_name, o.kind, o.sector,
       s.id AS supervisor_id, s.name AS supervisor_name
  FROM region c
  JOIN region r ON r.tenant_id = c.tenant_id AND r.path LIKE c.path || '%'
  LEFT JOIN organization o ON o.tenant_id = r.tenant_id AND o.region_id = r.id
  LEFT JOIN organization s ON s.tenant_id = o.tenant_id AND s.id = o.supervising_department_id
 WHERE c.tenant_id = $1 AND c.code = $2
 ORDER BY r.code, o.kind, o.name`;

export interface RawTreeRow {
  region_id: string;
  parent_id: string | null;
  level: string;
  region_name: string;
  code: string;
  organization_id: string | null;
  organization_name: string | null;
  kind: string | null;
  sector: string | null;
  supervisor_id: string | null;
  supervisor_name: string | null;
}

/**
 * Nests the raw rows into exactly the shape (and key order) the API answers for CITY_TREE, so the
 * two can be compared byte for byte and the cost of building and serializing the tree measured.
 */
export function nestCityTree(rows: RawTreeRow[]): CityTreeData {
  const byId = new Map<string, TreeRegion>();
  let root: TreeRegion | null = null;
  for (const row of rows) {
    let region = byId.get(row.region_id);
    if (!region) {
      region = {
        id: toGlobalId('Region', row.region_id),
        name: row.region_name,
        code: row.code,
        level: row.level,
        organizations: { nodes: [] },
        ...(row.level === 'TOWNSHIP' ? {} : { children: { nodes: [] } }),
      };
      byId.set(row.region_id, region);
      const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
      if (parent) parent.children?.nodes.push(region);
      else root ??= region;
    }
    if (row.organization_id && row.organization_name && row.kind) {
      region.organizations.nodes.push({
        id: toGlobalId('Organization', row.organization_id),
        name: row.organization_name,
        kind: row.kind,
        sector: row.sector,
        supervisingDepartment:
          row.supervisor_id && row.supervisor_name
            ? { id: toGlobalId('Organization', row.supervisor_id), name: row.supervisor_name }
            : null,
      });
    }
  }
  return { region: root };
}
