// SPDX-License-Identifier: MIT
// muscle_atlas.hpp — the one built-in atlas of the muscles where knots are charted.
//
// Specification
// - Every muscle has a stable id ("upper-trapezius") used in records, the database and
//   exports; ids are never reused or renamed. Display names are English.
// - fma_id is the Foundational Model of Anatomy identifier (open, free to use) where it has
//   been confirmed against Uberon's FMA bridge (or, for levator scapulae, the FMA's own entry
//   as cited); empty where not confirmed — an exporter must then send text only. SNOMED CT
//   codes need a licence and are deliberately absent.
// - paired: the muscle exists on the left and the right (a knot needs a side); unpaired
//   muscles (none yet) would be charted as midline.
// - anchors: where the muscle shows on the body chart, per view, for the client's LEFT side,
//   as (distance from the midline, height), both normalised to the view's width and height.
//   chart_position() mirrors it for the right side and places it on each view.
// - Regions group muscles for pressure readings: a reading names a muscle id or a region id.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "knotnotes/sdk/vocabulary.hpp"

namespace knotnotes::sdk {

struct AtlasAnchor {
    ChartView view;
    double from_midline;  // front/back views: 0 = midline; left/right views: 0 = front, 1 = back
    double height;        // 0 = top of the head, 1 = soles
};

struct Muscle {
    std::string_view id;
    std::string_view name;
    std::string_view region;
    std::string_view fma_id;
    std::array<std::optional<AtlasAnchor>, 2> anchors;
};

struct Region {
    std::string_view id;
    std::string_view name;
};

inline constexpr std::array<Region, 11> atlas_regions{{
    {"head-neck", "Head and neck"},
    {"shoulder", "Shoulder"},
    {"upper-back", "Upper back"},
    {"chest", "Chest"},
    {"arm", "Upper arm"},
    {"forearm", "Forearm"},
    {"lower-back", "Lower back"},
    {"abdomen", "Abdomen"},
    {"hip", "Hip and buttock"},
    {"thigh", "Thigh"},
    {"leg", "Lower leg"},
}};

namespace atlas_detail {
constexpr AtlasAnchor back(double dx, double y) {
    return {ChartView::back, dx, y};
}
constexpr AtlasAnchor front(double dx, double y) {
    return {ChartView::front, dx, y};
}
constexpr AtlasAnchor side(double depth, double y) {
    return {ChartView::left, depth, y};
}
}  // namespace atlas_detail

// clang-format off
inline constexpr std::array<Muscle, 40> muscle_atlas{{
    {"upper-trapezius", "Upper trapezius", "upper-back", "FMA:9626", {atlas_detail::back(0.09, 0.165), atlas_detail::front(0.08, 0.16)}},
    {"middle-trapezius", "Middle trapezius", "upper-back", "FMA:9626", {atlas_detail::back(0.06, 0.215), std::nullopt}},
    {"lower-trapezius", "Lower trapezius", "upper-back", "FMA:9626", {atlas_detail::back(0.04, 0.27), std::nullopt}},
    {"levator-scapulae", "Levator scapulae", "head-neck", "FMA:32519", {atlas_detail::back(0.05, 0.15), atlas_detail::side(0.7, 0.14)}},
    {"sternocleidomastoid", "Sternocleidomastoid", "head-neck", "FMA:13407", {atlas_detail::front(0.03, 0.135), atlas_detail::side(0.35, 0.13)}},
    {"suboccipitals", "Suboccipitals", "head-neck", "", {atlas_detail::back(0.025, 0.105), std::nullopt}},
    {"splenius-capitis", "Splenius capitis", "head-neck", "", {atlas_detail::back(0.03, 0.125), std::nullopt}},
    {"scalenes", "Scalenes", "head-neck", "FMA:64829", {atlas_detail::front(0.045, 0.145), atlas_detail::side(0.5, 0.14)}},
    {"temporalis", "Temporalis", "head-neck", "FMA:49006", {atlas_detail::front(0.055, 0.045), atlas_detail::side(0.45, 0.04)}},
    {"masseter", "Masseter", "head-neck", "FMA:48996", {atlas_detail::front(0.045, 0.085), atlas_detail::side(0.3, 0.085)}},
    {"rhomboids", "Rhomboids", "upper-back", "", {atlas_detail::back(0.045, 0.235), std::nullopt}},
    {"supraspinatus", "Supraspinatus", "shoulder", "FMA:9629", {atlas_detail::back(0.1, 0.19), std::nullopt}},
    {"infraspinatus", "Infraspinatus", "shoulder", "FMA:32546", {atlas_detail::back(0.11, 0.235), std::nullopt}},
    {"teres-minor", "Teres minor", "shoulder", "FMA:32550", {atlas_detail::back(0.14, 0.25), std::nullopt}},
    {"teres-major", "Teres major", "shoulder", "FMA:32549", {atlas_detail::back(0.13, 0.275), std::nullopt}},
    {"subscapularis", "Subscapularis", "shoulder", "FMA:13413", {atlas_detail::front(0.15, 0.235), std::nullopt}},
    {"latissimus-dorsi", "Latissimus dorsi", "upper-back", "FMA:13357", {atlas_detail::back(0.11, 0.32), atlas_detail::side(0.75, 0.3)}},
    {"deltoid", "Deltoid", "shoulder", "FMA:32521", {atlas_detail::back(0.19, 0.2), atlas_detail::front(0.19, 0.2)}},
    {"pectoralis-major", "Pectoralis major", "chest", "FMA:9627", {atlas_detail::front(0.09, 0.22), std::nullopt}},
    {"pectoralis-minor", "Pectoralis minor", "chest", "FMA:13109", {atlas_detail::front(0.12, 0.2), std::nullopt}},
    {"serratus-anterior", "Serratus anterior", "chest", "FMA:13397", {atlas_detail::front(0.14, 0.29), atlas_detail::side(0.4, 0.28)}},
    {"biceps-brachii", "Biceps brachii", "arm", "FMA:37670", {atlas_detail::front(0.21, 0.28), std::nullopt}},
    {"triceps-brachii", "Triceps brachii", "arm", "FMA:37688", {atlas_detail::back(0.21, 0.28), std::nullopt}},
    {"forearm-extensors", "Forearm extensors", "forearm", "FMA:38494", {atlas_detail::back(0.24, 0.4), std::nullopt}},
    {"forearm-flexors", "Forearm flexors", "forearm", "FMA:38459", {atlas_detail::front(0.24, 0.4), std::nullopt}},
    {"erector-spinae", "Erector spinae", "lower-back", "FMA:71302", {atlas_detail::back(0.035, 0.33), std::nullopt}},
    {"lumbar-iliocostalis", "Lumbar iliocostalis", "lower-back", "FMA:22702", {atlas_detail::back(0.055, 0.4), std::nullopt}},
    {"multifidus", "Multifidus", "lower-back", "", {atlas_detail::back(0.02, 0.43), std::nullopt}},
    {"quadratus-lumborum", "Quadratus lumborum", "lower-back", "FMA:15569", {atlas_detail::back(0.075, 0.42), atlas_detail::side(0.8, 0.42)}},
    {"rectus-abdominis", "Rectus abdominis", "abdomen", "FMA:9628", {atlas_detail::front(0.035, 0.37), std::nullopt}},
    {"gluteus-maximus", "Gluteus maximus", "hip", "FMA:22314", {atlas_detail::back(0.07, 0.5), std::nullopt}},
    {"gluteus-medius", "Gluteus medius", "hip", "FMA:22315", {atlas_detail::back(0.1, 0.465), atlas_detail::side(0.7, 0.47)}},
    {"gluteus-minimus", "Gluteus minimus", "hip", "FMA:22317", {atlas_detail::back(0.12, 0.48), atlas_detail::side(0.55, 0.49)}},
    {"piriformis", "Piriformis", "hip", "FMA:19082", {atlas_detail::back(0.06, 0.485), std::nullopt}},
    {"iliopsoas", "Iliopsoas", "hip", "FMA:64918", {atlas_detail::front(0.07, 0.47), std::nullopt}},
    {"tensor-fasciae-latae", "Tensor fasciae latae", "hip", "FMA:22423", {atlas_detail::front(0.12, 0.49), atlas_detail::side(0.3, 0.5)}},
    {"vastus-lateralis", "Vastus lateralis", "thigh", "FMA:22431", {atlas_detail::front(0.12, 0.6), atlas_detail::side(0.5, 0.6)}},
    {"hamstrings", "Hamstrings (biceps femoris)", "thigh", "FMA:22356", {atlas_detail::back(0.08, 0.62), std::nullopt}},
    {"gastrocnemius", "Gastrocnemius", "leg", "FMA:22541", {atlas_detail::back(0.07, 0.79), atlas_detail::side(0.75, 0.8)}},
    {"soleus", "Soleus", "leg", "FMA:22542", {atlas_detail::back(0.065, 0.86), std::nullopt}},
}};
// clang-format on

constexpr const Muscle* find_muscle(std::string_view id) {
    for (const auto& m : muscle_atlas) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

constexpr bool is_region_id(std::string_view id) {
    for (const auto& r : atlas_regions) {
        if (r.id == id)
            return true;
    }
    return false;
}

// Where `muscle` shows on `view` for `side` (left or right), or nullopt if it does not show
// there. Front view: the client faces the viewer, so their left is on the viewer's right.
// Back view: their left is on the viewer's left. Left/right views show one side of the body,
// facing the viewer's left (left view) or right (right view).
constexpr std::optional<ChartPoint> chart_position(const Muscle& muscle, ChartView view,
                                                   Side side) {
    const bool left = side != Side::right;
    for (const auto& anchor : muscle.anchors) {
        if (!anchor)
            continue;
        if (anchor->view == ChartView::left) {
            if (view == ChartView::left && left) {
                return ChartPoint{0.42 + anchor->from_midline * 0.16, anchor->height};
            }
            if (view == ChartView::right && !left) {
                return ChartPoint{0.58 - anchor->from_midline * 0.16, anchor->height};
            }
            continue;
        }
        if (anchor->view != view)
            continue;
        const bool toward_viewer_right = (view == ChartView::front) == left;
        const double dx = toward_viewer_right ? anchor->from_midline : -anchor->from_midline;
        return ChartPoint{0.5 + dx, anchor->height};
    }
    return std::nullopt;
}

}  // namespace knotnotes::sdk
