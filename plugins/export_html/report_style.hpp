// report_style.hpp — the report's stylesheet, inlined in every file so a report is one
// self-contained file: on screen a readable page; printed, each session starts a new page,
// nothing prints a background, and tables and charts are not split across pages.
// It contains no '<' or '&', so the document stays well-formed XML as well as HTML.
#pragma once

#include <string_view>

namespace knotnotes::export_html {

inline constexpr std::string_view report_style = R"css(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 11pt;
       line-height: 1.4; color: #1a1a1a; background: #ffffff; max-width: 62em;
       margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin: 0 0 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #4a6b82; padding-bottom: 0.1em;
     margin: 1.6em 0 0.5em; }
h3 { font-size: 1.05em; margin: 1.1em 0 0.3em; color: #2c4352; }
.provenance, .note { color: #555555; font-size: 0.9em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1.2em;
           margin: 0.4em 0; }
dl.facts dt { font-weight: bold; color: #444444; }
dl.facts dd { margin: 0; white-space: pre-wrap; }
.contraindications { border: 2px solid #b3261e; border-radius: 4px; background: #fdecea;
                     padding: 0.4em 1em; margin: 0.6em 0; }
.contraindications h3 { color: #b3261e; margin-top: 0.3em; }
.contraindications ul { margin: 0.2em 0; padding-left: 1.2em; }
.contraindication { margin: 0.25em 0; }
.severity { display: inline-block; font-size: 0.75em; font-weight: bold; letter-spacing: 0.05em;
            text-transform: uppercase; border: 1.5px solid currentColor; border-radius: 3px;
            padding: 0 0.35em; margin-right: 0.4em; }
.contraindication.avoid .severity, .contraindication.avoid strong { color: #b3261e; }
.contraindication.caution .severity, .contraindication.caution strong { color: #8a4b00; }
.no-flags { color: #1d6b2f; }
.status.signed { color: #1d6b2f; }
.status.draft { color: #8a4b00; font-weight: bold; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; }
h4 { margin: 0.8em 0 0.2em; font-size: 1em; }
.soap h4 { margin: 0.7em 0 0.1em; }
.soap p { margin: 0 0 0.4em; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.9em; font-size: 0.93em; }
th, td { border: 1px solid #b8b8b8; padding: 0.2em 0.45em; text-align: left;
         vertical-align: top; }
th { background: #eef2f5; }
td.number { text-align: right; white-space: nowrap; }
svg { max-width: 100%; height: auto; display: block; margin: 0.3em 0; }
svg text { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
.outline { stroke-width: 1.3; }
.muscle { stroke: #8c8c8c; stroke-width: 0.6; }
.muscle-deep { fill: none; stroke: #8c8c8c; stroke-width: 0.6; stroke-dasharray: 2 2; }
.detail { fill: none; stroke: #b0b0b0; stroke-width: 0.8; stroke-dasharray: 3 3; }
.referral-area { fill-opacity: 0.24; stroke-width: 1; stroke-dasharray: 3 2; }
.referral-link { stroke-width: 1; stroke-dasharray: 3 2; }
.leader { stroke: #6e6e6e; stroke-width: 1; }
.leader-end { fill: #6e6e6e; }
.earlier { fill: none; stroke: #6e6e6e; stroke-width: 1.2; stroke-dasharray: 3 2; }
.earlier-link { stroke: #6e6e6e; stroke-width: 1.2; stroke-dasharray: 3 2; }
.view-title { font-size: 13px; font-weight: bold; fill: #2c4352; }
.side-mark { font-size: 12px; font-weight: bold; fill: #777777; }
.knot-number { font-size: 10px; font-weight: bold; fill: #1a1a1a; }
.legend-text, .legend-scale { font-size: 11px; fill: #333333; }
.legend-scale { font-size: 9px; }
.axis { stroke: #555555; stroke-width: 1; }
.grid { stroke: #dddddd; stroke-width: 1; }
.axis-label, .date-label { font-size: 10px; fill: #444444; }
.value-label { font-size: 9px; fill: #333333; }
@media print {
  @page { margin: 15mm; }
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  * { background: transparent !important; box-shadow: none !important; }
  .session, .progress { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, svg, .contraindications, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  .contraindications { border-width: 3px; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

}  // namespace knotnotes::export_html
