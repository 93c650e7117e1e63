/** Password given to the API role jixiao_app in test databases. */
export const TEST_APP_PASSWORD = 'jixiao-test-app-role';
export const TEST_TOKEN_SECRET = 'test-token-secret-that-is-long-enough-0123456789';
