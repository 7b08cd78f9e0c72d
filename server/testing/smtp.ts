/**
 * A real SMTP server on a free local port for the tests that send mail: every message lands in `inbox`; recipients
 * in `refused` are turned away with 550. Sets SMTP_URL and APP_URL while it runs; `stop()` clears them.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type TestMail = { to: string; body: string };

export async function startTestSmtp(opts: { refused?: Set<string> } = {}) {
  const inbox: TestMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, done) {
      if (opts.refused?.has(address.address)) done(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.APP_URL = 'https://retrofit.example.test';
  return {
    inbox,
    stop: async () => {
      delete process.env.SMTP_URL;
      delete process.env.APP_URL;
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
