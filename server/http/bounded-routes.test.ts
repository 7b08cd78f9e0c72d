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
/**
 * Routes that hand the request to a use case, which reads the body: that file must read it bounded, and only after the
 * check that names who is sending (the terminal's credential, the broker hook's shared secret).
 */
const delegated: Record<string, { handler: string; checkFirst: string; read: string }> = {
  'api/terminals/ingest/route.ts': { handler: 'server/services/telemetry/http-ingest.ts', checkFirst: 'terminalSecretMatches(', read: 'readBoundedBody(req' },
  'api/mqtt/auth/route.ts': { handler: 'server/services/telemetry/mqtt-hooks.ts', checkFirst: 'hookRefusal(req)', read: 'readJson(req)' },
  'api/mqtt/acl/route.ts': { handler: 'server/services/telemetry/mqtt-hooks.ts', checkFirst: 'hookRefusal(req)', read: 'readJson(req)' },
};
const withBody = routeFiles(root).filter((f) => /\b(POST|PUT|PATCH)\b/.test(fs.readFileSync(f, 'utf8')));

describe('routes that take a body read it bounded', () => {
  it('finds the routes (the check looks at something)', () => {
    expect(withBody.map((f) => path.relative(root, f)).sort()).toEqual(
      expect.arrayContaining(['api/v1/files/route.ts', 'api/v1/inventory/import/route.ts', 'api/v1/assessments/import/route.ts', 'api/trpc/[trpc]/route.ts']),
    );
  });

  it.each(withBody.map((f) => [path.relative(root, f), f]))('%s', (name, file) => {
    const src = fs.readFileSync(file, 'utf8');
    const d = delegated[name];
    if (d) {
      const handler = fs.readFileSync(path.join(process.cwd(), d.handler), 'utf8');
      expect(src).not.toMatch(/\breq(uest)?\.(formData|arrayBuffer|text|json|blob)\(/);
      expect(handler).not.toMatch(/\breq(uest)?\.(formData|arrayBuffer|text|json|blob)\(/);
      expect(handler).toMatch(/readBoundedBody\(req, /);
      // the body is first read after the sender is checked
      expect(handler.indexOf(d.read)).toBeGreaterThan(-1);
      expect(handler.indexOf(d.checkFirst)).toBeGreaterThan(-1);
      expect(handler.indexOf(d.checkFirst)).toBeLessThan(handler.indexOf(d.read));
      return;
    }
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
