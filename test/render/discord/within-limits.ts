import { DISCORD_LIMITS as L } from "../../../src/render/discord/limits.ts";

// Checks a Discord message against every limit the renderer promises to keep, independently of
// how the renderer builds it: it reads the payload as Discord would receive it (plain JSON).

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name?: unknown; value?: unknown }>;
  footer?: { text?: unknown };
  author?: { name?: unknown };
}

/** Every limit the message breaks, described; empty when Discord would accept it. */
export function limitProblems(message: unknown): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  const msg = message as {
    content?: unknown;
    embeds?: Embed[];
    components?: Array<{ type?: unknown; components?: Array<Record<string, unknown>> }>;
    allowed_mentions?: { parse?: unknown; replied_user?: unknown };
  };
  // Nobody may be pinged: no mention parsed and, on a reply, not even the person replied to.
  const { replied_user: replied, ...mentions } = msg.allowed_mentions ?? {};
  if (
    JSON.stringify(mentions) !== JSON.stringify({ parse: [] }) ||
    ![undefined, false].includes(replied as undefined)
  ) {
    fail(`allowed_mentions is ${JSON.stringify(msg.allowed_mentions)}`);
  }
  if (typeof msg.content === "string" && msg.content.length > L.content) fail("content too long");
  const embeds = msg.embeds ?? [];
  if (!msg.content && embeds.length === 0) fail("neither content nor embeds");
  if (embeds.length > L.embeds) fail(`${embeds.length} embeds`);
  let total = 0;
  const text = (where: string, value: unknown, max: number) => {
    if (value === undefined) return;
    if (typeof value !== "string" || value.length === 0) return fail(`${where}: empty`);
    if (value.length > max) fail(`${where}: ${value.length} > ${max}`);
    total += value.length;
  };
  for (const [i, e] of embeds.entries()) {
    text(`embed ${i} title`, e.title, L.title);
    text(`embed ${i} description`, e.description, L.description);
    text(`embed ${i} footer`, e.footer?.text, L.footer);
    text(`embed ${i} author`, e.author?.name, L.author);
    const fields = e.fields ?? [];
    if (fields.length > L.fields) fail(`embed ${i}: ${fields.length} fields`);
    for (const [j, f] of fields.entries()) {
      if (f.name === undefined || f.value === undefined) fail(`embed ${i} field ${j}: missing`);
      text(`embed ${i} field ${j} name`, f.name, L.fieldName);
      text(`embed ${i} field ${j} value`, f.value, L.fieldValue);
    }
  }
  if (total > L.embedsTotal) fail(`embeds total ${total} > ${L.embedsTotal}`);
  const rows = msg.components ?? [];
  if (rows.length > L.rows) fail(`${rows.length} rows`);
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const buttons = row.components ?? [];
    if (row.type !== 1) fail(`row ${i}: not an action row`);
    if (buttons.length === 0 || buttons.length > L.buttonsPerRow) {
      fail(`row ${i}: ${buttons.length} buttons`);
    }
    for (const b of buttons) {
      const label = String(b.label ?? "");
      const id = String(b.custom_id ?? "");
      if (label.length === 0 || label.length > L.buttonLabel) fail(`row ${i}: label ${label}`);
      if (id.length === 0 || id.length > L.customId) fail(`row ${i}: custom_id ${id.length}`);
      if (ids.has(id)) fail(`row ${i}: custom_id ${id} used twice`);
      ids.add(id);
    }
  }
  // Pictures: each described within 1024 characters under a name attachment:// can reach, and
  // every embed image that points at an upload points at one the message lists.
  const attachments = (msg as { attachments?: Array<Record<string, unknown>> }).attachments ?? [];
  const names = new Set<string>();
  for (const [i, a] of attachments.entries()) {
    const name = String(a.filename ?? "");
    if (!/^[A-Za-z0-9_.-]+\.(png|jpe?g|webp|gif)$/.test(name))
      fail(`attachment ${i}: name ${name}`);
    if (String(a.description ?? "").length > L.attachmentDescription) {
      fail(`attachment ${i}: description too long`);
    }
    names.add(name);
  }
  for (const [i, e] of embeds.entries()) {
    const url = (e as { image?: { url?: unknown } }).image?.url;
    if (typeof url === "string" && url.startsWith("attachment://")) {
      if (!names.has(url.slice("attachment://".length)))
        fail(`embed ${i}: image ${url} not attached`);
    }
  }
  return problems;
}

const NOT_SHOWN = new Set(["type", "custom_id", "style", "color", "flags", "inline"]);

/** Every text a message shows, joined, for assertions about what it says or never says. */
export function shownText(message: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) if (!NOT_SHOWN.has(k)) walk(x);
    }
  };
  walk(message);
  return out.join("\n");
}
