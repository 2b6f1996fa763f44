#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# author_body_chart.py — the authoring aid for the body chart geometry in sdk/chart/*.json.
#
# The JSON files are the source of truth: the build embeds them and the SDK installs them. This
# script is how they were drawn: muscle outlines as a few control points around anatomical
# landmarks of the neutral figure (units of a 200 x 400 box: x = distance from the midline on
# the front/back views, the profile facing the viewer's left on the side views; y from the top
# of the head), smoothed into closed curves, mirrored for the other side, warped for the female
# and male figures, and written as normalised polygons. Run it after changing a shape:
#   python3 sdk/chart/tools/author_body_chart.py sdk/chart [--preview DIR]
# --preview also writes a PNG of every figure and view (pure Python, no packages) to look at.
#
# Landmarks of the neutral figure (y): vertex 2, chin 50, C7 60, acromion 70, spine of the
# scapula 75-80, nipple line 100, inferior angle of the scapula 110, elbow 148, navel 150,
# iliac crest 162, greater trochanter 192, wrist 198, gluteal fold 218, knee 285, calf 318,
# malleoli 380, soles 398.
import json
import math
import os
import struct
import sys
import zlib

W, H = 200.0, 400.0

# ---------------------------------------------------------------- outlines (neutral figure)
# Front/back: the client's left half, from the crown clockwise to the crotch.
HALF_FIGURE = [
    (0, 2), (8, 3.5), (13, 8), (15.5, 16), (16, 26), (15, 36), (12.5, 44), (9.5, 50),
    (9.5, 56), (14, 61), (22, 64), (30, 67), (36, 70), (41, 73), (44.5, 79), (46.2, 88),
    (47.2, 100), (48.2, 115), (49.5, 135), (51, 148), (54, 165), (55.5, 180), (55.8, 196),
    (58.2, 205), (59.5, 218), (57.5, 229), (53, 233), (49.5, 229), (48.4, 215), (47.3, 200),
    (45.5, 180), (42.5, 162), (40.4, 148), (38.4, 130), (36.4, 112), (33, 94), (31, 100),
    (30, 115), (27.6, 135), (28, 150), (30.5, 163), (33, 180), (34, 195), (33.6, 210),
    (32, 235), (29.5, 260), (25.6, 285), (25.2, 298), (26.6, 318), (24, 345), (19.5, 368),
    (17.5, 380), (19.2, 390), (18, 396), (12, 398.5), (6.5, 397), (6, 384), (7.4, 372),
    (7.5, 345), (8, 320), (7, 298), (6.4, 285), (5, 260), (3.4, 235), (1.5, 212), (0, 206),
]

# The left view: the body in profile facing the viewer's left, clockwise from the crown.
PROFILE = [
    (97, 2), (108, 6), (114.5, 16), (116, 28), (113.5, 39), (109, 46), (106.5, 53),
    (106, 60), (111, 68), (115.5, 80), (117.5, 98), (116, 118), (112, 140), (111.5, 152),
    (114.5, 165), (119.5, 180), (121, 196), (117.5, 212), (113, 230), (110.5, 258),
    (108.5, 284), (112.5, 312), (111, 338), (105, 362), (102.5, 378), (104.5, 391),
    (101, 398.5), (78, 399), (74.5, 395.5), (84, 388), (90, 376), (91.5, 350), (91.2, 320),
    (88.5, 296), (88, 276), (86, 250), (83.5, 222), (82, 200), (80.2, 175), (80, 152),
    (81.4, 124), (79.6, 108), (79.8, 94), (82.4, 80), (86.6, 67), (89, 58), (87.5, 52), (84, 49), (81, 45.5),
    (79.6, 40), (80.2, 35), (76.8, 30), (79, 22), (80.8, 12), (87, 4.5),
]

