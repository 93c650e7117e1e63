import { Field, ObjectType } from 'type-graphql';
import { ActionAvailabilityBase } from './availability';

/**
 * The availability fields with `details` (the missing items behind a refusal), shared by the workflow
 * objects of issue 11 item 2 (monitoring reports, assessments, projects, funds, spot-check samples): each
 * module extends it with its own `action` enum. Filled from `availabilityOf` (common/decision.ts).
 */
@ObjectType('DetailedActionAvailabilityBase', {
  description: '可办理操作（含明细，基类） — base with the missing items; not in the schema itself',
})
export abstract class DetailedActionAvailabilityBase extends ActionAvailabilityBase {
  @Field(() => [String], {
    description:
      '明细 — the missing or invalid items behind a refusal, as the mutation reports them (Chinese)',
  })
  details!: string[];
}
