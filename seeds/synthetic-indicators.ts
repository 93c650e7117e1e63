import type { SectorCode } from './db';

/** The sectors the synthetic city has (seeds/synthetic.ts). */
export type SyntheticSector = Extract<SectorCode, 'TRANSPORT' | 'AGRICULTURE' | 'EDUCATION'>;

/** A quantitative indicator template (DOMAIN §5): the target is drawn in [low, high] with `places` decimals. */
export interface IndicatorTemplate {
  category: 'OUTPUT' | 'BENEFIT' | 'SATISFACTION';
  subcategory: string;
  name: string;
  unit: string;
  comparator: 'GTE' | 'LTE' | 'EQ';
  low: number;
  high: number;
  places: number;
  /** How children combine into this indicator when child goals link to it (DOMAIN §5). */
  aggregation: 'SUM' | 'FUND_WEIGHTED_AVERAGE' | 'MAX';
}

type Row = [string, string, string, 'GTE' | 'LTE' | 'EQ', number, number, number];

const categoryOf = (sub: string): IndicatorTemplate['category'] =>
  ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'].includes(sub)
    ? 'OUTPUT'
    : ['SERVICE_RECIPIENT', 'PUBLIC'].includes(sub)
      ? 'SATISFACTION'
      : 'BENEFIT';

/** SUM for counts and lengths; MAX for "at most" durations; money-weighted average for rates and costs. */
const aggregationOf = (row: Row): IndicatorTemplate['aggregation'] =>
  row[0] === 'QUANTITY' ? 'SUM' : row[0] === 'TIMELINESS' ? 'MAX' : 'FUND_WEIGHTED_AVERAGE';

const build = (rows: Row[]): IndicatorTemplate[] =>
  rows.map((row) => ({
    category: categoryOf(row[0]),
    subcategory: row[0],
    name: row[1],
    unit: row[2],
    comparator: row[3],
    low: row[4],
    high: row[5],
    places: row[6],
    aggregation: aggregationOf(row),
  }));

/**
 * 24 indicators per sector: OUTPUT 14 (数量 5, 质量 4, 时效 2, 成本 3), BENEFIT 7, SATISFACTION 3, so a goal
 * of up to 20 indicators never repeats a name within a subcategory (DOMAIN §5). The first 10 of TRANSPORT are
 * the big transfer fund's indicators, which regional and transfer-project goals link to.
 * No COMMON indicators: goal forms 附件1–3 have none (the self-evaluation adds them, DOMAIN §10.2).
 */
