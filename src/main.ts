import { runConsole } from "./adapters/console.ts";
import { transports } from "./config.ts";
import { messageOf } from "./error-message.ts";
import { installProcessPolicy } from "./process-policy.ts";
import type { Running } from "./serve.ts";
import { startUp } from "./startup.ts";

// `npm start`. Discord and Slack run side by side when their credentials are set; with none,
// the console bot on the bundled data.
const started = startUp();
installProcessPolicy(started.logger);
const wanted = transports(started.config);

if (!wanted.discord && !wanted.slack) {
  await runConsole(started.ctx, started.log);
} else {
  let running: Promise<Running> | undefined;
  // Listening from the start, so a signal during start-up still ends in an orderly stop.
  const shutdown = (signal: string) => {
    started.logger.info({ signal }, "shutting down");
    // An orderly stop waits at most for sends already on the wire (10 s each, side by side);
    // past this, something is stuck, and a supervisor's kill -9 would be worse than exiting.
    const limitMs = started.config.SHUTDOWN_LIMIT;
    setTimeout(() => {
      started.logger.error({ limitMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, limitMs).unref();
    void Promise.resolve(running)
      .then((bot) => bot?.stop())
      .catch(() => {})
      .then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
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
