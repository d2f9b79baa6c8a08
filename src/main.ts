import { runConsole } from "./adapters/console.ts";
import { transports } from "./config.ts";
import { messageOf } from "./error-message.ts";
import { installProcessPolicy } from "./process-policy.ts";
import type { Running } from "./serve.ts";
import { startUp } from "./startup.ts";

/** How long past SHUTDOWN_LIMIT a stop may take recording what it cut off and closing. */
const STUCK_AFTER_LIMIT_MS = 5000;

// `npm start`. Discord and Slack run side by side when their credentials are set; with none,
// the console bot on the bundled data.
const started = startUp();
installProcessPolicy(started.logger);
const wanted = transports(started.config);

if (!wanted.discord && !wanted.slack) {
  await runConsole(started.ctx, started.log);
} else {
  let running: Promise<Running> | undefined;
  let stopping = false;
  // Listening from the start, so a signal during start-up still ends in an orderly stop.
  const shutdown = (signal: string) => {
    if (stopping) {
      // Someone pressed Ctrl-C again, or a supervisor means it: no more waiting.
      started.logger.warn({ signal }, "second signal; exiting now");
      process.exit(1);
    }
    stopping = true;
    started.logger.info({ signal }, "shutting down");
    // The stop gives work under way SHUTDOWN_LIMIT, then records what is left (in-flight.ts);
    // past that and a little more, something is stuck (a store another process keeps locked),
    // and exiting beats a supervisor's kill -9.
    const limitMs = started.config.SHUTDOWN_LIMIT + STUCK_AFTER_LIMIT_MS;
    setTimeout(() => {
      started.logger.error({ limitMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, limitMs).unref();
    void Promise.resolve(running)
      .then((bot) => bot?.stop())
      .catch(() => {})
      .then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  try {
    // discord.js and Bolt take most of a second to load: the console never pays for them.
    const { serve } = await import("./serve.ts");
    running = serve(started, wanted);
    await running;
    started.logger.info("Barents ready");
  } catch (error) {
    // A refused token or a busy port: say which in one line, log the details, exit 1.
    started.logger.error({ err: error }, "start-up failed");
    process.stderr.write(`Barents cannot start: ${messageOf(error)}\n`);
    process.exit(1);
  }
}
