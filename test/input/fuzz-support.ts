/**
 * Schema walking for the input fuzz test (issue 8 item 8): every String/ID leaf reachable from a root
 * field's arguments, a minimal valid-looking value for each argument, and the global-id type a field
 * expects (from its name), so a case can put one bad value at one path and keep the rest plausible.
 */
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';

export type Path = (string | number)[];

export interface Leaf {
  path: Path;
  scalar: 'String' | 'ID';
  /** The input-object type and field name owning the leaf (`UpdateRegionInput.id`), or the arg name. */
  owner: string;
}

/** The global-id type a field of this name expects (DOMAIN §16 ids are `Type:uuid`). */
export function expectedIdType(owner: string, rootField: string): string {
  const [type, field] = owner.includes('.') ? owner.split('.') : ['', owner];
  const byName: Record<string, string> = {
    regionId: 'Region',
    parentId: 'Region',
    within: 'Region',
    projectId: 'Project',
    subjectId: 'Project',
    fundId: 'Fund',
    upperFundId: 'Fund',
    goalId: 'PerformanceGoal',
    parentGoalId: 'PerformanceGoal',
    indicatorId: 'GoalIndicator',
    parentIndicatorId: 'GoalIndicator',
    itemId: 'SpotCheckItem',
    entityId: 'Fund',
  };
  if (byName[field]) return byName[field];
  if (/organization|unit|department|commissioned|actor/i.test(field)) return 'Organization';
  const subject = `${type} ${rootField}`;
  const byOwner: [RegExp, string][] = [
    [/Region/, 'Region'],
    [/Organization/, 'Organization'],
    [/User/, 'User'],
    [/Fund/, 'Fund'],
    [/Project/, 'Project'],
    [/Assessment/, 'ExAnteAssessment'],
    [/MonitoringReport/, 'MonitoringReport'],
    [/Evaluation/, 'Evaluation'],
    [/SpotCheck/, 'SpotCheckSample'],
    [/Goal|Adjustment/, 'PerformanceGoal'],
  ];
  return byOwner.find(([re]) => re.test(subject))?.[1] ?? 'Region';
}

const TABLES: Record<string, string> = {
  Region: 'region',
  Organization: 'organization',
  User: 'app_user',
  Fund: 'fund',
  Project: 'project',
  PerformanceGoal: 'performance_goal',
  GoalIndicator: 'goal_indicator',
  ExAnteAssessment: 'ex_ante_assessment',
  MonitoringReport: 'monitoring_report',
  Evaluation: 'evaluation',
  SpotCheckItem: 'spot_check_item',
  SpotCheckSample: 'spot_check_sample',
};

/** One real global id per type (a demo row of 张店区's tenant where there is one). */
export async function sampleIds(app: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [type, table] of Object.entries(TABLES)) {
    const [row] = await app.sql<{ id: string }>(`SELECT id FROM ${table} ORDER BY id LIMIT 1`);
    ids[type] = toGlobalId(type, row?.id ?? randomUUID());
  }
  return ids;
}

/** A global id of an existing object of another type than expected (a Region's, or an Organization's). */
export const wrongTypeId = (ids: Record<string, string>, expected: string): string =>
  expected === 'Region' ? ids.Organization : ids.Region;

const DECIMALISH = /amount|points|target|value|score|ratio|numerator|denominator|completion|toDate/i;

/**
 * A minimal value that reads plausibly for `type`: required input fields only (optional ones appear
 * when a case puts its bad value below them), lists of one item.
 */
export function baseValue(
  type: GraphQLInputType,
  name: string,
  owner: string,
  rootField: string,
  ids: Record<string, string>,
): unknown {
  if (isNonNullType(type)) return baseValue(type.ofType, name, owner, rootField, ids);
  if (isListType(type)) return [baseValue(type.ofType, name, owner, rootField, ids)];
  if (isEnumType(type)) return type.getValues()[0].value ?? type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined)
        out[f.name] = baseValue(f.type, f.name, `${type.name}.${f.name}`, rootField, ids);
    }
    return out;
  }
  switch (type.name) {
    case 'ID':
      return ids[expectedIdType(owner, rootField)];
    case 'Int':
      return /year/i.test(name) ? 2025 : /version/i.test(name) ? 1 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2025-06-30T00:00:00.000Z';
    case 'Decimal':
    case 'Money':
    case 'Score':
      return '1';
    default:
      // A real region code (张店区), so that a case reaches the argument it fuzzes (e.g. a cursor).
      if (/regionCode$/i.test(name)) return '370303';
      return DECIMALISH.test(name) ? '1' : '测试';
  }
}

/** Every String/ID leaf under the arguments of `field`, one list item deep for lists. */
export function stringLeaves(field: GraphQLField<unknown, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (type: GraphQLInputType, path: Path, owner: string, depth: number): void => {
    if (depth > 6) return;
    if (isNonNullType(type)) return walk(type.ofType, path, owner, depth);
    if (isListType(type)) return walk(type.ofType, [...path, 0], owner, depth + 1);
    if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields()))
        walk(f.type, [...path, f.name], `${type.name}.${f.name}`, depth + 1);
      return;
    }
    if (isScalarType(type) && (type.name === 'String' || type.name === 'ID'))
      leaves.push({ path, scalar: type.name, owner });
  };
  for (const arg of field.args) walk(arg.type, [arg.name], arg.name, 0);
  return leaves;
}

/** `current` (of `type`) with `value` placed at `path`; missing optional objects and lists are created. */
function placeAt(
  type: GraphQLInputType,
  current: unknown,
  path: Path,
  value: unknown,
  rootField: string,
  ids: Record<string, string>,
): unknown {
  if (path.length === 0) return value;
  if (isNonNullType(type)) return placeAt(type.ofType, current, path, value, rootField, ids);
  const [key, ...rest] = path;
  if (isListType(type)) {
    const item = type.ofType as GraphQLInputType;
    const list = Array.isArray(current) && current.length > 0 ? [...(current as unknown[])] : [];
    if (list.length === 0) list.push(baseValue(item, '', '', rootField, ids));
    list[key as number] = placeAt(item, list[key as number], rest, value, rootField, ids);
    return list;
  }
  if (isInputObjectType(type)) {
    const obj = {
      ...((current as Record<string, unknown>) ?? baseValue(type, '', '', rootField, ids)),
    } as Record<string, unknown>;
    const f = type.getFields()[key as string];
    obj[f.name] = placeAt(f.type, obj[f.name], rest, value, rootField, ids);
    return obj;
  }
  return value;
}

/** Arguments of `field`: required ones with base values, and `value` placed at `path`. */
export function argsWith(
  field: GraphQLField<unknown, unknown>,
  ids: Record<string, string>,
  path: Path,
  value: unknown,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (isNonNullType(arg.type)) args[arg.name] = baseValue(arg.type, arg.name, arg.name, field.name, ids);
  }
  const arg = field.args.find((a) => a.name === path[0])!;
  args[arg.name] = placeAt(arg.type, args[arg.name], path.slice(1), value, field.name, ids);
  return args;
}

/** A selection that works for any return type: user errors for mutation payloads, else `__typename`. */
export function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  return 'userErrors' in named.getFields()
    ? '{ __typename userErrors { code field messageEn } }'
    : '{ __typename }';
}

/** The variable type of an argument as written in a query (`CreateRegionInput!`). */
export const typeString = (type: GraphQLInputType): string => String(type);
