import { Column } from 'typeorm';
import type { Comparator, IndicatorKind } from './indicator.enums';

/**
 * What an indicator measures (DOMAIN §5): its own name (三级指标), QUANTITATIVE or QUALITATIVE, and for a
 * quantitative one its unit and comparator. The columns of a goal's indicators and of finance's common
 * indicators, which are copied into department goals, so both tables hold them alike. Inherited by the
 * entity (no table of its own).
 */
export abstract class IndicatorDefinition {
  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 16 })
  kind!: IndicatorKind;

  @Column('varchar', { length: 32, nullable: true })
  unit!: string | null;

  @Column('varchar', { length: 8, nullable: true })
  comparator!: Comparator | null;
}