# The near arm in profile: it hangs from the shoulder (the acromion at y 68) inside the trunk's
# silhouette, the upper arm straight down to the elbow at the waist (y 148), the elbow bent
# about 27 degrees so the forearm and hand reach in front of the hip and thigh (wrist at y 195).
# Trunk muscles are kept off it (kept_outside), so its outline is seen from the shoulder down.
PROFILE_ARM = [
    (100, 67.5), (106, 70.5), (109.6, 79), (109.2, 92), (107.2, 110), (106, 130), (105.6, 144),
    (104.4, 153), (99.8, 161), (90.8, 177), (80.5, 196), (75.5, 206), (71.5, 216), (67, 219.5),
    (62.5, 217), (60.5, 211), (64, 203), (70.5, 192.2), (80, 172), (88, 154.5), (90.4, 140),
    (90.2, 112), (90.6, 92), (92.5, 78), (95.5, 71),
]

# ---------------------------------------------------------------- muscles (client's left)
# (muscle id, depth, control points). Depth: 1 = superficial, 2 = partly covered, 3 = deep
# (covered where it lies; reached through the deep layer). Within one depth, later entries
# are drawn over earlier ones.
FRONT = [
    ("temporalis", 1, [(9.5, 9.5), (13, 9.2), (15.3, 15), (15.4, 23), (13, 25.5), (10.6, 19)]),
    ("masseter", 1, [(11, 32), (14.6, 32.5), (14.2, 40), (12, 46), (10, 42.5), (10.2, 36)]),
    ("rectus-abdominis", 1, [(2, 104), (7, 102), (11.5, 105), (12, 125), (11.5, 150),
                             (9.5, 175), (6, 195), (2, 198), (1.6, 175), (1.6, 130)]),
    ("pectoralis-major", 1, [(2.5, 70.5), (12, 69), (24, 68.8), (28.4, 72.2), (32, 79.5),
                             (35.3, 88), (33.6, 93), (27, 100), (20, 104.5), (12, 105.5),
                             (5, 103.5), (2.4, 98), (2.2, 85)]),
    ("upper-trapezius", 1, [(9.8, 55.5), (14, 60.5), (22, 63.6), (30, 66.6), (34.5, 69.2),
                            (31, 70), (22, 67.4), (14.5, 64.8), (10.6, 61.5)]),
    ("sternocleidomastoid", 1, [(8.4, 47.5), (9.6, 51), (7.8, 57), (5.6, 63), (2.2, 63.2),
                                (3.4, 59), (6, 53)]),
    ("deltoid", 1, [(28, 67.6), (35, 69.8), (41, 73.2), (44.6, 80), (46, 89), (46.6, 100),
                    (44, 106), (40.6, 100), (37.2, 90), (33.6, 80.5), (29.4, 72.4)]),
    ("biceps-brachii", 1, [(39.4, 100), (44.8, 103), (46.6, 115), (46.4, 130), (45, 142),
                           (43, 146.5), (41, 141), (39.2, 128), (38, 113)]),
    ("forearm-flexors", 1, [(41.6, 151), (47, 149.5), (50.8, 153), (52.8, 165), (53.6, 180),
                            (53, 193), (49.8, 196), (47.4, 186), (44.6, 170), (42, 159)]),
    ("tensor-fasciae-latae", 1, [(25.6, 168), (29, 165.5), (31.8, 178), (32.8, 195),
                                 (31.6, 207), (28.6, 205), (27, 190)]),
    ("vastus-lateralis", 1, [(28.4, 209), (32.6, 214), (31.8, 236), (29.2, 260), (25.6, 281),
                             (23.2, 283), (22.4, 262), (22.6, 236), (24.6, 217)]),
    ("scalenes", 2, [(6.6, 56), (9.6, 53), (11, 58), (15, 63.4), (20, 66.2), (12.5, 66.8),
                     (6.8, 63)]),
    ("serratus-anterior", 2, [(30.6, 95), (30.9, 104), (29.8, 116), (28, 128), (24.6, 130.5),
                              (22.2, 122), (21.8, 112), (23.6, 103), (27.4, 98)]),
    ("iliopsoas", 2, [(5.8, 160), (9.2, 158), (13.4, 172), (17.6, 186), (19.6, 198),
                      (16.4, 209), (12.4, 206), (10.4, 192), (6.8, 176)]),
    ("pectoralis-minor", 3, [(27, 73.4), (29.4, 76.5), (24.4, 88), (21.4, 99), (16.8, 98.2),
                             (13.4, 92), (20, 84)]),
    ("subscapularis", 3, [(30.6, 85), (34.8, 89), (35.6, 97.5), (32.8, 101.5), (30.2, 96)]),
]

