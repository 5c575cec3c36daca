import { loadConfig } from '../config/env';
import { createDeps } from '../deps';
import { AppError } from '../errors';
import { createOfficeAccount } from '../usecases/create-office-account';

/**
 * `npm run create-admin -- <username> [display name]` with ADMIN_PASSWORD set:
 * the first office account of a deployment. Uses TABLE_NAME, AWS_REGION and
 * DYNAMODB_ENDPOINT like the app, and the usual AWS credentials.
 */
async function main() {
  const [username = '', ...rest] = process.argv.slice(2);
  const password = process.env.ADMIN_PASSWORD ?? '';
  if (!username || !password) {
    console.error('usage: ADMIN_PASSWORD=... npm run create-admin -- <username> [display name]');
    process.exit(2);
  }
  // Creating an account needs neither secret nor the public origin; the app's config still wants them set.
  const placeholder = 'not-used-by-create-admin-0123456789abcdef';
  const config = loadConfig({
    SESSION_SECRET: placeholder,
    CODE_HASH_SECRET: placeholder,
    PUBLIC_BASE_URL: 'https://not-used.invalid',
    ...process.env,
  });
  const created = await createOfficeAccount(createDeps(config), {
    username,
    displayName: rest.join(' '),
    password,
  });
  console.log(`Created office account "${created}" in table ${config.TABLE_NAME}.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof AppError ? `${err.message} ${JSON.stringify(err.details)}` : err);
  process.exit(1);
});
