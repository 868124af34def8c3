/**
 * The App Home's "New digest" and "New alert" buttons open their forms (views.open); a
 * submitted form is checked field by field with the typed command's parsers — problems go
 * back as inline errors (`response_action: "errors"`), nothing stored — and a valid one runs
 * as the typed command would in the chosen channel (the chat request: access policy, rate
 * limits, audit, the same store). Its reply replaces the form, and the App Home is refreshed.
 */
import type {
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import { alertCommand, digestCommand, type FormResult, type ViewValues } from "../home-form-input.js";
import {
  ALERT_FORM,
  alertForm,
  confirmationView,
  DIGEST_FORM,
  digestForm,
  FIELD,
  NEW_ALERT_ACTION,
  NEW_DIGEST_ACTION,
} from "../home-forms.js";
import type { SlackDeps } from "../slack-deps.js";
import { slackErrorCode } from "../slack-errors.js";
import { homeAreas, publishHome } from "./home-listener.js";

type Submission = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

async function submit(
  args: Submission,
  deps: SlackDeps,
  read: (values: ViewValues) => FormResult,
  title: string,
) {
  const { ack, body, view, client, context } = args;
  const result = read(view.state.values as ViewValues);
  if (!result.ok) {
    await ack({ response_action: "errors", errors: result.errors });
    return;
  }
  // In Socket Mode an unacked submission may come again: the first delivery stores it.
  if (!(await deps.redelivery.firstDelivery("action", body, context.retryNum))) {
    await ack();
    return;
  }
  const reply = await deps.chat({
    text: result.command,
    platform: "slack",
    channelId: result.targetId,
    userId: body.user.id,
    ...(body.team?.id ? { workspaceId: body.team.id } : {}),
  });
  if (reply.kind !== "help") {
    // Refused for that channel, rate limited, or something went wrong: said under the channel field.
    const text = reply.kind === "error" ? reply.text : "Something went wrong.";
    await ack({ response_action: "errors", errors: { [FIELD.target]: text.slice(0, 300) } });
    return;
  }
  await ack({ response_action: "update", view: confirmationView(title, reply.text) });
  deps.log.info(
    { platform: "slack", user: body.user.id, form: view.callback_id, channel: result.targetId },
    "home form stored",
  );
  await publishHome(client, deps, body.user.id);
}

export function registerFormListener(app: App, deps: SlackDeps): void {
  for (const [actionId, form] of [
    [
      NEW_DIGEST_ACTION,
      (userId: string) => digestForm(deps.reportTimeZone, [...homeAreas(deps, userId).keys()]),
    ],
    [NEW_ALERT_ACTION, () => alertForm(deps.reportTimeZone)],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: form(body.user.id) });
      } catch (error) {
        deps.log.warn({ platform: "slack", slackError: slackErrorCode(error) }, "form not opened");
      }
    });
  }
  app.view<ViewSubmitAction>(DIGEST_FORM, (args) => submit(args, deps, digestCommand, "Digest added"));
  app.view<ViewSubmitAction>(ALERT_FORM, (args) => submit(args, deps, alertCommand, "Alert added"));
}
