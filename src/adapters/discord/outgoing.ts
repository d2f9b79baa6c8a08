import { randomBytes } from "node:crypto";
import type { DiscordFile } from "../../render/discord/picture.ts";

// A message's files leave it here, on their way out: the JSON goes without them, and the files
// go as the multipart parts Discord expects (Reference › Uploading Files: a `payload_json` part
// with the JSON, and `files[n]` parts, each with a filename, `n` being the id its
// `attachments` entry names). multipartBody builds that form for every transport: for
// discord.js's REST calls, and for the HTTP transport's own responses.

/** Anything holding a message's files: a message, or an interaction response's data. */
interface WithFiles {
  files?: DiscordFile[];
}

/** The value without its files, and the files (none when it has none). */
export function withoutFiles<T extends WithFiles>(
  value: T,
): { json: Omit<T, "files">; files: DiscordFile[] } {
  const { files = [], ...json } = value;
  return { json, files };
}

/**
 * The body of a discord.js REST request for a message that may carry files: the JSON as it is,
 * or, with files, the multipart body made here, passed through as bytes. discord.js could build
 * the form from RawFiles, but through undici's FormData streaming, which stalled now and then in
 * the test suite's shared workers; bytes made once are also the same on a retry.
 */
export function restRequest(
  json: unknown,
  files: readonly DiscordFile[],
): { body: unknown; passThroughBody?: true; headers?: Record<string, string> } {
  if (files.length === 0) return { body: json };
  const { contentType, bytes } = multipartBody(json, files);
  return { body: bytes, passThroughBody: true, headers: { "Content-Type": contentType } };
}

/** Total bytes of the files, which decides whether they may go in an HTTP response. */
export function fileBytes(files: readonly DiscordFile[] | undefined): number {
  return (files ?? []).reduce((sum, f) => sum + f.data.byteLength, 0);
}

const CRLF = "\r\n";

/**
 * `json` and `files` as one multipart/form-data body (RFC 7578), as Discord takes it. The
 * boundary is random and checked against every part, so no part can end the body early.
 */
export function multipartBody(
  json: unknown,
  files: readonly DiscordFile[],
): { contentType: string; bytes: Buffer } {
  const payload = Buffer.from(JSON.stringify(json));
  const datas = files.map((f) => Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength));
  let boundary: string;
  do boundary = `barents-${randomBytes(12).toString("hex")}`;
  while ([payload, ...datas].some((part) => part.includes(boundary)));
  const head = (lines: string[]) =>
    Buffer.from(`--${boundary}${CRLF}${lines.join(CRLF)}${CRLF}${CRLF}`);
  const parts: Buffer[] = [
    head(['Content-Disposition: form-data; name="payload_json"', "Content-Type: application/json"]),
    payload,
  ];
  for (const [n, file] of files.entries()) {
    parts.push(
      Buffer.from(CRLF),
      head([
        // The name is ASCII letters, digits, "_", "-" and "." (picture.ts): nothing to quote.
        `Content-Disposition: form-data; name="files[${n}]"; filename="${file.name}"`,
        `Content-Type: ${file.contentType}`,
      ]),
      datas[n] ?? Buffer.alloc(0),
    );
  }
  parts.push(Buffer.from(`${CRLF}--${boundary}--${CRLF}`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(parts) };
}
