/**
 * The Adaptive Card 1.5 validator the card tests rely on: it must accept a card written
 * straight from the schema's examples and reject each kind of mistake a renderer can make.
 */
import { describe, expect, it } from "vitest";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";

const text = (t: string) => ({ type: "TextBlock", text: t });
const cell = (t: string) => ({ type: "TableCell", items: [text(t)] });

function valid(): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      { type: "TextBlock", text: "Title", size: "large", weight: "bolder", style: "heading", wrap: true },
      { type: "FactSet", facts: [{ title: "Spend", value: "€1.00" }] },
      {
        type: "Table",
        columns: [{ width: 2 }, { width: "50px", horizontalCellContentAlignment: "right" }],
        rows: [
          { type: "TableRow", cells: [cell("a"), cell("b")], style: "accent" },
          { type: "TableRow", cells: [cell("c"), cell("d")] },
        ],
        firstRowAsHeader: true,
      },
      { type: "Image", url: "data:image/png;base64,iVBORw0KGgo=", altText: "chart", size: "stretch" },
      { type: "Image", url: "https://example.com/c.png?sig=x" },
    ],
    actions: [
      { type: "Action.Execute", title: "7 days", verb: "kpi-action", data: { period: "last-7d" } },
      { type: "Action.Submit", title: "30 days", data: { period: "last-30d" } },
    ],
    refresh: {
      action: { type: "Action.Execute", verb: "kpi-refresh", data: { period: "last-7d" } },
      userIds: ["29:1user-teams-id"],
    },
  };
}

/** Applies `change` to a fresh valid card. */
type Card = Record<string, unknown> & { body: Record<string, unknown>[] };

function broken(change: (card: Card) => unknown) {
  const card = valid() as Card;
  change(card);
  return validateAdaptiveCard(card);
}

