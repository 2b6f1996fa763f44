#include <catch2/catch.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

using namespace knotnotes::sdk;

TEST_CASE("every vocabulary word parses back to its value", "[sdk][vocabulary]") {
    for (auto side : {Side::left, Side::right, Side::midline, Side::bilateral}) {
        CHECK(parse_side(to_text(side)) == side);
    }
    for (auto view : {ChartView::front, ChartView::back, ChartView::left, ChartView::right}) {
        CHECK(parse_chart_view(to_text(view)) == view);
    }
    for (auto result : {KnotResult::untreated, KnotResult::released, KnotResult::reduced,
                        KnotResult::unchanged}) {
        CHECK(parse_knot_result(to_text(result)) == result);
    }
    for (auto tool : {Tool::hands, Tool::thumb, Tool::fingers, Tool::knuckle, Tool::palm,
                      Tool::elbow, Tool::forearm, Tool::instrument}) {
        CHECK(parse_tool(to_text(tool)) == tool);
    }
    CHECK(parse_direction("across-fibres") == Direction::across_fibres);
    CHECK(parse_knot_kind("active") == KnotKind::active);
}

TEST_CASE("unknown words are rejected, not guessed", "[sdk][vocabulary]") {
    CHECK_FALSE(parse_side("Left").has_value());
    CHECK_FALSE(parse_tool("").has_value());
    CHECK_FALSE(parse_direction("across fibres").has_value());
}

TEST_CASE("pressure words follow the 0-10 teaching scale", "[sdk][pressure]") {
    CHECK(pressure_word(0) == "none");
    CHECK(pressure_word(1) == "light");
    CHECK(pressure_word(3) == "light");
    CHECK(pressure_word(4) == "medium");
    CHECK(pressure_word(6) == "medium");
    CHECK(pressure_word(7) == "deep");
    CHECK(pressure_word(8) == "deep");
    CHECK(pressure_word(9) == "too much");
    CHECK(pressure_word(10) == "too much");
}

#include <knotnotes/sdk/xml_text.hpp>

TEST_CASE("XML escaping keeps text and attribute values readable back", "[sdk][xml]") {
    CHECK(xml_escape("a & b < c > \"d\"\n\te", false) == "a &amp; b &lt; c &gt; \"d\"\n\te");
    CHECK(xml_escape("a & b < c > \"d\"\n\te", true) ==
          "a &amp; b &lt; c &gt; &quot;d&quot;&#10;&#9;e");
    CHECK(xml_escape("line\r\n", false) == "line&#13;\n");
    CHECK_THROWS_AS(xml_escape(std::string("bell\x07"), true), XmlTextError);
    CHECK(xml_escape("Chloé", true) == "Chloé");
}
