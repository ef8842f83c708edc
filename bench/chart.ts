/** The SVG chart of `bench/results/scale.svg`. */
import type { BuildSample, SizeResult } from "./results.ts";

const WIDTH = 320;
const HEIGHT = 220;
const MARGIN = { left: 52, right: 12, top: 28, bottom: 36 };

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * step >= value) return factor * step;
  return 10 * step;
}

function panel(
  title: string,
  unit: string,
  sizes: number[],
  series: { label: string; color: string; values: number[] }[],
  offsetX: number,
): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const yMax = niceMax(Math.max(...series.flatMap((entry) => entry.values)));
  const logMin = Math.log10(Math.min(...sizes));
  const logMax = Math.log10(Math.max(...sizes));
  const x = (size: number) =>
    MARGIN.left + (logMax === logMin ? plotWidth / 2 : ((Math.log10(size) - logMin) / (logMax - logMin)) * plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / yMax) * plotHeight;
  const round = (value: number) => Math.round(value * 10) / 10;
  const parts = [
    `<g transform="translate(${offsetX} 0)">`,
    `<text x="${MARGIN.left}" y="16" font-weight="bold">${title}</text>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
  ];
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const value = yMax * fraction;
    parts.push(
      `<line x1="${MARGIN.left}" y1="${round(y(value))}" x2="${MARGIN.left + plotWidth}" y2="${round(y(value))}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 4}" y="${round(y(value) + 4)}" text-anchor="end">${Number(value.toPrecision(3))}</text>`,
    );
  }
  for (const size of sizes)
    parts.push(
      `<text x="${round(x(size))}" y="${MARGIN.top + plotHeight + 14}" text-anchor="middle">${size >= 1000 ? `${size / 1000}k` : size}</text>`,
    );
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 4}" text-anchor="middle">articles (log scale); ${unit}</text>`,
  );
  series.forEach((entry, index) => {
    const points = sizes.map((size, at) => `${round(x(size))},${round(y(entry.values[at] as number))}`);
    parts.push(`<polyline fill="none" stroke="${entry.color}" stroke-width="2" points="${points.join(" ")}"/>`);
    for (const point of points) {
      const [cx, cy] = point.split(",");
      parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${entry.color}"/>`);
    }
    parts.push(
      `<rect x="${MARGIN.left + 8}" y="${MARGIN.top + 4 + index * 14}" width="10" height="3" fill="${entry.color}"/>`,
      `<text x="${MARGIN.left + 22}" y="${MARGIN.top + 9 + index * 14}">${entry.label}</text>`,
    );
  });
  parts.push("</g>");
  return parts.join("\n");
}

/** An SVG chart of wall time and peak memory against corpus size, full pipeline and bare Eleventy. */
export function scaleChart(results: readonly SizeResult[]): string {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  const sizes = sorted.map((result) => result.articles);
  const fullAndBare = (value: (sample: BuildSample) => number) => [
    { label: "full pipeline", color: "#b3261e", values: sorted.map((result) => value(result.full)) },
    { label: "bare Eleventy", color: "#1f5fa8", values: sorted.map((result) => value(result.bare)) },
  ];
  const time = panel(
    "Build time",
    "seconds",
    sizes,
    fullAndBare((sample) => sample.wallMs / 1000),
    0,
  );
  const memory = panel(
    "Peak memory",
    "MB (RSS)",
    sizes,
    fullAndBare((sample) => sample.peakRssBytes / 1048576),
    WIDTH,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * WIDTH}" height="${HEIGHT}" viewBox="0 0 ${2 * WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    "<title>npm run bench: build time and peak memory against the number of articles</title>",
    `<rect width="${2 * WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    time,
    memory,
    "</svg>",
    "",
  ].join("\n");
}
