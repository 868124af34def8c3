/**
 * How a stored code reads in a chart: `bank_transfer` → "Bank transfer", `apple_pay` →
 * "Apple Pay", `ios` → "iOS". Only labels that look like codes (lower case, digits and
 * underscores) change; names such as cities, campaigns and platforms are shown as stored.
 */
const CODE = /^[a-z][a-z0-9_]*$/;

/** Codes whose usual spelling is not "first letter up, underscores as spaces". */
const SPELLINGS: Readonly<Record<string, string>> = {
  paypal: "PayPal",
  apple_pay: "Apple Pay",
  google_pay: "Google Pay",
  ios: "iOS",
  nonbinary: "Non-binary",
  cpc: "CPC",
  cpm: "CPM",
  seo: "SEO",
  sem: "SEM",
};

export function codeLabel(label: string): string {
  if (!CODE.test(label)) return label;
  const spelled = SPELLINGS[label];
  if (spelled) return spelled;
  const words = label.replaceAll("_", " ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
