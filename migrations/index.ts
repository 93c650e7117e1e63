import { Foundation1763780000000 } from './1763780000000-foundation';
import { Funds1763790000000 } from './1763790000000-funds';
import { Assessment1763800000000 } from './1763800000000-assessment';
import { Goals1763810000000 } from './1763810000000-goals';
import { ProjectPreApproval1763820000000 } from './1763820000000-project-pre-approval';
import { AdjustmentWithdrawal1763821000000 } from './1763821000000-adjustment-withdrawal';
import { Monitoring1763830000000 } from './1763830000000-monitoring';
import { Evaluation1763840000000 } from './1763840000000-evaluation';
import { SpotCheck1763850000000 } from './1763850000000-spot-check';
import { RollupStatistics1763860000000 } from './1763860000000-rollup-statistics';
import { AuthHardening1763870000000 } from './1763870000000-auth-hardening';
import { DefinerHardening1763871000000 } from './1763871000000-definer-hardening';
import { IdempotencyKeys1763871100000 } from './1763871100000-idempotency-keys';
import { GoalCategoryPoints1763872000000 } from './1763872000000-goal-category-points';
import { TenantPolicy1763873000000 } from './1763873000000-tenant-policy';
import { EvaluationFidelity1763874000000 } from './1763874000000-evaluation-fidelity';
import { Counterparts1763875000000 } from './1763875000000-counterparts';
import { GoalRejectionHeader1763876000000 } from './1763876000000-goal-rejection-header';
import { DepartmentPerformance1763877000000 } from './1763877000000-department-performance';
import { ResultsApplication1763880000000 } from './1763880000000-results-application';
import { ResultsClosing1763886000000 } from './1763886000000-results-closing';
import { Disclosure1763879000000 } from './1763879000000-disclosure';
import { PinyinCollation1763884000000 } from './1763884000000-pinyin-collation';
import { ReportingAccess1763890000000 } from './1763890000000-reporting-access';
import { ReportingViews1763890100000 } from './1763890100000-reporting-views';
import { ReportingFacts1763891000000 } from './1763891000000-reporting-facts';
import { ReportingFactViews1763891100000 } from './1763891100000-reporting-fact-views';
import { ServiceAccounts1763892000000 } from './1763892000000-service-accounts';
import { PublicKeyset1763893000000 } from './1763893000000-public-keyset';
import { ReportingFactBulkLoad1763894000000 } from './1763894000000-reporting-fact-bulk-load';
import { ReportingRegionCells1763894100000 } from './1763894100000-reporting-region-cells';
import { CitusReady1763895000000 } from './1763895000000-citus-ready';
import { RollUpWarmParents1763896000000 } from './1763896000000-rollup-warm-parents';
import { ReportingCellVersion1763897000000 } from './1763897000000-reporting-cell-version';
import { ReportingKeptAnswer1763898000000 } from './1763898000000-reporting-kept-answer';

/** Migrations in order. New ones are appended; applied ones are never edited. */
export const migrations = [
  Foundation1763780000000,
  Funds1763790000000,
  Assessment1763800000000,
  Goals1763810000000,
  ProjectPreApproval1763820000000,
  AdjustmentWithdrawal1763821000000,
  Monitoring1763830000000,
  Evaluation1763840000000,
  SpotCheck1763850000000,
  RollupStatistics1763860000000,
  AuthHardening1763870000000,
  DefinerHardening1763871000000,
  IdempotencyKeys1763871100000,
  GoalCategoryPoints1763872000000,
  TenantPolicy1763873000000,
  EvaluationFidelity1763874000000,
  Counterparts1763875000000,
  GoalRejectionHeader1763876000000,
  DepartmentPerformance1763877000000,
  Disclosure1763879000000,
  ResultsApplication1763880000000,
  PinyinCollation1763884000000,
  ResultsClosing1763886000000,
  ReportingAccess1763890000000,
  ReportingViews1763890100000,
  ReportingFacts1763891000000,
  ReportingFactViews1763891100000,
  ServiceAccounts1763892000000,
  PublicKeyset1763893000000,
  ReportingFactBulkLoad1763894000000,
  ReportingRegionCells1763894100000,
  CitusReady1763895000000,
  RollUpWarmParents1763896000000,
  ReportingCellVersion1763897000000,
  ReportingKeptAnswer1763898000000,
];