BACK = [
    ("infraspinatus", 2, [(16, 82.5), (25, 79.6), (33, 81), (33.6, 88), (30, 98), (24, 106),
                          (20, 109), (16, 100), (15, 90)]),
    ("teres-minor", 2, [(29.6, 92.4), (33.6, 88.4), (37.4, 91.4), (35.4, 96.4), (31, 97.4)]),
    ("teres-major", 2, [(20.2, 108.4), (24.4, 103.6), (32, 97.8), (37, 96.6), (36.4, 102.4),
                        (29, 108.6), (22, 113)]),
    ("erector-spinae", 2, [(1.6, 92), (7.4, 90), (10.4, 105), (11, 125), (10.2, 140),
                           (6.8, 148), (5.8, 170), (4, 191), (1.6, 191)]),
    ("lumbar-iliocostalis", 2, [(10.6, 141), (13, 150), (12.6, 172), (9, 188.5), (4.6, 192.5),
                                (6.2, 170), (7.2, 149)]),
    ("gluteus-medius", 2, [(12, 165.6), (20, 161.4), (28, 162.4), (31.4, 170), (33.3, 185),
                           (32.2, 195), (27, 192), (20, 183), (13, 175)]),
    ("soleus", 2, [(8.2, 330), (12, 346), (16, 338), (21, 343), (24.2, 336), (22.2, 354),
                   (18.6, 368), (12, 370.4), (8, 360), (7.9, 345)]),
    ("levator-scapulae", 2, [(6, 45.4), (9, 46.4), (11.6, 57.6), (21, 70.2), (18, 74.2),
                             (8.8, 62), (5.6, 52)]),
    ("splenius-capitis", 2, [(1.2, 62), (3, 50), (7.6, 40.6), (12.2, 39.6), (11.8, 44.4),
                             (8, 52), (4, 64)]),
    ("upper-trapezius", 1, [(0.9, 40.5), (5, 39), (7.6, 44), (9.2, 52), (12, 59.6), (20, 63.7),
                            (30, 66.7), (36.4, 70.2), (33, 73.6), (24, 73.4), (12, 71.6),
                            (2, 70), (0.9, 60)]),
    ("middle-trapezius", 1, [(0.9, 71), (12, 72.6), (24, 74.2), (32.6, 74.8), (26, 78.4),
                             (20, 82), (10, 86), (0.9, 88)]),
    ("lower-trapezius", 1, [(0.9, 89), (10, 87), (19.6, 83.2), (22.6, 86.6), (17, 100),
                            (10, 118), (4, 137), (0.9, 140)]),
    ("latissimus-dorsi", 1, [(12.2, 113), (20, 111.4), (28, 105.6), (33, 98), (36.4, 95.8),
                             (34, 106), (31, 118), (29.8, 132), (28.6, 148), (29.8, 160),
                             (23, 160.4), (16, 150), (12.6, 135), (11.6, 122)]),
    ("deltoid", 1, [(24, 75.4), (33, 71.4), (41, 73.2), (45.4, 79.6), (46.9, 90), (47.3, 101),
                    (44, 107), (39, 101), (33, 92.4), (27, 82.4)]),
    ("triceps-brachii", 1, [(38, 101), (43.6, 104), (47.4, 110), (48.4, 125), (48, 140),
                            (45.6, 146.6), (41, 145), (38.6, 132), (37, 115)]),
    ("forearm-extensors", 1, [(42, 150.6), (47.4, 148.6), (51.4, 153), (53.4, 168),
                              (54, 185), (53, 194.6), (49, 196.6), (46, 185), (43.6, 168),
                              (41.3, 157)]),
    ("gluteus-maximus", 1, [(2, 178), (8, 170.4), (14, 172.4), (22, 179), (29, 188),
                            (33, 198), (32.6, 208), (28, 216), (20, 220), (10, 220.4),
                            (3.6, 216), (1.2, 205), (1.2, 188)]),
    ("hamstrings", 1, [(5, 222.5), (14, 220.6), (24, 222), (29, 232), (29, 252), (25.6, 272),
                       (21.6, 287), (15, 289.6), (9.6, 285), (7, 265), (4.8, 242)]),
    ("gastrocnemius", 1, [(7.6, 292.4), (16, 290.6), (24.4, 296), (26.3, 316), (24.4, 335),
                          (20, 344.6), (15.6, 339.6), (11.6, 349.6), (8.2, 342), (7.7, 320)]),
    ("supraspinatus", 3, [(16, 75.4), (22, 72.8), (32, 71.8), (34, 73.6), (26, 77.6),
                          (17, 80)]),
    ("rhomboids", 3, [(1.6, 74), (13, 77), (15, 90), (15.6, 108), (12, 110.4), (1.6, 98)]),
    ("suboccipitals", 3, [(1.6, 38.6), (7, 36.6), (9, 39.6), (8, 44), (2, 44.6)]),
    ("multifidus", 3, [(1.3, 150), (4.6, 150.5), (5.6, 175), (5, 198), (1.3, 200)]),
    ("quadratus-lumborum", 3, [(9.2, 138.4), (16, 140.4), (19, 152), (17.6, 163), (11, 166),
                               (8.2, 152)]),
    ("gluteus-minimus", 3, [(18, 170.4), (27, 167.4), (31, 175), (32.1, 188), (28, 190),
                            (22, 181)]),
    ("piriformis", 3, [(4.2, 182.4), (12, 180.4), (22, 183.4), (31, 190), (30.6, 195),
                       (21, 191.4), (11, 190.4), (4.6, 192.4)]),
]

