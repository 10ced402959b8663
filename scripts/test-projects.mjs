// Prints the extra vitest --project flags for `npm test`:
// the PostgreSQL integration run when TEST_DATABASE_URL is set, and the browser journeys always
// (they skip themselves with an install hint when Chromium is absent, and fail when CI is set).
const flags = [];
if (process.env.TEST_DATABASE_URL) flags.push('--project', 'server-postgres');
flags.push('--project', 'e2e');
process.stdout.write(flags.join(' '));
