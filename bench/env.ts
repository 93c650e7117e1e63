/**
 * Imported first by bench/run.ts, before graphql and express load: they read NODE_ENV once, at load
 * time, and take slower development paths without `production` (graphql-js checks every `instanceof`
 * for duplicate modules). A deployment runs in production mode, so the benchmark does too unless told
 * otherwise. The API's own configuration is passed explicitly and does not read this.
 */
process.env.NODE_ENV ??= 'production';

export const nodeEnv = process.env.NODE_ENV;
