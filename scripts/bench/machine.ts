/** The machine a benchmark ran on, so figures from different runs are compared knowingly. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { chromiumPath } from '../../tests/e2e/support/browser';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  chromium: string;
  node: string;
  /** Other work on the machine skews timings; this makes it visible. */
  loadAverage: number;
  date: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // not Linux: fall through to what Node reports
  }
  return os.cpus()[0]?.model.trim() ?? 'unknown';
}

function chromiumVersion(): string {
  try {
    // Debian's wrapper script may complain on stderr; the version is the first line of stdout.
    const out = execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n')[0]!.trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    chromium: chromiumVersion(),
    node: process.version,
    loadAverage: os.loadavg()[0] ?? 0,
    date: new Date().toISOString(),
  };
}
