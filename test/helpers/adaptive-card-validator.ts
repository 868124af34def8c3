/**
 * A strict structural validator for the Adaptive Card 1.5 elements the Teams renderer emits,
 * written from the official schema (https://adaptivecards.io/schemas/1.5.0/adaptive-card.json):
 * the same property names per element (additionalProperties: false), required properties,
 * enum values and value types, plus Teams' own limits (version ≤ 1.5, at most 6 actions), and
 * the rules of Universal Actions: Action.Execute and `refresh` (its action an Action.Execute, at
 * most 60 userIds) only in cards of version 1.4 and up — 1.5 in Teams.
 * An element type it does not know is an error, so a renderer change that emits a new
 * element fails until the validator learns it. Returns problems as "path: message".
 */

import {
  any,
  arr,
  bool,
  CONTAINER_STYLE,
  checkActions,
  checkObject,
  checkRefresh,
  checkTyped,
  ELEMENT_COMMON,
  H_ALIGN,
  imageUrl,
  isObject,
  num,
  obj,
  oneOf,
  pixels,
  type Shape,
  str,
  TEAMS_UNIVERSAL_ACTIONS_VERSION,
  TEAMS_VERSIONS,
  UNIVERSAL_ACTIONS_VERSION,
  V_ALIGN,
  width,
} from "./adaptive-card-checks.js";

const ELEMENTS: Record<string, Shape> = {
  // Adaptive Cards 1.2: buttons inside the body.
  ActionSet: {
    props: { actions: arr },
    required: ["actions"],
    nested: (value, path, problems) => checkActions(value.actions, `${path}.actions`, problems),
  },
  TextBlock: {
    props: {
      text: str,
      color: oneOf(["default", "dark", "light", "accent", "good", "warning", "attention"]),
      fontType: oneOf(["default", "monospace"]),
      horizontalAlignment: oneOf(H_ALIGN),
      isSubtle: bool,
      maxLines: num,
      size: oneOf(["default", "small", "medium", "large", "extraLarge"]),
      weight: oneOf(["default", "lighter", "bolder"]),
      wrap: bool,
      style: oneOf(["default", "heading"]),
    },
    required: ["text"],
  },
  FactSet: {
    props: { facts: arr },
    required: ["facts"],
    nested: (value, path, problems) => {
      (value.facts as unknown[]).forEach((fact, i) => {
        checkObject(
          fact,
          `${path}.facts[${i}]`,
          { props: { title: str, value: str }, required: ["title", "value"] },
          problems,
          "Fact",
        );
      });
    },
  },
  Image: {
    props: {
      url: imageUrl,
      altText: str,
      backgroundColor: str,
      height: (v) => (v === "auto" || v === "stretch" ? undefined : pixels(v)),
      horizontalAlignment: oneOf(H_ALIGN),
      selectAction: obj,
      size: oneOf(["auto", "stretch", "small", "medium", "large"]),
      style: oneOf(["default", "person"]),
      width: pixels,
    },
    required: ["url"],
  },
  Table: {
    props: {
      columns: arr,
      rows: arr,
      firstRowAsHeader: bool,
      showGridLines: bool,
      gridStyle: oneOf(CONTAINER_STYLE),
      horizontalCellContentAlignment: oneOf(H_ALIGN),
      verticalCellContentAlignment: oneOf(V_ALIGN),
    },
    required: [],
    nested: (value, path, problems) => checkTable(value, path, problems),
  },
};

function checkTable(table: Record<string, unknown>, path: string, problems: string[]): void {
  const columns = (table.columns as unknown[] | undefined) ?? [];
  const columnShape: Shape = {
    props: {
      width,
      horizontalCellContentAlignment: oneOf(H_ALIGN),
      verticalCellContentAlignment: oneOf(V_ALIGN),
    },
    required: [],
  };
  columns.forEach((c, i) => {
    checkTyped(c, `${path}.columns[${i}]`, "TableColumnDefinition", columnShape, problems, false);
  });
  const cellShape: Shape = {
    props: {
      items: arr,
      style: oneOf(CONTAINER_STYLE),
      verticalContentAlignment: oneOf(V_ALIGN),
      bleed: bool,
      minHeight: pixels,
    },
    required: ["items"],
    nested: (cell, cellPath, out) => checkElements(cell.items, `${cellPath}.items`, out),
  };
  const rowShape: Shape = {
    props: {
      cells: arr,
      style: oneOf(CONTAINER_STYLE),
      horizontalCellContentAlignment: oneOf(H_ALIGN),
      verticalCellContentAlignment: oneOf(V_ALIGN),
    },
    required: ["cells"],
    nested: (row, rowPath, out) => {
      const cells = row.cells as unknown[];
      if (cells.length !== columns.length)
        out.push(`${rowPath}.cells: ${cells.length} cells for ${columns.length} columns`);
      cells.forEach((cell, i) => {
        checkTyped(cell, `${rowPath}.cells[${i}]`, "TableCell", cellShape, out, true);
      });
    },
  };
  ((table.rows as unknown[] | undefined) ?? []).forEach((r, i) => {
    checkTyped(r, `${path}.rows[${i}]`, "TableRow", rowShape, problems, true);
  });
}

/** An object whose `type` must be `type` (or, when optional, absent). */

function checkElements(elements: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(elements)) {
    problems.push(`${path}: must be an array`);
    return;
  }
  elements.forEach((element, i) => {
    const at = `${path}[${i}]`;
    const type = isObject(element) ? element.type : undefined;
    const shape = typeof type === "string" ? ELEMENTS[type] : undefined;
    if (!shape) {
      problems.push(`${at}.type: unknown or unsupported element type ${JSON.stringify(type)}`);
      return;
    }
    checkObject(
      element,
      at,
      { ...shape, props: { ...ELEMENT_COMMON, ...shape.props } },
      problems,
      type as string,
    );
  });
}

export function validateAdaptiveCard(card: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(card) || card.type !== "AdaptiveCard")
    return ['$: must be an object with type "AdaptiveCard"'];
  const root: Shape = {
    props: {
      version: oneOf(TEAMS_VERSIONS),
      $schema: str,
      fallbackText: str,
      speak: str,
      lang: str,
      minHeight: pixels,
      rtl: bool,
      verticalContentAlignment: oneOf(V_ALIGN),
      body: arr,
      actions: arr,
      selectAction: obj,
      backgroundImage: any,
      refresh: any,
      authentication: obj,
    },
    required: ["version"],
  };
  checkObject(card, "$", root, problems, "AdaptiveCard");
  if (card.body !== undefined) checkElements(card.body, "$.body", problems);
  if (card.actions !== undefined) checkActions(card.actions, "$.actions", problems);
  if (card.refresh !== undefined) checkRefresh(card.refresh, "$.refresh", problems);
  const universal = card.refresh !== undefined || JSON.stringify(card).includes('"Action.Execute"');
  if (universal && card.version !== TEAMS_UNIVERSAL_ACTIONS_VERSION)
    problems.push(
      `$.version: Action.Execute and refresh need version ${UNIVERSAL_ACTIONS_VERSION}+ (${TEAMS_UNIVERSAL_ACTIONS_VERSION} in Teams), not ${JSON.stringify(card.version)}`,
    );
  return problems;
}
