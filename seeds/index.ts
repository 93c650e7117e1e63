export { DEMO_PASSWORD, demoLogins, demoTenants, loadDemo } from './demo';
export { generateSyntheticCity, type SyntheticCity, type SyntheticCityOptions } from './synthetic';
export { seedCreditCode, seedId } from './ids';
export type { SeedDb } from './db';
export { generateSyntheticEvaluations, type SyntheticEvaluationSummary } from './synthetic-evaluations';
