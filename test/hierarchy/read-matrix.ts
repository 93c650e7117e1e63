/**
 * The read-by-id matrix of the isolation tests (DOMAIN §3, §8 P6): each target with the callers who must
 * see it and those who must get exactly what a missing id gives. Expected sets are written from the
 * division codes — deliberately not with the materialized path the implementation uses.
 */
import type { NodeType } from './isolation-world';

export type Target =
  | { type: 'Region'; code: string; label: string }
  | { type: 'Organization'; name: string; label: string }
  | { type: 'User'; login: string; label: string };

export type ReadOp = 'region(id)' | 'region(code)' | 'organization(id)' | 'user(id)' | 'node(id)';

export const READ_QUERIES: Record<ReadOp, string> = {
  'region(id)': 'query($v: ID!) { x: region(id: $v) { id code name } }',
  'region(code)': 'query($v: String!) { x: region(code: $v) { id code name } }',
  'organization(id)': 'query($v: ID!) { x: organization(id: $v) { id name } }',
  'user(id)': 'query($v: ID!) { x: user(id: $v) { id login } }',
  'node(id)':
    'query($v: ID!) { x: node(id: $v) { id ... on Region { code name } ... on Organization { name } ... on User { login } } }',
};

export const OPS_OF: Record<NodeType, ReadOp[]> = {
  Region: ['region(id)', 'region(code)', 'node(id)'],
  Organization: ['organization(id)', 'node(id)'],
  User: ['user(id)', 'node(id)'],
};

/** The alias of each operation in the one request that asks all of a type's operations at once. */
export const ALIAS: Record<ReadOp, string> = {
  'region(id)': 'regionById',
  'region(code)': 'regionByCode',
  'organization(id)': 'organization',
  'user(id)': 'user',
  'node(id)': 'node',
};

export const NODE_SELECTION =
  '{ id ... on Region { code name } ... on Organization { name } ... on User { login } }';

export const READ_DOCUMENTS: Record<NodeType, string> = {
  Region: `query($id: ID!, $code: String!) {
    regionById: region(id: $id) { id code name }
    regionByCode: region(code: $code) { id code name }
    node(id: $id) ${NODE_SELECTION}
  }`,
  Organization: `query($id: ID!) { organization(id: $id) { id name } node(id: $id) ${NODE_SELECTION} }`,
  User: `query($id: ID!) { user(id: $id) { id login } node(id: $id) ${NODE_SELECTION} }`,
};

export interface ReadRow {
  target: Target;
  /** Who must get the object. */
  visibleTo: string[];
  /** Who must get exactly what a nonexistent id gives. */
  hiddenFrom: string[];
}

export const R = (code: string, label: string): Target => ({ type: 'Region', code, label });
export const O = (name: string, label: string): Target => ({ type: 'Organization', name, label });
export const U = (login: string, label: string): Target => ({ type: 'User', login, label });

