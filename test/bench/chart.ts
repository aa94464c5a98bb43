import type { Summary } from './report.js';
import { median } from './stats.js';

interface Series {
  name: string;
  color: string;
  values: number[];
}

interface Panel {
  title: string;
  groups: string[];
  series: Series[];
}

const W = 480;
const H = 300;
const PAD = { left: 50, right: 15, top: 50, bottom: 40 };
const BARE = '#8a8f98';
const SERVICE = '#2f6fdf';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const label = (v: number) => (!Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** One grouped bar chart, its value written on each bar, at (x, y). */
function drawPanel(panel: Panel, x: number, y: number): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  // Headroom above the tallest bar for its label.
  const max =
    1.08 * Math.max(1e-9, ...panel.series.flatMap((s) => s.values.filter(Number.isFinite)));
  const groupW = plotW / panel.groups.length;
  const barW = (groupW * 0.8) / panel.series.length;
  const out = [
    `<g transform="translate(${x},${y})">`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`,
    ...panel.series.map(
      (s, i) =>
        `<rect x="${PAD.left + i * 130}" y="30" width="10" height="10" fill="${s.color}"/>` +
        `<text x="${PAD.left + i * 130 + 14}" y="39" font-size="11">${esc(s.name)}</text>`,
    ),
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#333"/>`,
  ];
  panel.groups.forEach((group, g) => {
    const gx = PAD.left + g * groupW + groupW * 0.1;
    out.push(
      `<text x="${PAD.left + (g + 0.5) * groupW}" y="${PAD.top + plotH + 16}" text-anchor="middle" font-size="11">${esc(group)}</text>`,
    );
    panel.series.forEach((s, i) => {
      const v = s.values[g] ?? NaN;
      const h = Number.isFinite(v) ? (v / max) * plotH : 0;
      const bx = gx + i * barW;
      out.push(
        `<rect x="${bx.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"/>`,
        `<text x="${(bx + barW / 2 - 1).toFixed(1)}" y="${(PAD.top + plotH - h - 3).toFixed(1)}" text-anchor="middle" font-size="10">${label(v)}</text>`,
      );
    });
  });
  out.push('</g>');
  return out.join('\n');
}

function panels(s: Summary): Panel[] {
  const top = Math.max(...s.throughput.map((t) => t.concurrency));
  const at = (kind: 'bare' | 'service') =>
    s.latency.find((l) => l.concurrency === top && l.kind === kind);
  const latencyValues = (kind: 'bare' | 'service') => {
    const row = at(kind);
    return row
      ? [
          row.create.p50,
          row.create.p95,
          row.create.p99,
          row.accept.p50,
          row.accept.p95,
          row.accept.p99,
        ]
      : [];
  };
  const sizes = [...new Set(s.lists.map((l) => l.rows))];
  const lists = ['invites', 'sessions', 'notifications'];
  const listMs = (rows: number) =>
    lists.map((list) => s.lists.find((l) => l.list === list && l.rows === rows)?.p50Ms ?? NaN);
  return [
    {
      title: 'Throughput, flows/s (median of rounds) by concurrency',
      groups: s.throughput.map((t) => `c=${t.concurrency}`),
      series: [
        { name: 'bare workflow', color: BARE, values: s.throughput.map((t) => median(t.bare)) },
        {
          name: 'service via HTTP',
          color: SERVICE,
          values: s.throughput.map((t) => median(t.service)),
        },
      ],
    },
    {
      title: `Latency at concurrency ${top}, ms`,
      groups: ['create p50', 'create p95', 'create p99', 'accept p50', 'accept p95', 'accept p99'],
      series: [
        { name: 'bare workflow', color: BARE, values: latencyValues('bare') },
        { name: 'service via HTTP', color: SERVICE, values: latencyValues('service') },
      ],
    },
    {
      title: 'First page (limit=50), p50 ms, by rows in the list',
      groups: lists,
      series: sizes.map((rows, i) => ({
        name: `${rows.toLocaleString('en')} rows`,
        color: i === 0 ? '#9cc3a0' : '#2e8b57',
        values: listMs(rows),
      })),
    },
    {
      title: 'Service RSS, MiB, by waiting invites',
      groups: s.rss.map((r) => r.waiting.toLocaleString('en')),
      series: [
        { name: 'API', color: '#e0a040', values: s.rss.map((r) => r.apiMiB) },
        { name: 'worker', color: '#b85c1e', values: s.rss.map((r) => r.workerMiB) },
      ],
    },
  ];
}

/** The summary as a 2×2 SVG of grouped bars, written by hand: no charting dependency. */
export function drawChart(s: Summary): string {
  const [a, b, c, d] = panels(s).map((panel, i) =>
    drawPanel(panel, (i % 2) * W, 30 + Math.floor(i / 2) * H),
  );
  const title = `coach-invites benchmark (${s.mode}) — ${s.machine.cpus} CPUs, ${s.machine.memGiB} GiB, Node ${s.machine.node}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${2 * H + 30}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${W}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    a,
    b,
    c,
    d,
    '</svg>',
    '',
  ].join('\n');
}
