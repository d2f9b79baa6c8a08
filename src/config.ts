import { z } from "zod";
import { isTimeZone } from "./core/calendar-day.ts";

// Every setting comes from the environment (or .env), is checked once at start-up, and is
// described in .env.example. A bad value stops start-up with a message naming the variable.

const optionalText = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.string().trim().min(1).optional(),
);

const envSchema = z.object({
  DATA_DIR: optionalText,
  BOT_TIMEZONE: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().default("Europe/Oslo"))
    .refine(isTimeZone, {
      message: "is not an IANA time zone; try Europe/Oslo or America/New_York",
    }),
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
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
