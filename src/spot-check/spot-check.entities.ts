import { SpotCheckItemEntity } from './spot-check-item.entity';
import { SpotCheckSampleEntity } from './spot-check-sample.entity';

/** The spot-check module's entities (DOMAIN §12), registered once in src/db/entities.ts. */
export const spotCheckEntities = [SpotCheckSampleEntity, SpotCheckItemEntity];
