/** A kpi-access.yml for the access tests, written to a temp directory. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FINANCE_CHANNEL = "C0FINANCE";
export const CFO = "U0CFO";
export const FINANCE_TEAM = "19:finance-team@thread.tacv2";
export const CFO_CHAT = "a:1cfo-chat";

export const POLICY_YAML = `# Who may ask what (test policy)
default: deny
contact: "#kpi-admins"
areas:
  campaigns:
    slack: { channels: ["*"] }
    teams: { conversations: ["*"] }
  orders:
    slack:
      channels: [${FINANCE_CHANNEL}]
      users: [${CFO}]
    teams:
      teams: ["${FINANCE_TEAM}"]
      conversations: ["${CFO_CHAT}"]
    contact: "Finance (Ola)"
`;

export function writePolicyFile(text = POLICY_YAML): string {
  const path = join(mkdtempSync(join(tmpdir(), "kpi-access-")), "kpi-access.yml");
  writeFileSync(path, text);
  return path;
}
