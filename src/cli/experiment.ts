// `npm run --silent experiment -- '<share URL or lab?query>' [--steps N] [--every K] [--backend cpu|wasm] [--sweep KEY=v1,v2,...] [--charts] [--debug]`
// Runs the same experiment code as the app, in Node. Prints one JSON line per K steps and a final
// line {"lab","params","steps","backend","metrics","ms"} (with --charts also "charts": every chart series, curve and bar layer). With --sweep (see sweep.ts) one line per
// swept value comes first, and the final line adds "sweep".
// Exit status: 0 done, 2 bad input (one line naming key, value and what is allowed), 3 the run
// diverged (one line naming what to change), 1 an unexpected error; --debug adds the stack trace.
// The logic is runCli (run-cli.ts), so tests run it in-process.
import { runCli } from './run-cli';

const status = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
// exitCode, not exit(): stdout to a pipe is flushed before the process ends
process.exitCode = status;