export const READ_MATRIX: ReadRow[] = [
  // DOMAIN §3, §8 P6: tenants never see each other (日照市 objects vs 淄博市 callers and back).
  {
    target: R('371100', '日照市 (other tenant city)'),
    visibleTo: ['admin.rizhao', 'finance.rizhao', 'finance.donggang', 'unit.rizhao'],
    hiddenFrom: [
      'admin.zibo',
      'finance.zibo',
      'audit.zibo',
      'finance.chezhan',
      'unit.chezhan',
      'thirdparty.zibo',
    ],
  },
  {
    target: R('371102001', '日照街道 (other tenant township)'),
    visibleTo: ['finance.rizhao', 'finance.donggang', 'unit.rizhao'],
    hiddenFrom: ['admin.zibo', 'finance.zibo', 'finance.zhangdian'],
  },
  {
    target: O('日照市财政局', '日照市财政局 (other tenant)'),
    visibleTo: ['admin.rizhao', 'finance.rizhao'],
    // finance.donggang: an ancestor's organization; unit.rizhao: not its own nor its supervisor.
    hiddenFrom: ['admin.zibo', 'finance.zibo', 'audit.zibo', 'finance.donggang', 'unit.rizhao'],
  },
  {
    target: O('日照街道道路养护站', 'unit of 日照街道 (other tenant)'),
    visibleTo: ['unit.rizhao', 'finance.donggang', 'finance.rizhao'],
    hiddenFrom: ['admin.zibo', 'finance.zibo', 'unit.chezhan'],
  },
  {
    target: U('finance.rizhao', 'user finance.rizhao (other tenant)'),
    visibleTo: ['admin.rizhao', 'finance.rizhao'],
    hiddenFrom: ['admin.zibo', 'admin.zhangdian', 'finance.zibo', 'finance.donggang'],
  },
  {
    target: U('admin.zibo', 'user admin.zibo (other tenant, seen from 日照)'),
    visibleTo: ['admin.zibo'],
    hiddenFrom: ['admin.rizhao', 'finance.rizhao'],
  },
  // DOMAIN §3: a body acts within its subtree, never on a sibling — sibling township 公园街道 vs 车站街道.
  {
    target: R('370303002', '公园街道 (sibling township of 车站街道)'),
    visibleTo: [
      'finance.gongyuan',
      'transport.gongyuan',
      'unit.gongyuan',
      'finance.zhangdian',
      'audit.zhangdian',
      'finance.zibo',
    ],
    hiddenFrom: [
      'finance.chezhan',
      'transport.chezhan',
      'agri.chezhan',
      'unit.chezhan',
      'finance.zichuan',
      'admin.rizhao',
    ],
  },
  {
    target: O('公园街道财政所', '公园街道财政所 (sibling township body)'),
    visibleTo: [
      'finance.gongyuan',
      'transport.gongyuan',
      'finance.zhangdian',
      'audit.zhangdian',
      'finance.zibo',
    ],
    // unit.gongyuan: units see only themselves and their supervisor, not their township's finance office.
    hiddenFrom: [
      'finance.chezhan',
      'transport.chezhan',
      'unit.chezhan',
      'unit.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
    ],
  },
  {
    target: U('finance.gongyuan', 'user finance.gongyuan (sibling township)'),
    visibleTo: ['admin.zhangdian', 'admin.zibo', 'finance.gongyuan'],
    // Non-administrators see only themselves (P6), even inside their subtree.
    hiddenFrom: [
      'finance.chezhan',
      'finance.zhangdian',
      'audit.zhangdian',
      'transport.gongyuan',
      'admin.rizhao',
    ],
  },
  // Sibling district 淄川区 vs 张店区.
  {
    target: R('370302', '淄川区 (sibling district of 张店区)'),
    visibleTo: ['finance.zichuan', 'finance.zibo', 'audit.zibo', 'transport.zibo'],
    hiddenFrom: [
      'finance.zhangdian',
      'admin.zhangdian',
      'audit.zhangdian',
      'finance.chezhan',
      'unit.zhangdian',
      'finance.rizhao',
    ],
  },
  {
    target: O('淄川区财政局', '淄川区财政局 (sibling district body)'),
    visibleTo: ['finance.zichuan', 'finance.zibo'],
    hiddenFrom: ['finance.zhangdian', 'admin.zhangdian', 'audit.zhangdian', 'admin.rizhao'],
  },
  {
    target: U('finance.zichuan', 'user finance.zichuan (sibling district)'),
    visibleTo: ['admin.zibo', 'finance.zichuan'],
    hiddenFrom: ['admin.zhangdian', 'finance.zibo', 'admin.rizhao'],
  },
  // Ancestors: their regions are readable (breadcrumbs), their organizations and users are not.
  {
    target: R('370303', '张店区 (ancestor region of 车站街道)'),
    visibleTo: ['finance.chezhan', 'unit.chezhan', 'finance.zhangdian'],
    hiddenFrom: ['finance.zichuan', 'thirdparty.zibo', 'finance.rizhao'],
  },
  {
    target: R('370300', '淄博市 (city, ancestor of everyone in 淄博)'),
    visibleTo: ['finance.zibo', 'finance.chezhan', 'unit.chezhan', 'thirdparty.zibo', 'audit.zhangdian'],
    hiddenFrom: ['finance.rizhao', 'unit.rizhao', 'admin.rizhao'],
  },
  {
    target: O('张店区财政局', '张店区财政局 (ancestor organization of 车站街道 callers)'),
    visibleTo: ['finance.zhangdian', 'admin.zhangdian', 'finance.zibo'],
    hiddenFrom: [
      'finance.chezhan',
      'transport.chezhan',
      'unit.chezhan',
      'finance.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
    ],
  },
  {
    target: O('淄博市财政局', '淄博市财政局 (ancestor organization of 张店区 callers)'),
    visibleTo: ['finance.zibo', 'admin.zibo', 'audit.zibo', 'transport.zibo'],
    hiddenFrom: [
      'finance.zhangdian',
      'admin.zhangdian',
      'finance.chezhan',
      'unit.zhangdian',
      'thirdparty.zibo',
      'finance.rizhao',
    ],
  },
  {
    target: U('admin.zibo', 'user admin.zibo (ancestor administrator)'),
    visibleTo: ['admin.zibo'],
    hiddenFrom: ['admin.zhangdian', 'finance.zibo', 'audit.zibo'],
  },
  // Units see only their own items and their supervising department (P6).
  {
    target: O('车站街道中心小学', '车站街道中心小学 (sibling unit of unit.chezhan)'),
    visibleTo: ['finance.chezhan', 'agri.chezhan', 'finance.zhangdian'],
    hiddenFrom: ['unit.chezhan', 'unit.gongyuan', 'finance.gongyuan'],
  },
  {
    target: O('车站街道建设办公室', '车站街道建设办公室 (supervisor of unit.chezhan)'),
    visibleTo: ['unit.chezhan', 'transport.chezhan', 'finance.chezhan'],
    hiddenFrom: ['unit.gongyuan', 'finance.gongyuan', 'finance.rizhao'],
  },
  {
    target: U('unit.chezhan', 'user unit.chezhan'),
    visibleTo: ['unit.chezhan', 'admin.zhangdian'],
    hiddenFrom: ['transport.chezhan', 'finance.chezhan', 'unit.gongyuan'],
  },
];

export interface ReadCase {
  caller: string;
  ops: string;
  label: string;
  target: Target;
  outcome: 'visible' | 'hidden';
}

export const READ_CASES: ReadCase[] = READ_MATRIX.flatMap((row) => {
  const ops = OPS_OF[row.target.type].join(', ');
  const base = { ops, label: row.target.label, target: row.target };
  return [
    ...row.visibleTo.map((caller) => ({ ...base, caller, outcome: 'visible' as const })),
    ...row.hiddenFrom.map((caller) => ({ ...base, caller, outcome: 'hidden' as const })),
  ];
});
