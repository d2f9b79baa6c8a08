import { runConsole } from "./adapters/console.ts";
import { startUp } from "./startup.ts";

// `npm start`. With no platform credentials configured, the console bot on the bundled data.
const { ctx, log } = startUp();
await runConsole(ctx, log);
