# SPDX-License-Identifier: MIT
# embed_body_chart.cmake — writes body_chart_data.hpp: the chart JSON files (sdk/chart/, the
# source of truth) as string literals, in the order body_chart() indexes them (figure, then
# view). Run with -DCHART_DIR=... -DOUTPUT=...; it rewrites OUTPUT only when the text changes.
set(figures neutral female male)
set(views front back left right)
set(body "")
foreach(figure IN LISTS figures)
    foreach(view IN LISTS views)
        file(READ "${CHART_DIR}/${figure}-${view}.json" json)
        string(APPEND body "    R\"knotnotes_chart(${json})knotnotes_chart\",\n")
    endforeach()
endforeach()
set(text "// body_chart_data.hpp — generated from sdk/chart/*.json by embed_body_chart.cmake; do not edit.
#pragma once

#include <array>
#include <string_view>

namespace knotnotes::sdk::body_chart_detail {

inline constexpr std::array<std::string_view, 12> embedded_json{{
${body}}};

}  // namespace knotnotes::sdk::body_chart_detail
")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
    file(WRITE "${OUTPUT}" "${text}")
endif()
