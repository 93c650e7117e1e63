import { Field, Int, ObjectType } from 'type-graphql';
import { Node, registerNodeType } from '../../common/node';
import { VersionedNode } from '../../common/versioned-node';
import { connectionType } from '../../common/pagination';
import { DateTime, MoneyScalar } from '../../common/scalars';
import { AllocationEntity } from '../allocation.entity';
import { AllocationMethod, BudgetBook, FundCategory, ProjectLibraryStatus } from '../fund.enums';
import { FundEntity } from '../fund.entity';
import { ProjectEntity } from '../project.entity';

registerNodeType(FundEntity, 'Fund');
registerNodeType(AllocationEntity, 'Allocation');
registerNodeType(ProjectEntity, 'Project');

@ObjectType('Fund', {
  implements: Node,
  description:
    '专项资金/转移支付 — money a competent department allocates to the level below, for a year or an implementation period (DOMAIN §4)',
})
export class FundType extends VersionedNode {
  @Field({ description: '资金名称 — name, e.g. 2025年张店区农村公路养护专项资金' })
  name!: string;

  @Field(() => BudgetBook, { description: '预算类别 — the budget book' })
  budgetBook!: BudgetBook;

  @Field(() => FundCategory, { description: '转移支付类别 — category' })
  category!: FundCategory;

  @Field(() => AllocationMethod, { description: '资金分配方式 — allocation method (因素法/项目法)' })
  allocationMethod!: AllocationMethod;

  @Field(() => Int, { description: '起始年度 — first year covered (the year of an annual fund)' })
  startYear!: number;

  @Field(() => Int, { description: '结束年度 — last year covered (equal to startYear for an annual fund)' })
  endYear!: number;

  @Field(() => MoneyScalar, {
    description:
      '上级资金（元） — upper-level money passed down (central, provincial, city), yuan with 2 places; allocatable with the own-level money',
  })
  upperLevelAmount!: string;

  @Field(() => MoneyScalar, {
    description:
      '本级资金（元） — own-level money, yuan; with the upper-level money, the cap on the sum of allocations',
  })
  ownLevelAmount!: string;

  @Field(() => MoneyScalar, {
    description: '下级配套资金（元） — lower-level matching money (县级及以下资金), yuan',
  })
  lowerLevelAmount!: string;

  @Field({
    description:
      '新增重大政策/项目 — new major policy or project: needs an ex-ante assessment (事前绩效评估)',
  })
  isNewMajor!: boolean;

  @Field({ description: '应急资金 — emergency fund: exempt from the ex-ante assessment gate' })
  isEmergency!: boolean;

  @Field({
    description: '政府预先批准 — pre-approved by the government: may proceed with the assessment pending',
  })
  governmentPreApproved!: boolean;

  @Field({
    description: '设立时已评估 — an ex-ante assessment had already been done when the fund was created',
  })
  assessedAtCreation!: boolean;

  @Field(() => Int, {
    name: 'rowVersion',
    description:
      '行版本 — row version, for optimistic concurrency on updates and allocations (expectedVersion of the next change)',
  })
  declare version: number;
}

@ObjectType('Allocation', {
  implements: Node,
  description:
    '资金分配 — a share of a fund for one child region (因素法) or one project (项目法); a fund’s allocations are replaced as a whole by setAllocations, which gives them new ids',
})
export class AllocationType extends Node {
  @Field(() => MoneyScalar, { description: '分配金额（元） — amount, yuan with 2 places' })
  amount!: string;

  @Field(() => DateTime, { description: '创建时间 — created at' })
  createdAt!: Date;
}

@ObjectType('Project', {
  implements: Node,
  description:
    '项目 — a spending item carried out by an implementing unit (DOMAIN §2, §4). A project is created as CANDIDATE (待入库); it enters the project library with enterProjectLibrary, gated by the ex-ante assessment (assessmentGate)',
})
export class ProjectType extends VersionedNode {
  @Field({ description: '项目名称 — name' })
  name!: string;

  @Field(() => Int, { description: '预算年度 — budget year' })
  year!: number;

  @Field(() => MoneyScalar, { description: '年度资金总额（元） — annual amount = fiscal + other, yuan' })
  annualAmount!: string;

  @Field(() => MoneyScalar, { description: '财政拨款（元） — fiscal appropriation, yuan' })
  fiscalAmount!: string;

  @Field(() => MoneyScalar, { description: '其他资金（元） — other money, yuan' })
  otherAmount!: string;

  @Field({ description: '新增项目 — new project (true) or continuing project (延续项目, false)' })
  isNew!: boolean;

  @Field({ description: '需事前绩效评估 — requires an ex-ante assessment before entering the library' })
  requiresAssessment!: boolean;

  @Field({
    description:
      '政府先行安排 — pre-approved by the government (002 第七条): passes the gate while its assessment is pending',
  })
  governmentPreApproved!: boolean;

  @Field(() => ProjectLibraryStatus, {
    description: '项目库状态 — project-library status; CANDIDATE until enterProjectLibrary admits it',
  })
  libraryStatus!: ProjectLibraryStatus;
}

export const FundConnection = connectionType(FundType, 'Fund', '专项资金');
export const ProjectConnection = connectionType(ProjectType, 'Project', '项目');
export const AllocationConnection = connectionType(AllocationType, 'Allocation', '资金分配');
