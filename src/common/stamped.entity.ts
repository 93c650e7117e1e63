import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns every edited row of a tenant table carries, inherited by its entity (no table of their own, so
 * the database is the same as with the columns written out): when it was created and last updated
 * (TypeORM keeps both).
 */
export abstract class Timestamped {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A row edited under optimistic concurrency: its `version` (the `rowVersion` the API shows) and times. */
export abstract class Versioned extends Timestamped {
  @Column('integer', { default: 1 })
  version!: number;
}

/** The same, for tables whose version column is `row_version`. */
export abstract class RowVersioned extends Timestamped {
  @Column('integer', { name: 'row_version', default: 1 })
  rowVersion!: number;
}