# Left view (x as in PROFILE). Arm muscles come last: the near arm is drawn over the trunk,
# which shows in front of it (pectoralis major), behind it (latissimus dorsi) and, past the
# forearm, at the hip (tensor fasciae latae, gluteus medius).
SIDE = [
    ("temporalis", 1, [(92, 10), (102, 9), (107.6, 15), (106, 25), (99, 28.4), (94, 22)]),
    ("masseter", 1, [(93, 32), (99.6, 31.6), (101, 40), (97.6, 46.4), (92.6, 43), (91.6, 37)]),
    ("sternocleidomastoid", 1, [(100.6, 41), (104, 43.4), (99, 55), (92, 65), (88.4, 64),
                                (92, 56)]),
    ("upper-trapezius", 1, [(106.4, 50), (107, 60), (111, 67.5), (107, 68), (102, 66.4),
                            (103.4, 60)]),
    ("pectoralis-major", 1, [(85.5, 70.5), (89.2, 74), (89.4, 84), (89.2, 96), (88, 104.5),
                             (84, 107), (81, 102), (80.6, 90), (82.6, 78)]),
    ("latissimus-dorsi", 1, [(109.6, 97), (114, 94.5), (117.2, 106), (116, 124), (112.4, 140),
                             (110, 150), (107.2, 147), (107.4, 126), (108.6, 108)]),
    ("tensor-fasciae-latae", 1, [(96.5, 168), (100, 170), (101.5, 185), (100, 205), (94, 212),
                                 (86, 208), (84.5, 200), (88, 189), (93, 178)]),
    ("gluteus-maximus", 1, [(108, 178), (114.6, 168), (119.4, 180), (120.6, 196), (117.6, 211),
                            (112, 214), (104, 205), (102.6, 194)]),
    ("vastus-lateralis", 1, [(90, 213), (99, 211), (104, 216), (105.4, 240), (103, 266),
                             (98, 282), (91, 280), (88, 256), (86.6, 230)]),
    ("hamstrings", 1, [(106, 216), (112.4, 216), (112, 238), (110, 260), (108.4, 282),
                       (105, 283), (104.2, 258), (105, 236)]),
    ("gastrocnemius", 1, [(104, 290), (109.6, 291), (112.2, 312), (110.6, 336), (106, 344),
                          (101.4, 330), (101.2, 306)]),
    ("scalenes", 2, [(92.4, 52), (98.6, 49), (101.6, 56.4), (98, 66), (92.4, 64.6)]),
    ("levator-scapulae", 2, [(100, 46), (104.6, 46.6), (106, 56), (104, 65.5), (99.6, 64.5)]),
    ("gluteus-medius", 2, [(104, 162), (110, 159.5), (114.6, 166), (115, 178), (108.5, 188),
                           (101, 191), (98.5, 182), (100.5, 170)]),
    ("soleus", 2, [(99.4, 326), (103, 336), (108, 344), (110, 338), (107.6, 356),
                   (103, 371), (99, 366), (98.6, 344)]),
    ("quadratus-lumborum", 3, [(107, 141), (110.6, 139.5), (112, 152), (109, 161), (106.5, 160),
                               (106.2, 150)]),
    ("gluteus-minimus", 3, [(100, 167), (106, 164), (109.6, 172), (107, 184), (101, 187),
                            (98.6, 178)]),
    # the near arm: biceps in front, triceps behind, the deltoid capping both at the shoulder
    ("triceps-brachii", 1, [(104, 100), (107.8, 95), (107, 112), (106, 130), (105, 144),
                            (101, 149), (99, 135), (99.5, 115)]),
    ("biceps-brachii", 1, [(91.2, 98), (95.5, 104), (97.5, 115), (97, 132), (95, 146),
                           (92, 147.5), (90.8, 132), (90.6, 112)]),
    ("deltoid", 1, [(100, 68.5), (106, 72), (109, 80), (108.6, 92), (105.5, 104), (100, 110),
                    (95, 104), (91.2, 92), (92, 80), (95, 72)]),
    ("forearm-extensors", 1, [(97, 149), (104, 152), (101, 162), (92, 175), (83, 190), (79, 196),
                              (72, 193), (75, 185), (82, 170), (89, 156)]),
]

