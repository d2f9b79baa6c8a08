import { z } from "zod";
import { isTimeZone } from "./core/calendar-day.ts";

// Every setting comes from the environment (or .env), is checked once at start-up, and is
// described in .env.example. A bad value stops start-up with a message naming the variable.

/** A copied .env.example leaves `NAME=`: an empty value means unset, so defaults apply. */
function unsetIfEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema);
}

const envSchema = z.object({
  DATA_DIR: unsetIfEmpty(z.string().trim().min(1).optional()),
  BOT_TIMEZONE: unsetIfEmpty(z.string().default("Europe/Oslo")).refine(isTimeZone, {
    message: "is not an IANA time zone; try Europe/Oslo or America/New_York",
  }),
  LOG_LEVEL: unsetIfEmpty(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks the settings; throws ConfigError naming each bad variable. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`The configuration has problems:\n${lines.join("\n")}`);
}
