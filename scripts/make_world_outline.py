#!/usr/bin/env python3
"""Write src/dateline/web/static/world.json, the world outline the offline map draws.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_world_outline.py package/countries-110m.json

world-atlas is Natural Earth's 1:110m Admin 0 countries (public domain) as TopoJSON.
This decodes its arcs and writes each country as an SVG path in an equirectangular
projection: x = (lon + 180) * 2, y = (90 - lat) * 2 on a 720 x 360 canvas, to one
decimal, so the browser needs no projection library and no tile server.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "web" / "static" / "world.json"
SCALE = 2


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc (TopoJSON quantized, delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def build_ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points if not ring else points[1:])
    return ring


def format_path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        pieces: list[list[str]] = [[]]
        last = None
        for lon, lat in ring:
            point = (round((lon + 180) * SCALE, 1), round((90 - lat) * SCALE, 1))
            if last is not None and abs(point[0] - last[0]) > 180 * SCALE:
                pieces.append([])  # the ring crosses the antimeridian: no line across the map
            if point != last:
                pieces[-1].append(f"{point[0]:g} {point[1]:g}")
                last = point
        for coords in pieces:
            if len(coords) >= 3:
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def convert(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [build_ring(ring, arcs) for polygon in polygons for ring in polygon]
        countries.append({"id": geometry.get("id"), "name": geometry.get("properties", {}).get("name"),
                          "d": format_path(rings)})
    return {"source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2",
            "projection": "equirectangular: x = (lon + 180) * 2, y = (90 - lat) * 2",
            "width": 360 * SCALE, "height": 180 * SCALE, "countries": countries}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    topology = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    OUT.write_text(json.dumps(convert(topology), ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