VIEW_MUSCLES = {"front": FRONT, "back": BACK, "left": SIDE, "right": SIDE}
ARM_MUSCLES = {"deltoid", "triceps-brachii", "biceps-brachii", "forearm-extensors"}


# ---------------------------------------------------------------- curves
def smooth_closed(points, spacing=1.6):
    """Catmull-Rom through every point, sampled about every `spacing` units."""
    n = len(points)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        length = math.dist(p1, p2)
        steps = max(2, int(math.ceil(length / spacing)))
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(
                0.5 * ((2 * p1[k]) + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                       + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3) for k in range(2)))
    return out


def inside(poly, p):
    x, y = p
    c = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < xi + (y - yi) * (xj - xi) / (yj - yi):
            c = not c
        j = i
    return c


def nearest_on(poly, p):
    best, bd = None, 1e18
    for i in range(len(poly)):
        a, b = poly[i - 1], poly[i]
        dx, dy = b[0] - a[0], b[1] - a[1]
        l2 = dx * dx + dy * dy
        t = 0 if l2 == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
        q = (a[0] + t * dx, a[1] + t * dy)
        d = math.dist(p, q)
        if d < bd:
            best, bd = q, d
    return best, bd


def kept_inside(points, outlines, margin=0.7):
    """Points outside every outline are pulled onto the nearest one, `margin` units inside."""
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    result = []
    for p in points:
        if any(inside(o, p) for o in outlines):
            q, d = min((nearest_on(o, p) for o in outlines), key=lambda r: r[1])
            if d >= margin:
                result.append(p)
                continue
        else:
            q, _ = min((nearest_on(o, p) for o in outlines), key=lambda r: r[1])
        vx, vy = cx - q[0], cy - q[1]
        n = math.hypot(vx, vy) or 1
        p = (q[0] + vx / n * margin, q[1] + vy / n * margin)
        # In a concave corner (neck, armpit) that can still be outside: walk to the centre.
        for _ in range(400):
            if any(inside(o, p) and nearest_on(o, p)[1] >= margin * 0.5 for o in outlines):
                break
            p = (p[0] + (cx - p[0]) * 0.02, p[1] + (cy - p[1]) * 0.02)
        result.append(p)
    return untangled(result)


