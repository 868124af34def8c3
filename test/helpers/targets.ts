/** Targets as the registry's platforms read them (`slack:C0123`, `teams:…`), as the CLI and chat do. */
import { loadConfig } from "../../src/config.js";

export const parseTarget = loadConfig({}).chat.parseTarget;