describe("validateAdaptiveCard", () => {
  it("accepts a card built from the 1.5 schema", () => {
    expect(validateAdaptiveCard(valid())).toEqual([]);
  });

  it("accepts a refresh without userIds (everyone in a conversation of at most 60)", () => {
    const card = valid();
    card.refresh = { action: { type: "Action.Execute", verb: "kpi-refresh" } };
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  const cases: [string, (card: Card) => unknown, RegExp][] = [
    ["a missing version", (c) => delete c.version, /\$: AdaptiveCard requires "version"/],
    ["a version Teams cannot render", (c) => (c.version = "1.6"), /\$\.version: must be one of/],
    [
      "a property that is not in the schema (msteams)",
      (c) => (c.msteams = { width: "Full" }),
      /\$\.msteams: not a property/,
    ],
    [
      "an unknown element type",
      (c) => c.body.push({ type: "Carousel" }),
      /unknown or unsupported element type "Carousel"/,
    ],
    [
      "a TextBlock without text",
      (c) => delete (c.body[0] as Record<string, unknown>).text,
      /TextBlock requires "text"/,
    ],
    [
      "a bad enum value",
      (c) => ((c.body[0] as Record<string, unknown>).weight = "heavy"),
      /\.weight: must be one of/,
    ],
    [
      "a misspelt property",
      (c) => ((c.body[0] as Record<string, unknown>).wrapp = true),
      /\.wrapp: not a property of TextBlock/,
    ],
    [
      "a fact without a value",
      (c) => (c.body[1] = { type: "FactSet", facts: [{ title: "x" }] }),
      /Fact requires "value"/,
    ],
    [
      "a number as a fact value",
      (c) => (c.body[1] = { type: "FactSet", facts: [{ title: "x", value: 3 }] }),
      /\.value: must be a string/,
    ],
    ["an Image without url", (c) => (c.body[3] = { type: "Image", altText: "x" }), /Image requires "url"/],
    [
      "an SVG data URI",
      (c) => (c.body[3] = { type: "Image", url: "data:image/svg+xml;base64,PHN2Zz4=" }),
      /base64 PNG, JPEG or GIF/,
    ],
    [
      "a relative image URL",
      (c) => (c.body[4] = { type: "Image", url: "/charts/x.png" }),
      /must be an absolute URL/,
    ],
    ["broken base64", (c) => (c.body[3] = { type: "Image", url: "data:image/png;base64,abc" }), /bad base64/],
    [
      "a row with more cells than columns",
      (c) =>
        ((c.body[2] as { rows: unknown[] }).rows[1] = {
          type: "TableRow",
          cells: [cell("x"), cell("y"), cell("z")],
        }),
      /3 cells for 2 columns/,
    ],
    [
      "a cell that is not a TableCell",
      (c) =>
        ((c.body[2] as { rows: unknown[] }).rows[1] = { type: "TableRow", cells: [text("x"), cell("y")] }),
      /cells\[0\]\.type: must be "TableCell"/,
    ],
    [
      "a bad element inside a cell",
      (c) =>
        ((c.body[2] as { rows: unknown[] }).rows[1] = {
          type: "TableRow",
          cells: [cell("x"), { type: "TableCell", items: [{ type: "TextBlock" }] }],
        }),
      /items\[0\]: TextBlock requires "text"/,
    ],
    [
      "a column width that is neither weight nor px",
      (c) => ((c.body[2] as { columns: unknown[] }).columns[0] = { width: "wide" }),
      /must look like "50px"/,
    ],
    [
      "an Action.Execute with a property of Action.OpenUrl",
      (c) => (c.actions = [{ type: "Action.Execute", verb: "x", url: "https://example.com" }]),
      /actions\[0\]\.url: not a property of Action\.Execute/,
    ],
    [
      "a verb that is not a string",
      (c) => (c.actions = [{ type: "Action.Execute", verb: 1 }]),
      /verb: must be a string/,
    ],
    [
      "Action.Execute in a card older than Teams' Universal Actions",
      (c) => {
        c.version = "1.3";
        delete c.refresh;
      },
      /Action\.Execute and refresh need version 1\.4\+ \(1\.5 in Teams\)/,
    ],
    [
      "a refresh in a 1.4 card (Teams renders it from 1.5)",
      (c) => {
        c.version = "1.4";
        c.actions = [];
      },
      /need version 1\.4\+ \(1\.5 in Teams\), not "1\.4"/,
    ],
    ["a refresh without an action", (c) => (c.refresh = { userIds: [] }), /Refresh requires "action"/],
    [
      "a refresh whose action is an Action.Submit",
      (c) => (c.refresh = { action: { type: "Action.Submit", data: {} } }),
      /refresh\.action\.type: a refresh action must be "Action\.Execute"/,
    ],
    [
      "a refresh for 61 users",
      (c) =>
        (c.refresh = {
          action: { type: "Action.Execute" },
          userIds: Array.from({ length: 61 }, (_, i) => `29:u${i}`),
        }),
      /at most 60 users \(61 listed\)/,
    ],
    [
      "a refresh with expires (1.6, past Teams)",
      (c) => (c.refresh = { action: { type: "Action.Execute" }, expires: "2026-12-01T00:00:00Z" }),
      /refresh\.expires: not a property of Refresh/,
    ],
    [
      "a refresh action with a property of its own kind missing from the schema",
      (c) => (c.refresh = { action: { type: "Action.Execute", verb: "x", payload: "y" } }),
      /refresh\.action\.payload: not a property of Action\.Execute/,
    ],
    [
      "seven actions",
      (c) => (c.actions = Array.from({ length: 7 }, () => ({ type: "Action.Submit", title: "x" }))),
      /at most 6 actions/,
    ],
    [
      "submit data that is a number",
      (c) => (c.actions = [{ type: "Action.Submit", data: 3 }]),
      /\.data: must be a string or an object/,
    ],
  ];

  it.each(cases)("rejects %s", (_name, change, message) => {
    expect(broken(change).join("\n")).toMatch(message);
  });
});