def kept_outside(points, outline, margin=0.9):
    """Points inside `outline` (or within `margin` of it) are pushed out across its nearest
    edge: on the side views the trunk's muscles stop at the near arm instead of hiding it."""
    result = []
    for p in points:
        q, d = nearest_on(outline, p)
        if inside(outline, p) or d < margin:
            # Step from the edge away from the outline: test which way is outside.
            vx, vy = p[0] - q[0], p[1] - q[1]
            n = math.hypot(vx, vy) or 1
            out = (q[0] + vx / n * margin, q[1] + vy / n * margin)
            if inside(outline, out):
                out = (q[0] - vx / n * margin, q[1] - vy / n * margin)
            p = out
        result.append(p)
    return untangled(result)


def crosses(a, b, c, d):
    cr = lambda o, p, q: (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])
    d1, d2, d3, d4 = cr(c, d, a), cr(c, d, b), cr(a, b, c), cr(a, b, d)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 * d2 < 0 and d3 * d4 < 0


def untangled(points):
    """Drops points until no two edges cross (pulling points inside can fold an edge)."""
    pts = list(points)
    changed = True
    while changed and len(pts) > 4:
        changed = False
        n = len(pts)
        for i in range(n):
            for j in range(i + 2, n):
                if i == 0 and j == n - 1:
                    continue
                if crosses(pts[i], pts[(i + 1) % n], pts[j], pts[(j + 1) % n]):
                    # Remove the shorter loop between the two edges.
                    if j - i <= n - (j - i):
                        pts = pts[:i + 1] + pts[j + 1:]
                    else:
                        pts = pts[i + 1:j + 1]
                    changed = True
                    break
            if changed:
                break
    return pts


# ---------------------------------------------------------------- figures
def ramp(y, stops):
    if y <= stops[0][0]:
        return stops[0][1]
    for (y0, v0), (y1, v1) in zip(stops, stops[1:]):
        if y <= y1:
            return v0 + (v1 - v0) * (y - y0) / (y1 - y0)
    return stops[-1][1]


# Width factors for the front/back views (distance from the midline is multiplied by them).
WIDTH = {
    "neutral": [(0, 1.0)],
    "female": [(0, 0.97), (50, 0.95), (70, 0.92), (100, 0.93), (140, 0.9), (175, 1.06),
               (200, 1.09), (225, 1.07), (265, 1.02), (300, 1.0)],
    "male": [(0, 1.02), (50, 1.06), (70, 1.09), (100, 1.08), (140, 1.02), (175, 0.97),
             (200, 0.97), (240, 0.99), (300, 1.0)],
}


def bump(y, centre, half, height):
    d = abs(y - centre) / half
    return 0 if d >= 1 else height * 0.5 * (1 + math.cos(math.pi * d))


def warp_front_back(figure, p):
    dx, y = p
    return (dx * ramp(y, WIDTH[figure]), y)


def warp_side(figure, p, arm):
    x, y = p
    if figure == "female" and not arm:
        x -= bump(y, 106, 20, 8) * max(0.0, min(1.0, (96 - x) / 10))     # breast
        x += bump(y, 190, 26, 4) * max(0.0, min(1.0, (x - 106) / 10))    # buttock
    if figure == "male" and not arm:
        x -= bump(y, 92, 24, 2.5) * max(0.0, min(1.0, (96 - x) / 10))    # deeper chest
    return (x, y)


def normalised(points):
    return [[round(x / W, 4), round(y / H, 4)] for x, y in points]


