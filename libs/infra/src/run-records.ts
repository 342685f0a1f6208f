import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, liveProcessName, signal, waitGone } from './process-info';

/**
 * One started instance, written under .cache/run before anything is started, so a crashed run (SIGKILL,
 * power loss) can be cleaned up by the next one: its process stopped, its throwaway folder removed.
 */
export interface RunRecord {
  /** The pid of the node process that started it: while that lives, the instance is not stale. */
  owner: number;
  /** The executable name the pid must still have before it is killed (pids get reused). */
  kind: 'postgres' | 'java';
  pid?: number;
  stopSignal: NodeJS.Signals;
  /** A folder to delete with it (test instances). */
  throwawayDir?: string;
}

export class RunRecords {
  constructor(private readonly dir: string) {}

  write(name: string, record: RunRecord): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(name), `${JSON.stringify(record)}\n`);
  }

  remove(name: string): void {
    rmSync(this.file(name), { force: true });
  }

  /** Stops what crashed runs left behind. Instances of live owners (another test run, npm start) are left alone. */
  async cleanUpStale(log: (message: string) => void): Promise<void> {
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((file) => file.endsWith('.json'));
    } catch {
      return; // no records yet
    }
    for (const file of files) {
      const name = file.slice(0, -'.json'.length);
      let record: RunRecord;
      try {
        record = JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as RunRecord;
      } catch {
        this.remove(name);
        continue;
      }
      if (record.owner === process.pid || isAlive(record.owner)) continue;
      if (record.pid !== undefined && liveProcessName(record.pid) === record.kind) {
        log(`stopping ${name} (pid ${record.pid}) left running by a previous run`);
        signal(record.pid, record.stopSignal);
        if (!(await waitGone(record.pid, 15_000))) {
          signal(record.pid, 'SIGKILL');
          await waitGone(record.pid, 5_000);
        }
      }
      if (record.throwawayDir) rmSync(record.throwawayDir, { recursive: true, force: true });
      this.remove(name);
    }
  }

  private file(name: string): string {
    return join(this.dir, `${name}.json`);
  }
}
