/**
 * A throwaway chat platform, added to kpi-bot from the test folder through the registry alone
 * (no file under src/ knows it): "echo" posts each scheduled message as JSON to
 * ECHO_CHAT_URL, its targets are rooms (`echo:room-<name>`), and its section of the access
 * policy lists `rooms`. startEchoChat is the process-edge fake that records what it got.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlatformDefinition } from "../../src/bot/chat-platform.js";
import { DeliveryError } from "../../src/schedule/delivery-error.js";
import type { SendResult } from "../../src/schedule/senders.js";

export interface EchoConfig {
  readonly url: string;
}

const ROOM = /^room-[a-z0-9-]{1,40}$/;

export function echoPlatform(): PlatformDefinition<EchoConfig> {
  return {
    name: "echo",
    readConfig(env) {
      const url = env.ECHO_CHAT_URL;
      if (url === undefined) return { problems: [] };
      if (!/^https?:\/\/\S+$/.test(url)) return { problems: ["ECHO_CHAT_URL: must be an http(s) URL"] };
      return { config: { url }, problems: [] };
    },
    envKeys: ["ECHO_CHAT_URL"],
    disabledNote: "Echo disabled: set ECHO_CHAT_URL",
    targets: { example: "echo:room-<name>", parseId: (id) => (ROOM.test(id) ? id : undefined) },
    policyKeys: { rooms: "channel" },
    async open(config) {
      const post = async (body: object): Promise<SendResult> => {
        const response = await fetch(config.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new DeliveryError(`http_${response.status}`, `Echo: ${response.status}`);
        return { messageId: String(((await response.json()) as { id: unknown }).id) };
      };
      return {
        name: "echo",
        description: `Echo chat posting to ${config.url}`,
        senders: {
          digests: {
            send: (target, digest) =>
              post({
                room: target.id,
                heading: digest.heading,
                title: digest.title,
                answers: digest.answers.map((a) => ({
                  area: a.area,
                  title: a.title,
                  kpis: Object.fromEntries(a.kpis.map((k) => [k.key, k.value])),
                })),
                problems: digest.problems,
              }),
            sendNotice: (target, text) => post({ room: target.id, text }),
          },
          alerts: {
            sendAlert: (target, alert) => post({ room: target.id, text: alert.text }),
            sendRecovery: (target, threadId, note) =>
              post({ room: target.id, thread: threadId, text: note.text }),
            sendMetricAlert: (target, message) =>
              post({ room: target.id, thread: message.threadId, text: message.text }),
          },
        },
        async stop() {},
      };
    },
  };
}

export interface EchoChat {
  readonly url: string;
  /** The JSON bodies received, in order. */
  readonly received: Record<string, unknown>[];
  close(): Promise<void>;
}

/** The echo platform's far end: records every POST and answers with a message id. */
export async function startEchoChat(): Promise<EchoChat> {
  const received: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `echo-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