def build(figure, view):
    side_view = view in ("left", "right")
    mirror = (lambda p: (W - p[0], p[1])) if view == "right" else (lambda p: p)
    if side_view:
        body = [mirror(warp_side(figure, p, False)) for p in smooth_closed(PROFILE)]
        arm = [mirror(warp_side(figure, p, True)) for p in smooth_closed(PROFILE_ARM)]
        outlines = [body, arm]
    else:
        half = [warp_front_back(figure, p) for p in HALF_FIGURE]
        contour = [(W / 2 + dx, y) for dx, y in half] + \
                  [(W / 2 - dx, y) for dx, y in reversed(half[1:-1])]
        outlines = [smooth_closed(contour)]
    lines = []
    if not side_view:
        # The midline, and on the female front view the breasts over the pectorals.
        lines.append([[0.5, round(62 / H, 4)], [0.5, round(200 / H, 4)]])
        if figure == "female" and view == "front":
            for s in (1, -1):
                arc = [warp_front_back(figure, (dx, 96 + 11 * math.sin(math.pi * (dx - 5) / 23)))
                       for dx in [5 + i * 23 / 12 for i in range(13)]]
                lines.append(normalised([(W / 2 + s * dx, y) for dx, y in arc]))
    regions = []
    for muscle, depth, control in VIEW_MUSCLES[view]:
        arm = muscle in ARM_MUSCLES and side_view
        sides = ["left"] if view == "left" else ["right"] if view == "right" else ["left", "right"]
        for side in sides:
            if side_view:
                pts = [mirror(warp_side(figure, p, arm)) for p in smooth_closed(control)]
                pts = kept_inside(pts, [outlines[1]] if arm else [outlines[0]])
                if not arm:
                    pts = kept_outside(pts, outlines[1])
            else:
                sign = 1 if (view == "front") == (side == "left") else -1
                pts = [(W / 2 + sign * dx, y) for dx, y in
                       (warp_front_back(figure, q) for q in smooth_closed(control))]
                pts = kept_inside(pts, outlines)
            regions.append({"muscle": muscle, "side": side, "depth": depth, "points": pts})
    for r in regions:
        r["centre"] = label_point(r, regions)
    return {
        "format": "knotnotes-body-chart",
        "version": 1,
        "figure": figure,
        "view": view,
        "outlines": [normalised(o) for o in outlines],
        "lines": lines,
        "regions": [{"muscle": r["muscle"], "side": r["side"], "depth": r["depth"],
                     "centre": [round(r["centre"][0] / W, 4), round(r["centre"][1] / H, 4)],
                     "points": [list(q) for q in untangled([tuple(q) for q in normalised(r["points"])])]}
                    for r in regions],
    }


def drawing_order(regions, deep):
    """Bottom first, as sdk::drawing_order: by depth (deepest first on the surface, last in
    the deep layer), file order within one depth."""
    return sorted(range(len(regions)), key=lambda i: regions[i]["depth"] if deep else -regions[i]["depth"])


def label_point(r, regions):
    """The point of the region farthest from its edges and from what covers it, in the layer
    that shows it (the surface, else the deep layer)."""
    pts = r["points"]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    me = next(i for i, o in enumerate(regions) if o is r)
    for deep in (False, True):
        order = drawing_order(regions, deep)
        covers = [regions[i]["points"] for i in order[order.index(me) + 1:]]
        best, best_d = None, 0
        steps = 24
        for i in range(1, steps):
            for j in range(1, steps):
                p = (min(xs) + (max(xs) - min(xs)) * i / steps, min(ys) + (max(ys) - min(ys)) * j / steps)
                if not inside(pts, p) or any(inside(c, p) for c in covers):
                    continue
                d = min([nearest_on(pts, p)[1]] + [nearest_on(c, p)[1] for c in covers])
                if d > best_d:
                    best, best_d = p, d
        if best and best_d > 0.8:
            return best
    return best or (sum(xs) / len(xs), sum(ys) / len(ys))


