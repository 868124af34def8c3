/**
 * One-time setup of the rendering stack: the bundled font registered with @napi-rs/canvas,
 * the Chart.js pieces we use registered (tree-shaken) and Chart.js defaults pointed at the
 * theme. Idempotent; every render calls setupCharts() first.
 */
import { GlobalFonts } from "@napi-rs/canvas";
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
} from "chart.js";
import { projectPath } from "../project-files.js";
import { FONT_FAMILY, TEXT_COLOUR } from "./chart-theme.js";

/** The bundled font files (DejaVu Sans, see assets/fonts/LICENSE-DejaVu.txt). */
export const FONT_FILES: readonly string[] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
  projectPath("assets", "fonts", file),
);

let ready = false;

export function setupCharts(): void {
  if (ready) return;
  for (const path of FONT_FILES) {
    if (GlobalFonts.registerFromPath(path, FONT_FAMILY) === null) {
      throw new Error(`Cannot register chart font ${path}`);
    }
  }
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    DoughnutController,
    ArcElement,
    CategoryScale,
    LinearScale,
    Title,
    SubTitle,
    Legend,
  );
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.color = TEXT_COLOUR;
  Chart.defaults.animation = false;
  Chart.defaults.responsive = false;
  Chart.defaults.devicePixelRatio = 1;
  Chart.defaults.events = [];
  ready = true;
}
