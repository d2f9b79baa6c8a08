import { COMMANDS } from "../../commands/index.ts";
import { Random } from "../../src/synth/random.ts";
import {
  autocompleteOf,
  buttonPress,
  ping,
  slashCommand,
} from "../adapters/discord/interactions.ts";
import { buttonPress as slackPress, slashCommandFields } from "../support/fake-slack.ts";
import { appMentionEvent, directMessageEvent, eventCallback } from "../support/slack-events.ts";

// Random requests for the HTTP routes: real payloads of every kind each route takes, then a few
// random mutations deep inside them (a field made null, a list, a huge string, a mention, a
// wrong type; a field removed or added), or the whole body replaced by garbage. Seeded, so a
// failing case is found again by its seed and number.

export type FuzzRoute = "slack" | "discord";

export interface FuzzCase {
  route: FuzzRoute;
  /** What the case started from, for the failure message. */
  seed: string;
  body: string;
  contentType: string;
  /** How the case is signed: correctly, with the wrong key, or stamped outside the window. */
  signing: "good" | "bad" | "stale" | "future";
}

type Json = unknown;

const WORDS = ["who", "huitfeldt", "timeline", "from:2017", "to:1800", "page:9999", "", "2023"];

function hostileValue(random: Random): Json {
  const values: Json[] = [
    null,
    true,
    0,
    -1,
    1e308,
    "",
    " ",
    "x".repeat(random.int(1, 5000)),
    "<!channel> <@U1> &amp;",
    "/",
    "barents:page:next",
    'b1:["timeline",{"page":2}]',
    "v0:[]",
    "\u0000\u202e",
    {},
    [],
    [null],
    [{}],
    { type: "button" },
    { id: 7 },
    random.pick(WORDS),
  ];
  return random.pick(values);
}

/** Every [container, key] in a JSON tree, so a mutation can land anywhere in it. */
function slots(value: Json, out: Array<[Record<string, Json> | Json[], string | number]> = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([value, i]);
      slots(item, out);
    });
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push([value as Record<string, Json>, key]);
      slots(item, out);
    }
  }
  return out;
}

/** The tree with one to three random changes; the response_url is never pointed off loopback. */
function mutate(tree: Json, random: Random): Json {
  const copy = structuredClone(tree);
  for (let n = random.int(1, 3); n > 0; n -= 1) {
    const all = slots(copy);
    if (all.length === 0) return hostileValue(random);
    // Half the changes land on the top level, where each route decides what a body is.
    const top = all.filter(([container]) => container === copy);
    const [container, key] = random.pick(top.length && random.chance(0.5) ? top : all);
    const bag = container as Record<string | number, Json>;
    const op = random.int(0, 9);
    if (op < 6) bag[key] = hostileValue(random);
    else if (op < 8 && !Array.isArray(container)) delete bag[key];
    else if (op < 9) bag[`extra${random.int(0, 9)}`] = hostileValue(random);
    else bag[key] = [bag[key], bag[key]];
  }
  return copy;
}

function garbage(random: Random): string {
  const texts = ["", "null", "[]", "{", "payload=", "payload=null", "a=1&a=2", "\u00ff\u0000"];
  return random.chance(0.5)
    ? random.pick(texts)
    : Array.from({ length: random.int(1, 200) }, () =>
        String.fromCharCode(random.int(0, 0x7f)),
      ).join("");
}

function signing(random: Random): FuzzCase["signing"] {
  const r = random.float();
  if (r < 0.88) return "good";
  return r < 0.92 ? "bad" : r < 0.96 ? "stale" : "future";
}

function slackCase(random: Random, responseUrl: string): FuzzCase {
  const command = `/barents-${random.pick(COMMANDS).name}`;
  const text = `${random.pick(WORDS)} ${random.pick(WORDS)}`;
  const kind = random.int(0, 5);
  const form = "application/x-www-form-urlencoded";
  const sign = signing(random);
  if (kind === 0) {
    // A slash command: flat form fields, so each is a string or missing.
    const fields: Record<string, string> = slashCommandFields(command, text, responseUrl);
    const key = random.pick(Object.keys(fields));
    if (random.chance(0.5)) delete fields[key];
    else fields[key] = String(hostileValue(random));
    if (random.chance(0.2)) fields.payload = JSON.stringify(hostileValue(random));
    return {
      route: "slack",
      seed: "command",
      body: new URLSearchParams(fields).toString(),
      contentType: form,
      signing: sign,
    };
  }
  if (kind <= 2) {
    const seeds: Record<string, Json> = {
      press: slackPress("barents:page:next", 'b1:["timeline",{"page":2}]', responseUrl),
      view: { type: "view_submission", user: { id: "U1" }, view: { id: "V1", state: {} } },
      shortcut: { type: "shortcut", callback_id: "x", user: { id: "U1" }, team: { id: "T1" } },
    };
    const seed = random.pick(Object.keys(seeds));
    const payload = JSON.stringify(mutate(seeds[seed], random));
    const body = new URLSearchParams({ payload }).toString();
    return { route: "slack", seed, body, contentType: form, signing: sign };
  }
  if (kind <= 4) {
    const fields = { channel: "C0FUZZ", text: `<@U0BOT> ${text}` };
    const event = random.chance(0.5) ? appMentionEvent(fields) : directMessageEvent(fields);
    const body = JSON.stringify(mutate(eventCallback(event), random));
    return { route: "slack", seed: "event", body, contentType: "application/json", signing: sign };
  }
  const contentType = random.chance(0.5) ? form : "application/json";
  return { route: "slack", seed: "garbage", body: garbage(random), contentType, signing: sign };
}

function discordCase(random: Random): FuzzCase {
  const sign = signing(random);
  const name = random.pick(COMMANDS).name;
  const seeds: Record<string, () => Json> = {
    ping,
    command: () => slashCommand(name),
    autocomplete: () => autocompleteOf("who", "name", random.pick(WORDS)),
    button: () => buttonPress('b1:["timeline",{"page":2}]'),
  };
  if (random.chance(0.1)) {
    return {
      route: "discord",
      seed: "garbage",
      body: garbage(random),
      contentType: "application/json",
      signing: sign,
    };
  }
  const seed = random.pick(Object.keys(seeds));
  const body = JSON.stringify(mutate((seeds[seed] as () => Json)(), random));
  return { route: "discord", seed, body, contentType: "application/json", signing: sign };
}

/** `count` cases from `seed`, about two in three for Slack's route. */
export function fuzzCases(seed: number, count: number, responseUrl: string): FuzzCase[] {
  const random = new Random(seed);
  return Array.from({ length: count }, () =>
    random.chance(0.65) ? slackCase(random, responseUrl) : discordCase(random),
  );
}