# ---------------------------------------------------------------- preview (PNG, no packages)
def preview(doc, path, deep=False, scale=2):
    w, h = int(W * scale), int(H * scale)
    img = bytearray([255] * (w * h * 3))

    def fill(poly, rgb):
        ys = [p[1] for p in poly]
        for y in range(max(0, int(min(ys))), min(h, int(max(ys)) + 1)):
            yc = y + 0.5
            xs = []
            for i in range(len(poly)):
                (x0, y0), (x1, y1) = poly[i - 1], poly[i]
                if (y0 > yc) != (y1 > yc):
                    xs.append(x0 + (yc - y0) * (x1 - x0) / (y1 - y0))
            xs.sort()
            for a, b in zip(xs[::2], xs[1::2]):
                for x in range(max(0, int(a + 0.5)), min(w, int(b + 0.5))):
                    img[(y * w + x) * 3:(y * w + x) * 3 + 3] = bytes(rgb)

    def stroke(poly, rgb, closed=True, dash=False):
        n = len(poly) if closed else len(poly) - 1
        k = 0
        for i in range(n):
            (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
            steps = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
            for s in range(steps):
                k += 1
                if dash and (k // 3) % 2:
                    continue
                x = int(x0 + (x1 - x0) * s / steps)
                y = int(y0 + (y1 - y0) * s / steps)
                if 0 <= x < w and 0 <= y < h:
                    img[(y * w + x) * 3:(y * w + x) * 3 + 3] = bytes(rgb)

    px = lambda pts: [(x * W * scale, y * H * scale) for x, y in pts]
    for o in doc["outlines"]:
        fill(px(o), (236, 236, 236))
        stroke(px(o), (90, 90, 90))
    regions = sorted(doc["regions"], key=lambda r: r["depth"] if deep else -r["depth"])
    palette = [(214, 204, 196), (200, 208, 214), (206, 214, 200), (220, 208, 214)]
    for i, r in enumerate(regions):
        faded = deep and r["depth"] == 1
        fill(px(r["points"]), (240, 240, 240) if faded else palette[i % 4])
        stroke(px(r["points"]), (120, 120, 120), dash=faded)
    if not deep:
        for r in doc["regions"]:
            if r["depth"] == 3:
                stroke(px(r["points"]), (90, 90, 160), dash=True)
    for l in doc["lines"]:
        stroke(px(l), (150, 150, 150), closed=False, dash=True)
    for r in doc["regions"]:
        cx, cy = px([r["centre"]])[0]
        for dx in range(-2, 3):
            for dy in range(-2, 3):
                x, y = int(cx + dx), int(cy + dy)
                if 0 <= x < w and 0 <= y < h:
                    img[(y * w + x) * 3:(y * w + x) * 3 + 3] = b"\xc0\x20\x20"
    raw = b"".join(b"\x00" + bytes(img[y * w * 3:(y + 1) * w * 3]) for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def write_json(doc, path):
    # One region per line: diffs of a changed shape stay readable.
    lines = ['{', '  "license": "SPDX-License-Identifier: MIT",', f'  "format": "{doc["format"]}",', f'  "version": {doc["version"]},',
             f'  "figure": "{doc["figure"]}",', f'  "view": "{doc["view"]}",',
             '  "outlines": [']
    lines += ['    ' + json.dumps(o, separators=(",", ":")) + ("," if i < len(doc["outlines"]) - 1 else "")
              for i, o in enumerate(doc["outlines"])]
    lines += ['  ],', '  "lines": [']
    lines += ['    ' + json.dumps(l, separators=(",", ":")) + ("," if i < len(doc["lines"]) - 1 else "")
              for i, l in enumerate(doc["lines"])]
    lines += ['  ],', '  "regions": [']
    for i, r in enumerate(doc["regions"]):
        lines.append('    {"muscle":"%s","side":"%s","depth":%d,"centre":%s,"points":%s}%s' % (
            r["muscle"], r["side"], r["depth"], json.dumps(r["centre"], separators=(",", ":")),
            json.dumps(r["points"], separators=(",", ":")), "," if i < len(doc["regions"]) - 1 else ""))
    lines += ['  ]', '}', '']
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    previews = sys.argv[sys.argv.index("--preview") + 1] if "--preview" in sys.argv else None
    for figure in ("neutral", "female", "male"):
        for view in ("front", "back", "left", "right"):
            doc = build(figure, view)
            write_json(doc, os.path.join(out, f"{figure}-{view}.json"))
            if previews:
                os.makedirs(previews, exist_ok=True)
                preview(doc, os.path.join(previews, f"{figure}-{view}.png"))
                preview(doc, os.path.join(previews, f"{figure}-{view}-deep.png"), deep=True)


if __name__ == "__main__":
    main()
