/**
 * One scheduler replica as its own process, for the cross-process exactly-once test: runs
 * runTick once at TICK_AT against DATABASE_URL and prints the report as JSON. Its sender
 * posts each digest to FAKE_URL (the test's fake platform, Slack-like: HTTP errors and
 * `ok:false` are failures), so the fake at the process edge sees exactly what went out.
 */
import { DeliveryError } from "../../src/schedule/delivery-error.js";
import type { DigestSender, Senders } from "../../src/schedule/senders.js";
import { targetToText } from "../../src/schedule/target.js";
import { runTick } from "../../src/schedule/tick.js";
import { openRunner, silentLog } from "./schedule-harness.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const replicaId = env("REPLICA_ID");

async function post(body: object): Promise<string> {
  const response = await fetch(env("FAKE_URL"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, replica: replicaId }),
  });
  if (!response.ok) throw new DeliveryError(`http_${response.status}`, `HTTP ${response.status}`);
  const reply = (await response.json()) as { ok: boolean; ts?: string; error?: string };
  if (!reply.ok || !reply.ts) throw new DeliveryError(reply.error ?? "unknown_error", "ok:false");
  return reply.ts;
}

const digests: DigestSender = {
  async send(target, digest) {
    const ts = await post({
      target: targetToText(target),
      subscriptionId: digest.subscription.id,
      slot: digest.slot,
    });
    return { messageId: ts };
  },
  async sendNotice(target, text) {
    return { messageId: await post({ target: targetToText(target), notice: text }) };
  },
};

const runner = openRunner(env("DATABASE_URL"));
const senders: Senders = {
  slack: {
    digests,
    alerts: {
      sendAlert: () => Promise.reject(new Error("not used")),
      sendRecovery: () => Promise.reject(new Error("not used")),
      sendMetricAlert: () => Promise.reject(new Error("not used")),
    },
  },
};
try {
  const report = await runTick(new Date(env("TICK_AT")), {
    ...runner.deps(senders, replicaId),
    log: silentLog,
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await runner.close();
}
