/**
 * The report's stylesheet, inlined into the page (no request to any other origin). Plain and
 * printable: system fonts, tables with numbers in every cell, focus outlines kept for keyboard
 * users. Heatmap colours come as inline styles from `colour.ts`.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --bar: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1600px; padding: 16px 24px 48px; color: var(--ink);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif; }
h1 { font-size: 24px; margin: 8px 0; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
h4 { font-size: 14px; margin: 16px 0 4px; }
p, ul, ol { margin: 4px 0 8px; }
a { color: #0969da; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; }
.muted, caption { color: var(--muted); }
caption { caption-side: top; text-align: left; padding: 4px 0; font-size: 13px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 4px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
thead th { background: var(--head); text-align: left; position: sticky; top: 0; }
th[scope=row] { background: var(--head); text-align: left; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0;
  cursor: pointer; text-align: inherit; }
th button::after { content: ' \\2195'; color: var(--muted); }
th[aria-sort=ascending] button::after { content: ' \\2191'; color: var(--ink); }
th[aria-sort=descending] button::after { content: ' \\2193'; color: var(--ink); }
:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.verdict { white-space: nowrap; font-weight: 600; }
svg.mark { vertical-align: -2px; }
.verdict-pass { color: var(--pass); }
.verdict-fail { color: var(--fail); }
.verdict-inconclusive, .verdict-insufficient-evidence { color: var(--warn); }
.score { display: flex; flex-direction: column; align-items: flex-end; gap: 2px; }
.score svg { display: block; }
.heat td.num { min-width: 4.5em; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0; }
.filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
.filters select { font: inherit; color: var(--ink); padding: 2px 4px; }
.legend { font-size: 13px; color: var(--muted); }
.note { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 12px 0; }
@media print { thead th { position: static; } .filters { display: none; } }
`
