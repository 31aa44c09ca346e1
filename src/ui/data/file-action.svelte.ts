// What a data panel shows around one of its file actions (an export, an upload): a busy flag that
// disables the controls, and one line saying how it went. Imports refuse a bad file whole, so a
// failed upload always says that nothing was stored.

export class FileAction {
  busy = $state(false);
  message = $state('');
  error = $state('');

  /** Runs work, whose result is the line shown; a throw shows as `${failure}: ${reason}${after}`. */
  async run(work: () => Promise<string>, failure: string, after = ''): Promise<void> {
    this.message = this.error = '';
    this.busy = true;
    try {
      this.message = await work();
    } catch (e) {
      this.error = `${failure}: ${(e as Error).message}${after}`;
    } finally {
      this.busy = false;
    }
  }

  /** An import from an <input type="file">, cleared afterwards so that the same file can be chosen again. */
  async upload(e: Event, verb: string, work: (file: File) => Promise<string>): Promise<void> {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.run(() => work(file), `Could not ${verb} "${file.name}"`, '. Nothing was stored.');
    input.value = '';
  }
}
