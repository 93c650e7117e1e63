import type ExcelJS from 'exceljs';
import { GoalScope } from '../../goals/goal.enums';
import {
  ANNEX1_LAYOUT,
  ANNEX3_LAYOUT,
  parsePeriod,
  projectAttributeOfLabel,
  type Annex1Field,
  type Annex3Field,
} from '../layouts';
import { cellMapper, requiredText, yuanOf, type DraftPlan } from './draft-plan';
import { readGoalSheet, titleIs, type GoalSheet } from './goal-sheet';
import { CellErrors, ImportErrorCode as C } from './import-errors';
import { checkPointTotals, readIndicators, type ReadIndicator } from './indicator-rows';

function indicatorsOf<F extends string>(g: GoalSheet<F>, errors: CellErrors): ReadIndicator[] {
  const read = readIndicators(g.sheet, g.rows, errors);
  // Totals only when every row is classified: an unknown 一级/二级 is its own error, not a wrong total.
  if (read.length === g.rows.length) checkPointTotals(g.sheet, read, errors);
  return read;
}

/** The goal's name on 附件1: the form names the project only, so the draft is "<项目名称>绩效目标". */
export const annex1GoalName = (projectName: string): string =>
  projectName.endsWith('绩效目标') ? projectName : `${projectName}绩效目标`;

/**
 * 附件1 本级预算项目绩效目标表 → a PROJECT draft (DOMAIN §5; 002 附件1): 项目名称 names the project, 项目实施期,
 * 项目属性, 项目类别 and the 实施期 money make the header, 年度金额 and its split the goal's money (万元 → 元).
 */
function annex1Plan(ws: ExcelJS.Worksheet, errors: CellErrors): DraftPlan {
  const g = readGoalSheet<Annex1Field>(ws, ANNEX1_LAYOUT, errors);
  const projectName = requiredText(g, 'projectName', errors);
  const periodText = g.value.period;
  const period = periodText === null ? null : parsePeriod(periodText);
  if (periodText !== null && period === null)
    errors.add(
      C.BAD_VALUE,
      g.sheet,
      g.cell.period,
      `项目实施期「${periodText}」应写作「2025-2027年」`,
      `The implementation period "${periodText}" should read like "2025-2027年"`,
    );
  const attributeText = g.value.projectAttribute;
  const attribute = attributeText === null ? null : projectAttributeOfLabel(attributeText);
  if (attributeText !== null && attribute === null)
    errors.add(
      C.BAD_VALUE,
      g.sheet,
      g.cell.projectAttribute,
      `项目属性「${attributeText}」应为「新增」或「延续」`,
      `The project attribute "${attributeText}" must be 新增 or 延续`,
    );
  const indicators = indicatorsOf(g, errors);
  return {
    sheet: g.sheet,
    subject: { form: 'ANNEX1', projectName, unitName: g.value.implementingUnit },
    subjectCells: { name: g.cell.projectName, unit: g.cell.implementingUnit },
    cellFor: cellMapper({ ...g.cell, name: g.cell.projectName, projectId: g.cell.projectName }, indicators),
    input: {
      scope: GoalScope.PROJECT,
      year: g.year ?? 0,
      name: annex1GoalName(projectName),
      implementationPeriodObjective: g.value.implementationPeriodObjective,
      annualObjective: g.value.annualObjective,
      annualAmount: yuanOf(g, 'annualAmount', errors),
      fiscalAmount: yuanOf(g, 'fiscalAmount', errors),
      otherAmount: yuanOf(g, 'otherAmount', errors),
      header: {
        projectAttribute: attribute,
        projectCategory: g.value.projectCategory,
        periodStartYear: period?.start ?? null,
        periodEndYear: period?.end ?? null,
        periodAmount: yuanOf(g, 'periodAmount', errors),
        periodFiscalAmount: yuanOf(g, 'periodFiscalAmount', errors),
        periodOtherAmount: yuanOf(g, 'periodOtherAmount', errors),
      },
      indicators: indicators.map((i) => i.input),
    },
  };
}

/**
 * 附件3 对下转移支付预算分区域/分项目绩效目标表 → a TRANSFER_PROJECT or TRANSFER_REGIONAL draft (DOMAIN §5;
 * 002 附件3): 资金/项目名称 is the goal's name, 所属专项 the fund, 下达地区 the receiving region; the scope is
 * settled against what the caller can see (draft-subject.ts).
 */
function annex3Plan(ws: ExcelJS.Worksheet, errors: CellErrors): DraftPlan {
  const g = readGoalSheet<Annex3Field>(ws, ANNEX3_LAYOUT, errors);
  const goalName = requiredText(g, 'goalName', errors);
  const fundName = requiredText(g, 'fundName', errors);
  const indicators = indicatorsOf(g, errors);
  return {
    sheet: g.sheet,
    subject: { form: 'ANNEX3', goalName, fundName, regionName: g.value.region },
    subjectCells: { name: g.cell.goalName, fund: g.cell.fundName, region: g.cell.region },
    cellFor: cellMapper(
      {
        ...g.cell,
        name: g.cell.goalName,
        projectId: g.cell.goalName,
        fundId: g.cell.fundName,
        regionId: g.cell.region,
      },
      indicators,
    ),
    input: {
      scope: GoalScope.TRANSFER_PROJECT,
      year: g.year ?? 0,
      name: goalName,
      annualObjective: g.value.annualObjective,
      annualAmount: yuanOf(g, 'annualAmount', errors),
      header: {
        allocatingLevelAmount: yuanOf(g, 'allocatingLevelAmount', errors),
        lowerLevelAmount: yuanOf(g, 'lowerLevelAmount', errors),
      },
      indicators: indicators.map((i) => i.input),
    },
  };
}

/**
 * Every worksheet of the upload, recognised by its title (A1) as 附件1 or 附件3 whatever the sheet's name, and
 * read into one draft each; any other sheet is NOT_TEMPLATE. No sheet at all is NOT_TEMPLATE too.
 */
export function draftPlans(wb: ExcelJS.Workbook, errors: CellErrors): DraftPlan[] {
  const plans: DraftPlan[] = [];
  for (const ws of wb.worksheets) {
    if (titleIs(ws, ANNEX1_LAYOUT)) plans.push(annex1Plan(ws, errors));
    else if (titleIs(ws, ANNEX3_LAYOUT)) plans.push(annex3Plan(ws, errors));
    else
      errors.add(
        C.NOT_TEMPLATE,
        ws.name,
        'A1',
        `标题应为「${ANNEX1_LAYOUT.title}」（附件1）或「${ANNEX3_LAYOUT.title}」（附件3）`,
        `The title must be "${ANNEX1_LAYOUT.title}" (附件1) or "${ANNEX3_LAYOUT.title}" (附件3)`,
      );
  }
  if (wb.worksheets.length === 0)
    errors.add(C.NOT_TEMPLATE, '', null, '工作簿中没有工作表', 'The workbook has no worksheet');
  return plans;
}
