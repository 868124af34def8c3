/**
 * A Readable that generates as it is read: each time the database wants more bytes, `step`
 * runs (one day of the simulation, or a batch of rows) and whatever chunks it produced are
 * pushed. Generation therefore runs at the pace of the load, with backpressure, and memory
 * holds only the current step's output.
 */
import { Readable } from "node:stream";

export type Step = () => boolean;

export class PullStream extends Readable {
  private readonly queue: Buffer[] = [];
  private done = false;

  /** @param step produces the next part (calling `enqueue`); returns false when nothing is left. */
  constructor(private readonly step: Step) {
    super({ highWaterMark: 2 << 20 });
  }

  enqueue(chunk: Buffer): void {
    this.queue.push(chunk);
  }

  override _read(): void {
    try {
      while (this.queue.length === 0 && !this.done) {
        if (!this.step()) this.done = true;
      }
      let more = true;
      while (more && this.queue.length > 0) more = this.push(this.queue.shift());
      if (this.done && this.queue.length === 0) this.push(null);
    } catch (error) {
      this.destroy(error as Error);
    }
  }
}

/** A stream of the lines an iterable yields, in chunks of about `chunkChars` characters. */
export function linesStream(lines: Iterable<string>, onLine: () => void, chunkChars = 256 * 1024): Readable {
  const iterator = lines[Symbol.iterator]();
  let stream: PullStream;
  const step = () => {
    let text = "";
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      text += next.value;
      onLine();
      if (text.length >= chunkChars) {
        stream.enqueue(Buffer.from(text, "utf8"));
        return true;
      }
    }
    if (text.length > 0) stream.enqueue(Buffer.from(text, "utf8"));
    return false;
  };
  stream = new PullStream(step);
  return stream;
}
