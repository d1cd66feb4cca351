#!/usr/bin/env python3
"""Generates src/main/resources/demo/gazetteer.csv: the demo city's streets, communities and landmarks with
aliases and a point inside the owning street's synthetic boundary (same grid as directory's
DirectoryDemoSeeder: a 4x4 district grid, streets tiling each district cell). Run from the repository root."""
import csv, math

GRID = {"110119": (0, 0), "110116": (0, 1), "110118": (0, 2), "110117": (0, 3),
        "110109": (1, 0), "110114": (1, 1), "110108": (1, 2), "110113": (1, 3),
        "110107": (2, 0), "110102": (2, 1), "110101": (2, 2), "110105": (2, 3),
        "110111": (3, 0), "110106": (3, 1), "110115": (3, 2), "110112": (3, 3)}
WEST, NORTH, CELL_LNG, CELL_LAT = 115.90, 40.90, 0.30, 0.25

units = list(csv.DictReader(open("src/main/resources/demo/units.csv", encoding="utf-8")))
districts = {u["code"]: u["name"] for u in units if u["type"] == "DISTRICT"}
streets = {}
for u in units:
    if u["type"] == "STREET":
        streets.setdefault(u["parent_code"], []).append(u)

rect = {}
for d, ss in streets.items():
    r0, c0 = GRID[d]
    west, north = WEST + c0 * CELL_LNG, NORTH - r0 * CELL_LAT
    n = len(ss); cols = math.ceil(math.sqrt(n)); rows = math.ceil(n / cols)
    w, h = CELL_LNG / cols, CELL_LAT / rows
    for i, s in enumerate(ss):
        row, col = divmod(i, cols)
        x0 = west + col * w
        x1 = west + CELL_LNG if i == n - 1 else x0 + w
        y1 = north - row * h
        rect[s["code"]] = (x0, y1 - h, x1, y1)

def point(code, fx, fy):
    x0, y0, x1, y1 = rect[code]
    return round(y0 + (y1 - y0) * fy, 6), round(x0 + (x1 - x0) * fx, 6)

def short(name):
    for suffix in ("街道", "地区", "回族乡", "镇", "乡"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name

rows = []
for d, ss in streets.items():
    dn = districts[d]
    for s in ss:
        sh = short(s["name"])
        lat, lng = point(s["code"], 0.5, 0.5)
        rows.append([s["name"], "STREET", s["code"], "|".join(sorted({sh, dn + s["name"], dn + sh})), lat, lng])
        # three synthetic communities per street, at different corners of the street
        for suffix, fx, fy in (("东里社区", 0.75, 0.5), ("西里社区", 0.25, 0.5), ("南里社区", 0.5, 0.2)):
            name = sh + suffix
            lat, lng = point(s["code"], fx, fy)
            rows.append([name, "COMMUNITY", s["code"], name[:-2], lat, lng])

by_name = {u["name"]: u["code"] for u in units if u["type"] == "STREET" and u["parent_code"] != "110108"}
def street(district, name):
    return next(u["code"] for u in units if u["type"] == "STREET" and u["parent_code"] == district and u["name"] == name)

# same-named communities in different streets: the lookup must report them as ambiguous
for name, places in {"光明社区": [("110101", "天坛街道"), ("110113", "光明街道")],
                     "幸福社区": [("110105", "望京街道"), ("110106", "方庄街道")]}.items():
    for i, (d, sn) in enumerate(places):
        lat, lng = point(street(d, sn), 0.4, 0.7)
        rows.append([name, "COMMUNITY", street(d, sn), name[:-2], lat, lng])

LANDMARKS = [("故宫博物院", "故宫|紫禁城", "110101", "东华门街道"), ("王府井步行街", "王府井", "110101", "东华门街道"),
             ("北京站", "北京火车站", "110101", "建国门街道"), ("雍和宫", "", "110101", "北新桥街道"),
             ("天坛公园", "天坛", "110101", "天坛街道"), ("西单商场", "西单", "110102", "西长安街街道"),
             ("北京动物园", "动物园", "110102", "展览路街道"), ("三里屯太古里", "太古里|三里屯", "110105", "三里屯街道"),
             ("国贸中心", "国贸|国贸大厦", "110105", "建外街道"), ("国家体育场", "鸟巢", "110105", "奥运村街道"),
             ("北京西站", "西客站", "110106", "六里桥街道"), ("中关村大街", "中关村", "110108", "中关村街道"),
             ("颐和园", "", "110108", "青龙桥街道"), ("北京大学", "北大", "110108", "燕园街道"),
             ("首都国际机场", "首都机场|T3航站楼", "110105", "首都机场街道"), ("天通苑", "", "110114", "天通苑北街道"),
             ("回龙观西大街", "回龙观", "110114", "回龙观街道"), ("八宝山革命公墓", "八宝山", "110107", "八宝山街道")]
for name, aliases, d, sn in LANDMARKS:
    lat, lng = point(street(d, sn), 0.6, 0.6)
    rows.append([name, "LANDMARK", street(d, sn), aliases, lat, lng])

with open("src/main/resources/demo/gazetteer.csv", "w", encoding="utf-8", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["name", "kind", "street_code", "aliases", "lat", "lng"])
    out.writerows(rows)
print(len(rows), "entries")
