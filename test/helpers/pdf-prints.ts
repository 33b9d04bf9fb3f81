// Records the office forms a test app prints through its PDF service (the pool in the program), so a test
// can tell a form went there and was not laid out on the thread serving the desks.
import type { TestApp } from './temp-app';

/** From now on, the forms `t` prints are listed in the returned array (the real renderer still prints them). */
export function recordPrints(t: TestApp): string[] {
  const forms: string[] = [];
  const service = t.app.pdf;
  t.app.pdf = {
    ...service,
    renderer: () => {
      const real = service.renderer();
      return {
        ...real,
        print: (job) => {
          forms.push(job.form);
          return real.print(job);
        },
      };
    },
  };
  return forms;
}
