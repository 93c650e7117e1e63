/**
 * Undo steps registered while the benchmark sets itself up (stop the server, drop the database, stop
 * PostgreSQL…). They run once, last registered first, on success, on error, on SIGINT/SIGTERM and when
 * the watchdog fires; a failing step is reported and the others still run.
 */
export class Cleanup {
  private steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | null = null;

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop();
        if (!step) break;
        try {
          await step.run();
        } catch (error) {
          console.error(`bench cleanup: ${step.name} failed: ${String(error)}`);
        }
      }
    })();
    return this.running;
  }
}
