import { SLACK_LIMITS as L } from "../../../src/render/slack/limits.ts";

// Checks a Slack message against every limit the renderer promises to keep, independently of
// how the renderer builds it: it reads the payload as Slack would receive it (plain JSON).

interface TextObject {
  type?: unknown;
  text?: unknown;
}

function textOf(value: unknown): string | undefined {
  const t = value as TextObject | undefined;
  return typeof t?.text === "string" ? t.text : undefined;
}

/** Every limit the message breaks, described; empty when Slack would accept it. */
export function limitProblems(message: unknown): string[] {
  const problems: string[] = [];
  const msg = message as { text?: unknown; blocks?: unknown };
  const fail = (what: string) => problems.push(what);
  if (typeof msg.text !== "string" || msg.text.length === 0) fail("no fallback text");
  else if (msg.text.length > L.fallbackText) fail(`fallback text ${msg.text.length}`);
  if (!Array.isArray(msg.blocks)) return [...problems, "no blocks"];
  if (msg.blocks.length > L.blocks) fail(`${msg.blocks.length} blocks`);
  const actionIds = new Set<string>();
  const checkText = (where: string, value: unknown, max: number, kind?: string) => {
    const text = textOf(value);
    if (text === undefined || text.length === 0) return fail(`${where}: empty text`);
    if (text.length > max) fail(`${where}: ${text.length} > ${max}`);
    if (kind && (value as TextObject).type !== kind) fail(`${where}: not ${kind}`);
  };
  for (const [i, raw] of msg.blocks.entries()) {
    const block = raw as Record<string, unknown>;
    const at = `block ${i} (${String(block.type)})`;
    if (typeof block.block_id === "string" && block.block_id.length > L.blockId) fail(`${at} id`);
    if (block.type === "header") checkText(at, block.text, L.headerText, "plain_text");
    else if (block.type === "section") {
      if (block.text === undefined && block.fields === undefined) fail(`${at}: no text or fields`);
      if (block.text !== undefined) checkText(at, block.text, L.sectionText);
      if (block.fields !== undefined) {
        const fields = block.fields as unknown[];
        if (fields.length > L.sectionFields) fail(`${at}: ${fields.length} fields`);
        for (const f of fields) checkText(`${at} field`, f, L.fieldText);
      }
    } else if (block.type === "context") {
      const elements = block.elements as unknown[];
      if (!elements.length || elements.length > L.contextElements)
        fail(`${at}: ${elements.length} elements`);
      for (const e of elements) checkText(`${at} element`, e, L.contextText);
    } else if (block.type === "actions") {
      const elements = block.elements as Array<Record<string, unknown>>;
      if (!elements.length || elements.length > L.actionsElements)
        fail(`${at}: ${elements.length} elements`);
      for (const e of elements) {
        checkText(`${at} button`, e.text, L.buttonText, "plain_text");
        const id = String(e.action_id);
        if (id.length > L.actionId) fail(`${at}: action_id ${id.length}`);
        if (actionIds.has(id)) fail(`${at}: action_id ${id} used twice`);
        actionIds.add(id);
        if (typeof e.value !== "string" || e.value.length > L.buttonValue)
          fail(`${at}: value ${String(e.value).length}`);
      }
    } else if (block.type !== "divider") fail(`${at}: unexpected block type`);
  }
  return problems;
}

const NOT_SHOWN = new Set(["type", "value", "action_id", "response_type", "replace_original"]);

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
