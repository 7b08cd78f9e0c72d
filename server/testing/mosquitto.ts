/**
 * A Mosquitto of the test's own (Debian's `mosquitto`, installed by scripts/test.sh), on a free port with a temporary
 * configuration: never the machine's own broker on 1883. Anonymous clients are allowed (the tests' publishers and
 * workers); the limits are the ones the README asks of a production broker for the ingestion worker: unlimited
 * in-flight and queued messages per session, so that nothing is dropped while a worker restarts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type Mosquitto = { port: number; url: string; pid: number; stop: () => Promise<void> };

export function mosquittoBinary(): string | null {
  for (const p of [process.env.MOSQUITTO_BIN, '/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto']) if (p && fs.existsSync(p)) return p;
  return null;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function waitForPort(port: number, child: ChildProcess, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`mosquitto exited with code ${child.exitCode}`));
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`mosquitto did not listen on ${port} within ${ms} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts Mosquitto, or returns null with a loud warning when the binary is absent outside CI (in CI that is a failure:
 * scripts/test.sh installs it).
 */
export async function startMosquitto(extraConfig: string[] = []): Promise<Mosquitto | null> {
  const bin = mosquittoBinary();
  if (!bin) {
    const message = 'mosquitto is not installed (apt-get install -y mosquitto): the tests against a real Mosquitto are SKIPPED';
    if (process.env.CI) throw new Error(`${message.split(':')[0]} — CI must run them`);
    console.warn(`\n⚠⚠⚠ ${message} ⚠⚠⚠\n`);
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-mosquitto-'));
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      'max_inflight_messages 0',
      'max_queued_messages 0',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      ...extraConfig,
      '',
    ].join('\n'),
  );
  const child = spawn(bin, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  try {
    await waitForPort(port, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
