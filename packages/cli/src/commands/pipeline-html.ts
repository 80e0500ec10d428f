import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';

/**
 * The one HTML escaper of the reports: for text written into the markdown (which keeps raw HTML such as
 * `<details>` and the chart) and for the page's title.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Inline styles: the page needs nothing from the network. Tables keep to the page's width: a path in a table
 * cell breaks after its slashes (`<wbr>`, see breakPaths) and at its hyphens, never inside a word, so its column
 * is as wide as its longest part and nothing scrolls sideways at 1280 px; a longer unbroken string breaks where
 * it must (`overflow-wrap:break-word`, the last resort). The defects' tables, one a code, share their columns'
 * widths: where (a docs path and its line) 30%, page 22%, the message the rest. Long sections are `<details>` in
 * the markdown. On a phone, tables scroll inside their own container and the chart scales to the width. Colours
 * for light and dark schemes, each text colour at least 4.5:1 (WCAG AA) on its background; the chart's colours
 * are its classes, set here.
 */
const style = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--head:#f3f4f6;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#1f242b;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--link:#4493f8}}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;padding:1.5rem;max-width:76rem;overflow-wrap:break-word}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem}
.table-scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;margin:0;font-size:13.5px}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--head)}
details.defects table{min-width:40rem}details.defects th:first-child{width:30%}details.defects th:last-child{width:22%}
code{font-size:12.5px}
details{margin:.4rem 0 1rem}summary{cursor:pointer;font-weight:600}
svg{max-width:100%;height:auto;display:block}.ratio-chart{width:100%;max-width:600px}
@media (max-width:40rem){body{padding:1rem .75rem}h1{font-size:1.35rem}}
a{color:var(--link)}
.ratio-chart .met{fill:var(--ok)}.ratio-chart .missed{fill:var(--bad)}.ratio-chart .muted{fill:var(--muted)}
.ratio-chart text{paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
p:first-of-type{font-size:1.05rem}
`;

/**
 * A break opportunity (`<wbr>`) after each '/' of a path in a table cell (in a link, a code span or the text)
 * (`api-reference/beta/api/x.md:12`, `/external/industryData/inboundFlows/{id}`): browsers do not break after a
 * slash, so a path broke mid-word, or kept its column narrow, or pushed its table wider than the page. Not after
 * a leading '/', nor the first of '//', nor at the end; a short word with a slash (`req/s`) stays whole; the text
 * copies as it was.
 */
export function breakPaths(html: string): string {
  // An entity (`&lt;/b&gt;`, escaped text) is no part of a path.
  const path = /[^\s<>&;]*\/[^\s<>&;]*/g;
  return html.replace(/<td>([\s\S]*?)<\/td>/g, (_cell, inner: string) => {
    const broken = inner.replace(
      /(^|>)([^<]+)/g,
      (_all, before: string, text: string) =>
        before + text.replace(path, (p) => (p.length > 12 ? p.replace(/(?<=[^/])\/(?!\/|$)/g, '/<wbr>') : p)),
    );
    return `<td>${broken}</td>`;
  });
}

/**
 * Each table in a container of its own that scrolls sideways when the table is wider than the page (a phone: a
 * defects table keeps its columns readable at 40rem), so the page itself never does.
 */
export const scrollTables = (html: string): string =>
  html.replaceAll('<table>', '<div class="table-scroll"><table>').replaceAll('</table>', '</table></div>');

/** The report's page: its markdown rendered (GFM tables, the markdown's own HTML kept) into one template. */
export function renderPage(markdown: string, title: string): string {
  const body = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfmTable()],
    htmlExtensions: [gfmTableHtml()],
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${scrollTables(breakPaths(body.trim()))}
</body>
</html>
`;
}
