/**
 * Spool files: the tables that must wait for another table's load (orders wait for sessions,
 * their lines and payments for orders) are written to temporary files while the day-by-day
 * simulation runs, then streamed into the database. Memory stays flat; the files are removed
 * afterwards, also when the run fails.
 */
import { closeSync, createReadStream, openSync, writeSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";

const READ_CHUNK_BYTES = 1 << 20;

export class FileSpool {
  bytes = 0;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  write(chunk: Buffer): void {
    if (this.fd === undefined) throw new Error(`spool ${this.path} is already closed`);
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset, chunk.length - offset);
    this.bytes += chunk.length;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
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
