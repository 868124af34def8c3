/**
 * The subset of Adaptive Cards 1.5 that the Teams renderer emits, typed after the official
 * schema (https://adaptivecards.io/schemas/1.5.0/adaptive-card.json). Teams renders cards up
 * to version 1.5 (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
 * Buttons are Universal Actions (Action.Execute, cards 1.4+): Teams sends them to the bot as an
 * `adaptiveCard/action` invoke, and the bot answers with the card that replaces the pressed one
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).
 */

export const ADAPTIVE_CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export type Spacing = "none" | "small" | "default" | "medium" | "large" | "extraLarge" | "padding";
export type HorizontalAlignment = "left" | "center" | "right";

export interface TextBlock {
  readonly type: "TextBlock";
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: "small" | "default" | "medium" | "large" | "extraLarge";
  readonly weight?: "lighter" | "default" | "bolder";
  readonly color?: "default" | "dark" | "light" | "accent" | "good" | "warning" | "attention";
  readonly isSubtle?: boolean;
  readonly style?: "default" | "heading";
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly horizontalAlignment?: HorizontalAlignment;
  readonly id?: string;
  readonly isVisible?: boolean;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet {
  readonly type: "FactSet";
  readonly facts: readonly Fact[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export interface TableCell {
  readonly type: "TableCell";
  readonly items: readonly TextBlock[];
}

export interface TableRow {
  readonly type: "TableRow";
  readonly cells: readonly TableCell[];
  readonly style?: "default" | "emphasis" | "accent";
}

export interface TableColumnDefinition {
  readonly width: number;
  readonly horizontalCellContentAlignment?: HorizontalAlignment;
}

export interface Table {
  readonly type: "Table";
  readonly columns: readonly TableColumnDefinition[];
  readonly rows: readonly TableRow[];
  readonly firstRowAsHeader: boolean;
  readonly showGridLines?: boolean;
  readonly gridStyle?: "default" | "emphasis" | "accent";
  readonly spacing?: Spacing;
}

export interface Image {
  readonly type: "Image";
  /** https URL or `data:image/png;base64,...` (data URIs since 1.2). */
  readonly url: string;
  readonly altText: string;
  readonly size?: "auto" | "stretch" | "small" | "medium" | "large";
  readonly spacing?: Spacing;
}

/** Buttons inside the body (Explain buttons under the KPIs). */
export interface ActionSet {
  readonly type: "ActionSet";
  readonly actions: readonly ExecuteAction[];
}

export type CardElement = TextBlock | FactSet | Table | Image | ActionSet;

/** A Universal Action: Teams posts `verb` and `data` to the bot as an `adaptiveCard/action` invoke. */
export interface ExecuteAction {
  readonly type: "Action.Execute";
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly tooltip?: string;
  /** "positive" highlights the button (the answer's current period). */
  readonly style?: "default" | "positive" | "destructive";
}

/** Teams lists at most this many users in `refresh.userIds` (more are not refreshed automatically). */
export const REFRESH_MAX_USER_IDS = 60;

/**
 * The card's refresh: Teams invokes `action` (trigger "automatic") when the card is shown to one
 * of `userIds` — or, without userIds, to anyone in a conversation of at most 60 members — and
 * shows the card the bot answers with instead.
 */
export interface Refresh {
  readonly action: Omit<ExecuteAction, "title" | "style" | "tooltip"> & { readonly title?: string };
  readonly userIds?: readonly string[];
}

export interface AdaptiveCard {
  readonly type: "AdaptiveCard";
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly ExecuteAction[];
  readonly refresh?: Refresh;
}
