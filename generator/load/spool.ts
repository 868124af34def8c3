/**
 * Spool files: the tables that must wait for another table's load (orders wait for sessions,
 * their lines and payments for orders) are written to temporary files while the day-by-day
 * simulation runs, then streamed into the database. Memory stays flat; the files are removed
 * afterwards, also when the run fails.
 */
import { closeSync, createReadStream, openSync, readSync, writeSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

const READ_CHUNK_BYTES = 1 << 20;

export class FileSpool {
  bytes = 0;
  private fd: number | undefined;
  /** Followers waiting for more bytes or for the end (follow). */
  private waiting: (() => void)[] = [];

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  get closed(): boolean {
    return this.fd === undefined;
  }

  write(chunk: Buffer): void {
    if (this.fd === undefined) throw new Error(`spool ${this.path} is already closed`);
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset, chunk.length - offset);
    this.bytes += chunk.length;
    this.wake();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.wake();
  }

  /**
   * The file as it is being written: what is there now, then each chunk as it is written,
   * ending once the spool is closed. Nothing is held in memory but the chunk being read.
   */
  follow(): Readable {
    const fd = openSync(this.path, "r");
    let position = 0;
    let open = true;
    const release = () => {
      if (open) closeSync(fd);
      open = false;
    };
    const pump = (stream: Readable): void => {
      if (stream.destroyed) return;
      if (position < this.bytes) {
        const chunk = Buffer.allocUnsafe(Math.min(this.bytes - position, READ_CHUNK_BYTES));
        const read = readSync(fd, chunk, 0, chunk.length, position);
        position += read;
        stream.push(chunk.subarray(0, read));
      } else if (this.closed) {
        release();
        stream.push(null);
      } else {
        // Woken from inside write() or close(): reads once that call has returned.
        this.waiting.push(() => setImmediate(() => pump(stream)));
      }
    };
    return new Readable({
      highWaterMark: READ_CHUNK_BYTES,
      read() {
        pump(this);
      },
      destroy(error, callback) {
        release();
        callback(error);
      },
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  read(): Readable {
    this.close();
    return createReadStream(this.path, { highWaterMark: READ_CHUNK_BYTES });
  }
}

export class SpoolDirectory {
  private readonly spools: FileSpool[] = [];

  private constructor(readonly path: string) {}

  static async create(): Promise<SpoolDirectory> {
    return new SpoolDirectory(await mkdtemp(join(tmpdir(), "kpi-generate-")));
  }

  spool(name: string): FileSpool {
    const spool = new FileSpool(join(this.path, `${name}.tsv`));
    this.spools.push(spool);
    return spool;
  }

  async remove(): Promise<void> {
    for (const spool of this.spools) spool.close();
    await rm(this.path, { recursive: true, force: true });
  }
}
