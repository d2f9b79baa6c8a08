import { createLogger } from "../../src/logger.ts";
import { installProcessPolicy } from "../../src/process-policy.ts";

// A child process for test/process-policy.slow.test.ts: installs the bot's process policy, fails the
// way argv[2] names, then says on stdout whether it is still running.

installProcessPolicy(createLogger("info"));
if (process.argv[2] === "rejection") {
  void Promise.reject(new Error("a promise nobody awaited"));
} else {
  setImmediate(() => {
    throw new Error("a throw from a callback");
  });
}
// Queued behind the failure: it runs only if the process outlived it.
setImmediate(() => setImmediate(() => process.stdout.write("still up\n")));