export const INDICATOR_POOLS: Record<SyntheticSector, IndicatorTemplate[]> = {
  TRANSPORT: build([
    ['QUANTITY', '农村公路养护里程', '公里', 'GTE', 5, 60, 1],
    ['QUANTITY', '危桥改造数量', '座', 'GTE', 1, 6, 0],
    ['QUANTITY', '安全生命防护工程里程', '公里', 'GTE', 1, 20, 1],
    ['QUALITY', '路面技术状况优良率', '%', 'GTE', 80, 95, 1],
    ['QUALITY', '工程验收合格率', '%', 'GTE', 95, 100, 0],
    ['TIMELINESS', '工程完工时限', '天', 'LTE', 90, 300, 0],
    ['COST', '每公里养护成本', '万元/公里', 'LTE', 2, 12, 2],
    ['SOCIAL', '农村公路列养率', '%', 'GTE', 90, 100, 0],
    ['ECONOMIC', '沿线群众出行时间节约率', '%', 'GTE', 5, 20, 1],
    ['SERVICE_RECIPIENT', '沿线群众满意度', '%', 'GTE', 85, 98, 0],
    ['QUANTITY', '港湾式停靠站建设数量', '个', 'GTE', 1, 12, 0],
    ['QUANTITY', '交通标志标线设置数量', '处', 'GTE', 10, 200, 0],
    ['QUALITY', '桥梁定期检测覆盖率', '%', 'GTE', 90, 100, 0],
    ['QUALITY', '养护资料归档完整率', '%', 'GTE', 90, 100, 0],
    ['TIMELINESS', '病害处置平均时长', '小时', 'LTE', 24, 72, 0],
    ['COST', '危桥改造单座成本', '万元/座', 'LTE', 30, 180, 1],
    ['COST', '安防工程单位成本', '万元/公里', 'LTE', 5, 25, 1],
    ['ECONOMIC', '沿线农产品运输成本降低率', '%', 'GTE', 3, 15, 1],
    ['SOCIAL', '通客车建制村比例', '%', 'GTE', 95, 100, 0],
    ['SOCIAL', '道路交通事故起数下降率', '%', 'GTE', 2, 10, 1],
    ['ECOLOGICAL', '公路绿化率', '%', 'GTE', 60, 90, 0],
    ['SUSTAINABILITY', '养护长效机制覆盖率', '%', 'GTE', 80, 100, 0],
    ['ECOLOGICAL', '施工扬尘防控达标率', '%', 'GTE', 90, 100, 0],
    ['PUBLIC', '社会公众满意度', '%', 'GTE', 80, 95, 0],
  ]),
  AGRICULTURE: build([
    ['QUANTITY', '高标准农田建设面积', '亩', 'GTE', 200, 5000, 0],
    ['QUANTITY', '农机作业服务面积', '亩', 'GTE', 500, 8000, 0],
    ['QUANTITY', '良种推广面积', '亩', 'GTE', 300, 6000, 0],
    ['QUANTITY', '技术培训农户人次', '人次', 'GTE', 50, 800, 0],
    ['QUANTITY', '动物强制免疫数量', '万头', 'GTE', 1, 30, 1],
    ['QUALITY', '工程验收合格率', '%', 'GTE', 95, 100, 0],
    ['QUALITY', '动物免疫抗体合格率', '%', 'GTE', 70, 95, 0],
    ['QUALITY', '农产品质量安全抽检合格率', '%', 'GTE', 97, 100, 1],
    ['QUALITY', '灌溉设施完好率', '%', 'GTE', 85, 100, 0],
    ['TIMELINESS', '项目完工时限', '天', 'LTE', 120, 330, 0],
    ['TIMELINESS', '补贴资金兑付时限', '天', 'LTE', 15, 60, 0],
    ['COST', '亩均建设成本', '元/亩', 'LTE', 1500, 3000, 0],
    ['COST', '人均培训成本', '元/人次', 'LTE', 100, 600, 0],
    ['COST', '头均免疫成本', '元/头', 'LTE', 1, 8, 2],
    ['ECONOMIC', '粮食亩均增产', '公斤/亩', 'GTE', 20, 120, 0],
    ['ECONOMIC', '项目区农民人均增收', '元', 'GTE', 200, 1500, 0],
    ['SOCIAL', '带动脱贫户就业人数', '人', 'GTE', 5, 120, 0],
    ['SOCIAL', '重大动物疫情发生次数', '次', 'LTE', 0, 0, 0],
    ['ECOLOGICAL', '化肥使用量减少率', '%', 'GTE', 2, 10, 1],
    ['ECOLOGICAL', '农田灌溉水有效利用系数', '系数', 'GTE', 0.55, 0.7, 2],
    ['SUSTAINABILITY', '设施使用年限', '年', 'GTE', 10, 20, 0],
    ['SERVICE_RECIPIENT', '受益农户满意度', '%', 'GTE', 85, 98, 0],
    ['SERVICE_RECIPIENT', '参训农户满意度', '%', 'GTE', 85, 98, 0],
    ['PUBLIC', '社会公众满意度', '%', 'GTE', 80, 95, 0],
  ]),
  EDUCATION: build([
    ['QUANTITY', '校舍维修改造面积', '平方米', 'GTE', 200, 5000, 0],
    ['QUANTITY', '受资助学生人数', '人', 'GTE', 20, 600, 0],
    ['QUANTITY', '教师培训人次', '人次', 'GTE', 20, 400, 0],
    ['QUANTITY', '教学设备购置数量', '台（套）', 'GTE', 10, 300, 0],
    ['QUANTITY', '营养餐供应学生人数', '人', 'GTE', 50, 1500, 0],
    ['QUALITY', '工程验收合格率', '%', 'GTE', 95, 100, 0],
    ['QUALITY', '设备验收合格率', '%', 'GTE', 95, 100, 0],
    ['QUALITY', '资助对象识别准确率', '%', 'GTE', 98, 100, 0],
    ['QUALITY', '培训考核合格率', '%', 'GTE', 90, 100, 0],
    ['TIMELINESS', '工程完工时限', '天', 'LTE', 60, 240, 0],
    ['TIMELINESS', '资助资金发放时限', '天', 'LTE', 15, 60, 0],
    ['COST', '校舍维修单位成本', '元/平方米', 'LTE', 300, 1200, 0],
    ['COST', '生均资助标准', '元/人', 'EQ', 1000, 2500, 0],
    ['COST', '人均培训成本', '元/人次', 'LTE', 300, 1500, 0],
    ['ECONOMIC', '家庭教育支出减轻额', '元/人', 'GTE', 500, 2000, 0],
    ['ECONOMIC', '设备共享节约支出', '万元', 'GTE', 1, 20, 1],
    ['SOCIAL', '义务教育巩固率', '%', 'GTE', 97, 100, 1],
    ['SOCIAL', '因贫失学辍学人数', '人', 'LTE', 0, 0, 0],
    ['ECOLOGICAL', '校园绿化覆盖率', '%', 'GTE', 30, 50, 0],
    ['ECOLOGICAL', '节能灯具改造比例', '%', 'GTE', 60, 100, 0],
    ['SUSTAINABILITY', '校舍安全使用年限', '年', 'GTE', 15, 30, 0],
    ['SERVICE_RECIPIENT', '学生及家长满意度', '%', 'GTE', 85, 98, 0],
    ['SERVICE_RECIPIENT', '受训教师满意度', '%', 'GTE', 85, 98, 0],
    ['PUBLIC', '社会公众满意度', '%', 'GTE', 80, 95, 0],
  ]),
};

