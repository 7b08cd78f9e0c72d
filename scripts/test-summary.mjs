// Adds up the JSON reports of the test runs and prints one closing line.
import fs from 'node:fs';

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const parts = [];
for (const [name, file] of [
  ['unit', 'test-results/vitest-unit.json'],
  ['integration/PGlite', 'test-results/vitest-int-pglite.json'],
  ['integration/PostgreSQL', 'test-results/vitest-int-postgres.json'],
]) {
  const r = read(file);
  if (!r) {
    parts.push(`${name}: not run`);
    continue;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  parts.push(`${name}: ${r.numPassedTests}`);
}
for (const [name, file] of [
  ['e2e', 'test-results/playwright.json'],
  ['abuse', 'test-results/playwright-abuse.json'],
  ['stateless', 'test-results/playwright-stateless.json'],
]) {
  const pw = read(file);
  if (!pw) {
    parts.push(`${name}: not run`);
    continue;
  }
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected;
  skipped += pw.stats.skipped;
  parts.push(`${name}: ${pw.stats.expected + pw.stats.flaky}`);
}
console.log(`\n${parts.join(' · ')} · ${process.argv[2] ?? '?'} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
