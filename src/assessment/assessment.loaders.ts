import DataLoader from 'dataloader';
import { groupBy } from '../common/collections';
import { registerLoaders } from '../common/request-context';
import type { ScopedAccess } from '../common/scoped-access';
import type { AssessmentDimensionEntity } from './assessment-dimension.entity';
import type { AssessmentEntity } from './assessment.entity';

/**
 * Per-request loaders of ex-ante assessments (STYLE principle 6): every batch goes through the scoped
 * helper, takes its keys as one array parameter and answers in key order; a key outside the caller's
 * jurisdiction answers null (or leaves its list), exactly like a missing one.
 */
export function assessmentLoaders(scope: ScopedAccess) {
  const bySubject = (column: 'fund_id' | 'project_id', read: (a: AssessmentEntity) => string | null) =>
    new DataLoader<string, AssessmentEntity[]>(async (ids) => {
      const rows = await (await scope.assessments())
        .andWhere(`ea.${column} = ANY(:ids)`, { ids })
        .orderBy('ea.created_at')
        .addOrderBy('ea.id')
        .getMany();
      const grouped = groupBy(rows, (a) => read(a) ?? '');
      return ids.map((id) => grouped.get(id) ?? []);
    });
  const gateFacts = (column: 'fund_id' | 'project_id', read: (a: AssessmentEntity) => string | null) =>
    new DataLoader<string, AssessmentEntity[]>(async (ids) => {
      const rows = await (await scope.assessmentGateFacts())
        .andWhere(`eg.${column} = ANY(:ids)`, { ids })
        .getMany();
      const grouped = groupBy(rows, (a) => read(a) ?? '');
      return ids.map((id) => grouped.get(id) ?? []);
    });
  return {
    assessmentById: new DataLoader<string, AssessmentEntity | null>(async (ids) => {
      const rows = await (await scope.assessments()).andWhere('ea.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    assessmentsByFundId: bySubject('fund_id', (a) => a.fundId),
    assessmentsByProjectId: bySubject('project_id', (a) => a.projectId),
    gateFactsByFundId: gateFacts('fund_id', (a) => a.fundId),
    gateFactsByProjectId: gateFacts('project_id', (a) => a.projectId),
    dimensionsByAssessmentId: new DataLoader<string, AssessmentDimensionEntity[]>(async (ids) => {
      const rows = await (await scope.assessmentDimensions())
        .andWhere('ead.assessment_id = ANY(:ids)', { ids })
        .getMany();
      const grouped = groupBy(rows, (d) => d.assessmentId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type AssessmentLoaders = ReturnType<typeof assessmentLoaders>;

// This module's part of every request's loader set (composed by src/app/modules.ts).
registerLoaders('assessment', assessmentLoaders);
declare module '../common/request-context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge adds the members
  interface Loaders extends AssessmentLoaders {}
}
