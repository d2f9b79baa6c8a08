import { isTimeZone } from "./core/calendar-day.ts";

// Checking BOT_TIMEZONE at start-up by building an Intl.DateTimeFormat (isTimeZone) makes ICU
// load its date-formatting data: 7.7 MB more resident memory in a Node 20 process, measured
// (RssFile and RssAnon in /proc/self/status, `node -e` with and without one formatter). Intl's
// list of zone names costs 0.4 MB. Most processes never format a date (`ask` and the console
// for every command but the date-based ones), so the list is asked first and a formatter is
// built only for a name the list leaves out. The answer is isTimeZone's either way: every
// listed name is a zone Intl formats in, and aliases the list omits ("Europe/Kiev", "UTC")
// still reach isTimeZone.

let listed: Set<string> | undefined;

/** Whether the runtime knows this IANA zone name, as isTimeZone answers, more cheaply. */
export function isTimeZoneName(name: string): boolean {
  // Intl takes zone names in any case ("europe/oslo"), so the list is matched the same way.
  listed ??= new Set(Intl.supportedValuesOf("timeZone").map((zone) => zone.toLowerCase()));
  return listed.has(name.toLowerCase()) || isTimeZone(name);
}
