/** One at a time, in order: a store's writers in this process queue here. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Writers that may run side by side, up to `limit`, and writers that must run alone (`exclusive`: it waits for
 * those running and holds back those that come after). Each waits its turn in order.
 */
export class WriterGate {
  private shared = 0;
  private alone = false;
  private readonly queue: { exclusive: boolean; start: () => void }[] = [];

  constructor(private readonly limit: number) {}

  run<T>(work: () => Promise<T>, exclusive = false): Promise<T> {
    return new Promise<void>((start) => {
      this.queue.push({ exclusive, start });
      this.next();
    }).then(async () => {
      try {
        return await work();
      } finally {
        if (exclusive) this.alone = false;
        else this.shared--;
        this.next();
      }
    });
  }

  private next(): void {
    for (let first = this.queue[0]; first && !this.alone; first = this.queue[0]) {
      if (first.exclusive ? this.shared > 0 : this.shared >= this.limit) return;
      this.queue.shift();
      if (first.exclusive) this.alone = true;
      else this.shared++;
      first.start();
    }
  }
}