/** How many of TRANSPORT's indicators the big transfer fund's tree carries (and links). */
export const FUND_INDICATOR_COUNT = 10;

/** A target as an integer count of 10^-places, drawn uniformly in [low, high]. */
export function drawTarget(t: IndicatorTemplate, random: () => number): bigint {
  const scale = 10 ** t.places;
  const low = Math.round(t.low * scale);
  const high = Math.round(t.high * scale);
  return BigInt(low + Math.floor(random() * (high - low + 1)));
}

/** A scaled integer as decimal text: (1234n, 2) → "12.34". Exact — no floats on targets. */
export function scaledText(value: bigint, places: number): string {
  if (places === 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** 一级指标 default points (002 第二十一条(一); DOMAIN §10.1) without COMMON, which goals do not carry. */
const CATEGORY_POINTS = { OUTPUT: 5000, BENEFIT: 3000, SATISFACTION: 1000 } as const;

/**
 * Points of each indicator, in hundredths: each category's points split among its indicators, the
 * remainder hundredths to the first ones, so every category totals exactly its points (completeness rules).
 */
export function splitPoints(categories: readonly IndicatorTemplate['category'][]): string[] {
  const counts = { OUTPUT: 0, BENEFIT: 0, SATISFACTION: 0 };
  for (const c of categories) counts[c] += 1;
  const seen = { OUTPUT: 0, BENEFIT: 0, SATISFACTION: 0 };
  return categories.map((c) => {
    const base = Math.floor(CATEGORY_POINTS[c] / counts[c]);
    const extra = seen[c] < CATEGORY_POINTS[c] - base * counts[c] ? 1 : 0;
    seen[c] += 1;
    return scaledText(BigInt(base + extra), 2);
  });
}

/**
 * Which templates of a pool a goal of `count` (10–20) indicators uses, beyond `fixed` ones already taken:
 * 1–2 satisfaction, about 30 % benefit, the rest outputs (≥ 5), each picked without repetition.
 */
export function chooseTemplates(
  pool: IndicatorTemplate[],
  count: number,
  random: () => number,
  fixed: readonly number[] = [],
): number[] {
  const satisfaction = 1 + (count >= 15 && random() < 0.5 ? 1 : 0);
  const benefit = Math.floor(count * 0.3);
  const want = { SATISFACTION: satisfaction, BENEFIT: benefit, OUTPUT: count - satisfaction - benefit };
  const chosen = [...fixed];
  for (const i of fixed) want[pool[i].category] -= 1;
  for (const category of ['OUTPUT', 'BENEFIT', 'SATISFACTION'] as const) {
    const free = pool
      .map((t, i) => ({ t, i }))
      .filter(({ t, i }) => t.category === category && !chosen.includes(i))
      .map(({ i }) => i);
    for (let k = 0; k < want[category] && free.length > 0; k++) {
      chosen.push(free.splice(Math.floor(random() * free.length), 1)[0]);
    }
  }
  return chosen;
}
