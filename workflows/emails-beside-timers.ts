/**
 * Emails sent while a workflow waits on its timers. They go out beside the timers, so no reminder,
 * expiry or end waits on the email service; histories recorded before that (`besideTimers` false)
 * waited for each email, and replay as they ran. A notify never rejects: it logs what failed.
 */
export class EmailsBesideTimers<A extends unknown[]> {
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly notify: (...args: A) => Promise<void>,
    readonly besideTimers: boolean,
  ) {}

  async send(...args: A): Promise<void> {
    const told = this.notify(...args);
    this.inFlight.push(told);
    if (!this.besideTimers) await told;
  }

  /** Resolves once every email sent so far has gone out or been given up. */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}
