// What may pass from Slack to Bolt. Bolt trusts a signed body: `null` threw inside
// HTTPReceiver's unawaited closure and stopped the process, and `actions: null`, an event without
// a type or a string where it expects an object threw in App.processEvent (a 500) or in its
// middleware (an error with a stack). So both transports hand Bolt only the three kinds Barents
// listens for, in the shape Slack documents, with every field Bolt or a listener reads checked:
// - a slash command: `command` starting with "/", string fields, an http(s) `response_url`;
// - a `block_actions` press: `actions` a non-empty list of { type, action_id } and an http(s)
//   `response_url` (respond() needs it);
// - an `event_callback` carrying an `app_mention` or a `message` with `channel` and `ts`.
// Any other well-formed body (a shortcut, a view submission, another event) is acked and logged;
// anything else is refused. Bolt reads the body in the order of its helpers.ts
// getTypeAndConversation (event, command, options, actions, the rest), and so does this.

export type SlackBodyVerdict =
  /** A command, a button press or an event Barents answers: hand it to Bolt. */
  | { kind: "dispatch"; body: Record<string, unknown> }
  /** Well-formed, but nothing in Barents listens for it: ack it and log at info. */
  | { kind: "ignore"; type: string }
  /** Not something Slack sends: refuse it (400 over HTTP) and log the problem. */
  | { kind: "refuse"; problem: string };

type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === "string";
/** Where respond() posts: Bolt skips an empty one and fetch() throws on one that is not a URL. */
const isResponseUrl = (value: unknown) =>
  isString(value) && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
const isNamed = (value: unknown) => isRecord(value) && isString(value.id);
const isStringOrNull = (value: unknown) => value === null || isString(value);

/** The first of `keys` that is present on `fields` and fails `check`. */
function badField(fields: Fields, keys: readonly string[], check: (v: unknown) => boolean) {
  return keys.find((key) => fields[key] !== undefined && !check(fields[key]));
}

const refuse = (problem: string): SlackBodyVerdict => ({ kind: "refuse", problem });
const dispatch = (body: Fields): SlackBodyVerdict => ({ kind: "dispatch", body });

/** Fields Bolt reads on every kind to find the workspace (App.ts buildSource). */
function workspaceProblem(body: Fields): string | undefined {
  const auths = body.authorizations;
  if (auths !== undefined && !(Array.isArray(auths) && auths.every(isRecord))) {
    return "authorizations is not a list of objects";
  }
  // Workflow functions are not used: Bolt would take their token from the body.
  if (body.function_data !== undefined || body.bot_access_token !== undefined) {
    return "function_data is not expected";
  }
  const objects = badField(body, ["team", "enterprise", "container", "message", "view"], (v) =>
    v === null ? true : isRecord(v),
  );
  if (objects) return `${objects} is not an object`;
  const named = badField(body, ["user", "channel"], isNamed);
  if (named) return `${named} has no id`;
  if (body.type !== undefined && !isString(body.type)) return "type is not a string";
  // Slack sends null for a workspace outside Enterprise Grid; Bolt reads either.
  const ids = badField(body, ["team_id", "enterprise_id", "api_app_id"], isStringOrNull);
  return ids && `${ids} is not a string`;
}

const MESSAGE_EVENT_STRINGS = [
  "user",
  "text",
  "thread_ts",
  "subtype",
  "bot_id",
  "channel_type",
  "team",
] as const;

function eventVerdict(body: Fields): SlackBodyVerdict {
  if (body.type !== "event_callback") return refuse("an event outside an event_callback");
  const event = body.event;
  if (!isRecord(event) || !isString(event.type)) return refuse("the event has no type");
  if (event.type !== "app_mention" && event.type !== "message") {
    return { kind: "ignore", type: `event ${event.type}` };
  }
  if (!isString(event.channel) || !isString(event.ts)) {
    return refuse(`the ${event.type} event has no channel or ts`);
  }
  // Read by Bolt's source lookup with `in`, so must be objects if present; a message has neither.
  if (event.item !== undefined || event.subteam !== undefined) {
    return refuse(`the ${event.type} event carries an item or a subteam`);
  }
  const bad = badField(event, MESSAGE_EVENT_STRINGS, isString);
  return bad ? refuse(`the event's ${bad} is not a string`) : dispatch(body);
}

/** What Bolt and the command listener read of a slash command, besides its name. */
const COMMAND_STRINGS = ["text", "user_id", "channel_id", "team_id", "trigger_id"] as const;

function commandVerdict(body: Fields): SlackBodyVerdict {
  if (!isString(body.command) || !body.command.startsWith("/")) {
    return refuse("the command does not start with /");
  }
  const bad =
    badField(body, COMMAND_STRINGS, isString) ??
    badField(body, ["enterprise_id", "api_app_id"], isStringOrNull);
  if (bad) return refuse(`the command's ${bad} is not a string`);
  if (!isResponseUrl(body.response_url)) return refuse("the command has no response_url");
  return dispatch(body);
}

const isAction = (value: unknown) =>
  isRecord(value) &&
  isString(value.type) &&
  isString(value.action_id) &&
  !badField(value, ["value", "block_id"], isString);

function actionsVerdict(body: Fields): SlackBodyVerdict {
  if (body.type !== "block_actions") return { kind: "ignore", type: String(body.type) };
  const actions = body.actions;
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every(isAction)) {
    return refuse("actions is not a list of actions with a type and an action_id");
  }
  if (!isResponseUrl(body.response_url)) return refuse("the press has no response_url");
  if (!isNamed(body.user)) return refuse("the press names no user");
  return dispatch(body);
}

/** Decides what a parsed body is: something to hand Bolt, to ack and ignore, or to refuse. */
export function slackBodyVerdict(body: unknown): SlackBodyVerdict {
  if (!isRecord(body)) return refuse("the body is not a JSON object");
  // A slash command is the one body of flat form fields, so it is checked before the rest.
  if (body.event === undefined && body.command !== undefined) return commandVerdict(body);
  const problem = workspaceProblem(body);
  if (problem) return refuse(problem);
  if (body.event !== undefined) return eventVerdict(body);
  if (body.name !== undefined || body.type === "block_suggestion") {
    return { kind: "ignore", type: "options" };
  }
  if (body.actions !== undefined || body.type === "dialog_submission") return actionsVerdict(body);
  if (!isString(body.type)) return refuse("the body names no type");
  return { kind: "ignore", type: body.type };
}

/**
 * The body of an HTTP request as Bolt's HTTPModuleFunctions parses it: a form's `payload` field
 * as JSON (interactivity), other form fields as they are (slash commands), anything else as JSON.
 * Undefined when it cannot be read.
 */
export function parseSlackHttpBody(raw: string, contentType: string | undefined): unknown {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  try {
    if (media !== "application/x-www-form-urlencoded") return JSON.parse(raw);
    const form = new URLSearchParams(raw);
    const payloads = form.getAll("payload");
    if (payloads.length > 1) return undefined;
    return payloads.length === 1 ? JSON.parse(payloads[0] as string) : Object.fromEntries(form);
  } catch {
    return undefined;
  }
}
