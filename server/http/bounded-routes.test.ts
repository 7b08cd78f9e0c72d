/**
 * Issue 14, item 4, for routes yet to come: every route handler that accepts a body reads it through the bounded
 * reader (an upload route: signed in first, then readBoundedForm; the JSON API and Auth.js: withinBodyLimit), so a new
 * route cannot quietly read a 600 MB body whole again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === 'route.ts' ? [p] : [];
  });
}

const root = path.join(process.cwd(), 'app');
const withBody = routeFiles(root).filter((f) => /\b(POST|PUT|PATCH)\b/.test(fs.readFileSync(f, 'utf8')));

describe('routes that take a body read it bounded', () => {
  it('finds the routes (the check looks at something)', () => {
    expect(withBody.map((f) => path.relative(root, f)).sort()).toEqual(
      expect.arrayContaining(['api/v1/files/route.ts', 'api/v1/inventory/import/route.ts', 'api/v1/assessments/import/route.ts', 'api/trpc/[trpc]/route.ts']),
    );
  });

  it.each(withBody.map((f) => [path.relative(root, f), f]))('%s', (_name, file) => {
    const src = fs.readFileSync(file, 'utf8');
    // never the unbounded readers
    expect(src).not.toMatch(/\breq(uest)?\.(formData|arrayBuffer|text|json|blob)\(/);
    if (src.includes('readBoundedForm')) {
      // an upload: the user is known before the body is touched
      expect(src.indexOf('signedInCallerForUpload(')).toBeGreaterThan(-1);
      expect(src.indexOf('signedInCallerForUpload(')).toBeLessThan(src.indexOf('readBoundedForm('));
    } else {
      expect(src).toMatch(/withinBodyLimit\(/);
    }
  });
});
