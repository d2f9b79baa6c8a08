// Request bodies as Discord reads them, for the fake and for tests that read what the bot sent
// in an HTTP response: JSON, or multipart/form-data with files.

/** A file part of a multipart request, as Discord would store it. */
export interface FakeFile {
  /** The part's name: `files[0]`. */
  field: string;
  /** The filename its Content-Disposition gives. */
  name: string;
  contentType: string;
  data: Buffer;
}

function parsedJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A body as Discord reads it: JSON, or multipart/form-data as Discord takes files (Reference ›
 * Uploading Files), parsed by undici's own form parser, which holds to RFC 7578 (a malformed
 * body throws). `body` is then the `payload_json` part; a file part is one with a filename.
 */
export async function readDiscordBody(
  raw: Buffer,
  type: string,
): Promise<{ body: unknown; files: FakeFile[] }> {
  if (!type.startsWith("multipart/form-data")) {
    return { body: parsedJson(raw.toString("utf8")), files: [] };
  }
  const form = await new Response(raw, { headers: { "content-type": type } }).formData();
  let body: unknown;
  const files: FakeFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === "string") {
      if (field === "payload_json") body = parsedJson(value);
      continue;
    }
    const data = Buffer.from(await value.arrayBuffer());
    files.push({ field, name: value.name, contentType: value.type, data });
  }
  return { body, files };
}
