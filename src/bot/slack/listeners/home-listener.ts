/** The App Home tab: published (views.publish) each time someone opens it, and after a form adds a digest or alert. */
import type { App, webApi } from "@slack/bolt";
import { AREA_NAMES, type Area } from "../../../areas/registry.js";
import { reachOf } from "../../../security/access-policy.js";
import { type HomeAreas, homeView } from "../home-view.js";
import type { SlackDeps } from "../slack-deps.js";
import { slackErrorCode } from "../slack-errors.js";

/** The areas this user may ask about, anywhere or only in some channels (the access policy). */
export function homeAreas(deps: SlackDeps, userId: string): HomeAreas {
  const areas = new Map<Area, readonly string[] | undefined>();
  for (const area of AREA_NAMES) {
    const reach = reachOf(deps.access, area, "slack", userId);
    const channels = reach.anywhere ? [] : reach.channels.filter((c) => /^[A-Z0-9]+$/.test(c));
    if (reach.anywhere) areas.set(area, undefined);
    else if (channels.length > 0) areas.set(area, channels);
  }
  return areas;
}

/** Publishes the user's App Home; a failure is logged, never thrown. */
export async function publishHome(client: webApi.WebClient, deps: SlackDeps, userId: string): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: homeView(homeAreas(deps, userId)) });
  } catch (error) {
    deps.log.warn({ platform: "slack", slackError: slackErrorCode(error) }, "App Home not published");
  }
}

export function registerHomeListener(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await publishHome(client, deps, event.user);
  });
}
