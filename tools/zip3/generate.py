#!/usr/bin/env python3
"""Generate src/location/zip3_table.rs: ZIP3 prefix -> set of USPS jurisdiction codes.

Source: the PyPI package `zipcodes` (pinned version, MIT). Its wheel carries no loose
data file: the upstream file `crates/zipcodes/src/zips.json.bz2` (also in the sdist) is
compiled into the native extension with Rust's `include_bytes!`, so it sits verbatim
inside `zipcodes/_zipcodes*.so|.pyd`. This script finds that bzip2 stream in the
extension, checks its sha256 against the pinned value, and decodes it with the standard
library. When the extension can be imported, it also checks that `zipcodes.list_all()`
returns exactly the same records.

Each record carries the ZIP5's own state (not the state of the mail sorting center),
which is what the table needs: e.g. 010-012 are MA, 880-884 NM, 986 WA.

Usage (from the repository root or anywhere):
    python3 tools/zip3/generate.py            # (re)write src/location/zip3_table.rs
    python3 tools/zip3/generate.py --check    # exit 1 if the committed file is stale
    python3 tools/zip3/generate.py --site DIR # install/reuse the package in DIR

Standard library only (Python 3.11+); the package is installed with pip into a
temporary directory (or DIR), never into the running interpreter's site-packages.
"""

from __future__ import annotations

import argparse
import bz2
import difflib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from email.parser import HeaderParser
from pathlib import Path

PACKAGE = "zipcodes"
VERSION = "3.0.0"
LICENSE = "MIT"
# Path of the data file in the upstream source (sdist); the wheel embeds it verbatim.
DATA_FILE = "crates/zipcodes/src/zips.json.bz2"
DATA_SHA256 = "bcc951707557ef78bbc7c88c2e2b42f2cddd5a161e364f9f05020df9de5a2934"

REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT = REPO_ROOT / "src" / "location" / "zip3_table.rs"
OUTPUT_REL = "src/location/zip3_table.rs"

STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
    "MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
TERRITORIES = ["DC", "PR", "GU", "VI", "AS", "MP"]
MILITARY = ["AA", "AE", "AP"]
FREELY_ASSOCIATED = ["FM", "MH", "PW"]
ALLOWED = frozenset(STATES + TERRITORIES + MILITARY + FREELY_ASSOCIATED)
assert len(STATES) == 50

# Record types kept (active records only).
KEPT_TYPES = ("STANDARD", "PO BOX", "UNIQUE", "MILITARY")
MILITARY_CITIES = frozenset({"APO", "FPO", "DPO"})

# Places listed per ZIP5 instead of in their prefix's set. Each has a few ZIP5s inside a
# prefix of another jurisdiction (967 Hawaii, 969 Guam), so a prefix set would accept
# HI with 96799 or GU with 96940, and AS with any Hawaii ZIP. Contract v1.1, "Locations".
ZIP5_LEVEL = frozenset({"AS", "FM", "MH", "PW"})


def r(lo: int, hi: int) -> range:
    return range(lo, hi + 1)


# Facts from docs/domain.md ("ZIP codes as a consistency hint") that are
# unioned into the data (or, for the unassigned prefixes, enforced as empty).
# (label, prefixes, codes)
HAND_FACTS: list[tuple[str, range, tuple[str, ...]]] = [
    ("000-004 unassigned", r(0, 4), ()),
    ("005 NY (Holtsville, IRS)", r(5, 5), ("NY",)),
    ("006 PR", r(6, 6), ("PR",)),
    ("007 PR", r(7, 7), ("PR",)),
    ("008 VI", r(8, 8), ("VI",)),
    ("009 PR", r(9, 9), ("PR",)),
    ("090-099 AE (military)", r(90, 99), ("AE",)),
    ("200 DC", r(200, 200), ("DC",)),
    ("201 VA", r(201, 201), ("VA",)),
    ("202-205 DC", r(202, 205), ("DC",)),
    ("340 AA (military)", r(340, 340), ("AA",)),
    ("569 DC (parcel return, no residents)", r(569, 569), ("DC",)),
    ("962-966 AP (military)", r(962, 966), ("AP",)),
    ("967 HI (AS 96799 is listed per ZIP5)", r(967, 967), ("HI",)),
    ("969 GU + MP (96950-96952)", r(969, 969), ("GU", "MP")),
]

# Output invariants checked on every run: (prefixes, exact set or None, must-contain).
EXPECT: list[tuple[range, tuple[str, ...] | None, tuple[str, ...]]] = [
    (r(0, 4), (), ()),
    (r(5, 5), ("NY",), ()),
    (r(6, 7), ("PR",), ()),
    (r(8, 8), ("VI",), ()),
    (r(9, 9), ("PR",), ()),
    (r(10, 12), ("MA",), ()),
    (r(90, 99), ("AE",), ()),
    (r(200, 200), ("DC",), ()),
    (r(201, 201), ("VA",), ()),
    (r(202, 204), ("DC",), ()),
    (r(205, 205), None, ("DC",)),
    (r(340, 340), ("AA",), ()),
    (r(569, 569), ("DC",), ()),
    (r(880, 884), ("NM",), ()),
    (r(885, 885), ("TX",), ()),
    (r(962, 966), ("AP",), ()),
    (r(967, 967), ("HI",), ()),
    (r(969, 969), ("GU", "MP"), ()),
    (r(986, 986), ("WA",), ()),
]


# The ZIP5 rows expected for ZIP5_LEVEL, exactly (docs/domain.md; USPS):
# 96799 Pago Pago AS; 96939 Ngerulmud and 96940 Koror PW; 96941 Pohnpei, 96942 Chuuk,
# 96943 Yap, 96944 Kosrae FM; 96960 Majuro and 96970 Ebeye MH.
EXPECT_ZIP5: dict[str, str] = {
    "96799": "AS",
    "96939": "PW", "96940": "PW",
    "96941": "FM", "96942": "FM", "96943": "FM", "96944": "FM",
    "96960": "MH", "96970": "MH",
}


class GenError(Exception):
    pass


# --------------------------------------------------------------------------- source


def find_dist_info(site: Path) -> Path | None:
    p = site / f"{PACKAGE}-{VERSION}.dist-info"
    return p if (p / "METADATA").is_file() else None


def pip_install(site: Path) -> None:
    cmd = [
        sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--only-binary=:all:", "--target", str(site), f"{PACKAGE}=={VERSION}",
    ]
    env = dict(os.environ, PIP_ROOT_USER_ACTION="ignore")
    print("generate.py: " + " ".join(cmd[2:]), file=sys.stderr)
    res = subprocess.run(cmd, env=env)
    if res.returncode != 0:
        raise GenError(f"pip install {PACKAGE}=={VERSION} failed (exit {res.returncode})")


def read_metadata(dist_info: Path) -> dict[str, str]:
    meta = HeaderParser().parsestr((dist_info / "METADATA").read_text(encoding="utf-8"))
    name, version = meta.get("Name", ""), meta.get("Version", "")
    lic = meta.get("License-Expression") or meta.get("License") or ""
    if name.lower() != PACKAGE or version != VERSION:
        raise GenError(f"installed package is {name} {version}, expected {PACKAGE} {VERSION}")
    if lic.strip() != LICENSE:
        raise GenError(f"{PACKAGE} {VERSION} license is {lic!r}, expected {LICENSE!r}")
    lic_files = sorted(p.name for p in (dist_info / "licenses").glob("*")) if (
        dist_info / "licenses").is_dir() else []
    return {"name": name, "version": version, "license": lic.strip(),
            "license_files": ", ".join(lic_files)}


def extract_embedded_bz2(ext: Path) -> bytes:
    """Return the single bzip2 stream whose sha256 is DATA_SHA256 inside `ext`."""
    blob = ext.read_bytes()
    found: list[str] = []
    i = blob.find(b"BZh")
    while i != -1:
        # bzip2 header: "BZh" + block size '1'..'9' + block magic 0x314159265359.
        if blob[i + 3:i + 4] in b"123456789" and blob[i + 4:i + 10] == bytes.fromhex(
                "314159265359"):
            dec = bz2.BZ2Decompressor()
            try:
                dec.decompress(blob[i:])
            except (OSError, EOFError):
                pass
            else:
                if dec.eof:
                    stream = blob[i:len(blob) - len(dec.unused_data)]
                    digest = hashlib.sha256(stream).hexdigest()
                    if digest == DATA_SHA256:
                        return stream
                    found.append(f"offset {i}: {len(stream)} bytes, sha256 {digest}")
        i = blob.find(b"BZh", i + 1)
    raise GenError(
        f"no bzip2 stream with sha256 {DATA_SHA256} in {ext.name}"
        + (f"; found {'; '.join(found)}" if found else "; found no bzip2 stream")
        + ". If the package data changed on purpose, update DATA_SHA256 and review.")


def load_source(site: Path) -> tuple[dict[str, str], list[dict], str]:
    dist_info = find_dist_info(site)
    if dist_info is None:
        pip_install(site)
        dist_info = find_dist_info(site)
        if dist_info is None:
            raise GenError(f"{PACKAGE}-{VERSION}.dist-info not found in {site} after install")
    meta = read_metadata(dist_info)
    exts = sorted(p for p in (site / PACKAGE).iterdir()
                  if p.name.startswith("_zipcodes") and p.suffix in (".so", ".pyd"))
    if len(exts) != 1:
        raise GenError(f"expected one native extension in {site / PACKAGE}, found {exts}")
    stream = extract_embedded_bz2(exts[0])
    records = json.loads(bz2.decompress(stream))
    meta["extension"] = f"{PACKAGE}/{exts[0].name}"
    meta["data_bytes"] = str(len(stream))

    # Cross-check against the package's own API when its extension loads here.
    sys.path.insert(0, str(site))
    try:
        import zipcodes  # type: ignore[import-not-found]
    except ImportError as e:  # other platform / ABI: the embedded bytes are enough
        print(f"generate.py: note: cannot import {PACKAGE} ({e}); "
              "skipping the list_all() cross-check", file=sys.stderr)
        checked = "not run (extension not importable)"
    else:
        if zipcodes.__version__ != VERSION:
            raise GenError(f"imported {PACKAGE} {zipcodes.__version__}, expected {VERSION}")
        if zipcodes.list_all() != records:
            raise GenError("zipcodes.list_all() differs from the embedded zips.json")
        checked = "zipcodes.list_all() == decoded records"
    finally:
        sys.path.remove(str(site))
    print(f"generate.py: {meta['extension']}: data sha256 ok; API cross-check: {checked}",
          file=sys.stderr)
    return meta, records, checked


# ---------------------------------------------------------------------------- table


def build(records: list[dict]) -> tuple[list[set[str]], dict[str, str], dict]:
    table: list[set[str]] = [set() for _ in range(1000)]
    zip5: dict[str, str] = {}
    stats: dict = {
        "total": len(records),
        "kept": Counter(),
        "inactive": Counter(),
        "gateway": [],
        "seen": set(),
    }
    inactive_would_add: set[str] = set()
    pending_inactive: list[tuple[int, str, str]] = []
    for rec in records:
        z, state, typ = rec["zip_code"], rec["state"], rec["zip_code_type"]
        if len(z) != 5 or not z.isdigit():
            raise GenError(f"bad zip_code {z!r}")
        if z in stats["seen"]:
            raise GenError(f"duplicate zip_code {z}")
        stats["seen"].add(z)
        if state not in ALLOWED:
            raise GenError(f"{z}: unexpected state code {state!r}")
        if typ not in KEPT_TYPES:
            raise GenError(f"{z}: unexpected zip_code_type {typ!r}")
        p = int(z[:3])
        military = typ == "MILITARY" or rec["city"].strip().upper() in MILITARY_CITIES
        if military and state not in MILITARY:
            # APO/FPO/DPO ZIPs labelled with the gateway state (e.g. 09905, 09980-09984
            # "NJ"): the addressee is abroad, the state is the sorting gateway's.
            stats["gateway"].append(f"{z} {state} {typ} {rec['city']}")
            continue
        if not military and state in MILITARY:
            raise GenError(f"{z}: {state} on a non-military record")
        if not rec["active"]:
            stats["inactive"][typ] += 1
            pending_inactive.append((p, z, state))
            continue
        stats["kept"][typ] += 1
        if state in ZIP5_LEVEL:
            zip5[z] = state
        else:
            table[p].add(state)
    for p, z, state in pending_inactive:
        if state in ZIP5_LEVEL and zip5.get(z) != state:
            inactive_would_add.add(f"{z}+{state}")
        elif state not in ZIP5_LEVEL and state not in table[p]:
            inactive_would_add.add(f"{p:03d}+{state}")
    stats["inactive_would_add"] = sorted(inactive_would_add)
    stats["data_prefixes"] = sum(1 for s in table if s)

    # Hand-added facts.
    fact_notes: list[str] = []
    for label, prefixes, codes in HAND_FACTS:
        if not codes:
            bad = [f"{p:03d}" for p in prefixes if table[p]]
            if bad:
                raise GenError(f"{label}: data has records for {bad}")
            fact_notes.append(f"{label}: data has no records (kept empty)")
            continue
        added = [f"{p:03d}+{c}" for p in prefixes for c in codes if c not in table[p]]
        for p in prefixes:
            table[p].update(codes)
        fact_notes.append(f"{label}: " + (f"added {', '.join(added)}" if added
                                          else "already in the data"))
    stats["facts"] = fact_notes

    # Invariants.
    for prefixes, exact, contains in EXPECT:
        for p in prefixes:
            got = table[p]
            if exact is not None and got != set(exact):
                raise GenError(f"{p:03d}: expected {sorted(exact)}, got {sorted(got)}")
            if not set(contains) <= got:
                raise GenError(f"{p:03d}: expected to contain {sorted(contains)}, "
                               f"got {sorted(got)}")
    if zip5 != EXPECT_ZIP5:
        raise GenError(f"ZIP5 rows for {sorted(ZIP5_LEVEL)}: expected {EXPECT_ZIP5}, got {zip5}")
    return table, zip5, stats


def render(meta: dict[str, str], checked: str, table: list[set[str]], zip5: dict[str, str],
           stats: dict) -> str:
    sets: list[tuple[str, ...]] = [()]
    index_of: dict[tuple[str, ...], int] = {(): 0}
    index: list[int] = []
    for s in table:
        key = tuple(sorted(s))
        if key not in index_of:
            index_of[key] = len(sets)
            sets.append(key)
        index.append(index_of[key])
    if len(sets) >= 256:  # ZIP3_INDEX is [u8; 1000]
        raise GenError(f"{len(sets)} distinct sets do not fit u8")
    if len(index) != 1000:
        raise GenError(f"index has {len(index)} entries, expected 1000")

    kept = stats["kept"]
    inactive = stats["inactive"]
    multi = [f"{p:03d} {'+'.join(sorted(s))}" for p, s in enumerate(table) if len(s) > 1]
    empty = sum(1 for s in table if not s)

    def fmt_counter(c: Counter) -> str:
        return ", ".join(f"{t} {c[t]}" for t in KEPT_TYPES if c[t])

    out: list[str] = []
    h = out.append
    h("//! @generated by tools/zip3/generate.py -- do not edit.")
    h("//! Regenerate: `python3 tools/zip3/generate.py`; verify: `python3 tools/zip3/generate.py --check`.")
    h("//!")
    h(f"//! Source: PyPI package `{meta['name']}` {meta['version']}, license {meta['license']}"
      f" (License-Expression in its METADATA; {meta['license_files']}).")
    h(f"//! Data file: `{DATA_FILE}` ({meta['data_bytes']} bytes, bzip2 JSON), embedded verbatim")
    h("//! in the wheel's native extension `zipcodes/_zipcodes.*` (Rust `include_bytes!`).")
    h(f"//! Data sha256: {DATA_SHA256}")
    h("//! The generator checks that sha256 and that `zipcodes.list_all()` returns the same records.")
    h("//! Upstream provenance (package README): base records from unitedstateszipcodes.org,")
    h("//! ZIPs added from USPS ZIP Locale Detail (public domain), coordinates from GeoNames")
    h("//! (CC BY 4.0; coordinates are not used here). Fields used: zip_code, state,")
    h("//! zip_code_type, active, city (only to spot APO/FPO/DPO).")
    h("//! Each record's `state` is the ZIP5's own state, not the sorting center's.")
    h("//!")
    h(f"//! Records: {stats['total']} ZIP5s. Kept (active): {sum(kept.values())} = "
      f"{fmt_counter(kept)}.")
    h(f"//! Dropped: {sum(inactive.values())} decommissioned (active=false: "
      f"{fmt_counter(inactive)}); keeping them would add "
      f"{', '.join(stats['inactive_would_add']) or 'nothing'}.")
    h(f"//! Dropped: {len(stats['gateway'])} APO/FPO/DPO ZIP5s labelled with a gateway state, "
      "not AA/AE/AP:")
    for g in stats["gateway"]:
        h(f"//!   {g}")
    h("//! Military ZIP5s (AA/AE/AP) are kept: they only ever add AA, AE or AP.")
    h(f"//! Prefixes: {stats['data_prefixes']} with data; {1000 - empty} assigned after the "
      f"hand-added facts; {empty} empty. Distinct sets: {len(sets)} (incl. the empty set).")
    h("//!")
    h("//! Hand-added facts (docs/domain.md, \"ZIP codes as a consistency hint\"):")
    for note in stats["facts"]:
        h(f"//!   {note}")
    h("//! Not added: the second state of the 13 ZIP5s that straddle a state line (02861, 42223,")
    h("//! 59221, 63673, 71749, 73949, 81137, 84536, 86044, 86515, 88063, 89439, 97635); the data")
    h("//! gives each of them one state. They are not added here; see tools/zip3/README.md.")
    h("//!")
    h(f"//! Prefixes with several jurisdictions: {'; '.join(multi)}.")
    h(f"//! Listed per ZIP5, not in their prefix's set: {', '.join(sorted(ZIP5_LEVEL))} "
      f"({len(zip5)} ZIP5s).")
    h("")
    h("/// ZIP5s of the places listed one by one (American Samoa and the freely associated")
    h("/// states), sorted; these ZIP5s are in no other place.")
    h("#[rustfmt::skip]")
    h("pub(super) const ZIP5_PLACES: &[(&str, &str)] = &[")
    for z in sorted(zip5):
        h(f'    ("{z}", "{zip5[z]}"),')
    h("];")
    h("")
    h("/// Distinct sets of USPS codes that share a ZIP3; index 0 is the empty set (unassigned).")
    h("#[rustfmt::skip]")
    h("pub(super) const ZIP3_SETS: &[&[&str]] = &[")
    for i, s in enumerate(sets):
        body = ", ".join(f'"{c}"' for c in s)
        h(f"    &[{body}], // {i}")
    h("];")
    h("")
    h("/// For ZIP3 prefix `p` (0..=999), `ZIP3_SETS[ZIP3_INDEX[p]]` lists its jurisdictions.")
    h("#[rustfmt::skip]")
    h("pub(super) const ZIP3_INDEX: [u8; 1000] = [")
    for start in range(0, 1000, 20):
        row = ", ".join(f"{v:>2}" for v in index[start:start + 20])
        h(f"    {row}, // {start:03d}-{start + 19:03d}")
    h("];")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- main


def generate(site_arg: str | None) -> str:
    if site_arg:
        site = Path(site_arg).resolve()
        site.mkdir(parents=True, exist_ok=True)
        meta, records, checked = load_source(site)
    else:
        with tempfile.TemporaryDirectory(prefix="zip3-site-") as tmp:
            meta, records, checked = load_source(Path(tmp))
    table, zip5, stats = build(records)
    return render(meta, checked, table, zip5, stats)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help=f"regenerate in memory; exit 1 if {OUTPUT_REL} differs")
    ap.add_argument("--site", metavar="DIR",
                    help=f"directory holding (or to receive) {PACKAGE}=={VERSION}")
    ap.add_argument("--output", metavar="FILE", default=str(OUTPUT),
                    help=f"file to write or check (default: {OUTPUT_REL})")
    args = ap.parse_args(argv)
    try:
        text = generate(args.site)
    except GenError as e:
        print(f"generate.py: error: {e}", file=sys.stderr)
        return 2
    out = Path(args.output)
    if args.check:
        old = out.read_text(encoding="utf-8") if out.is_file() else ""
        if old == text:
            print(f"generate.py: {args.output} is up to date")
            return 0
        diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(),
                                         "committed", "regenerated", lineterm="", n=0))
        changed = sum(1 for d in diff if d[:1] in "+-" and d[:3] not in ("+++", "---"))
        print(f"generate.py: {args.output} is stale or missing ({changed} lines differ); "
              "run `python3 tools/zip3/generate.py`", file=sys.stderr)
        for line in diff[:60]:
            print(line, file=sys.stderr)
        if len(diff) > 60:
            print(f"... {len(diff) - 60} more diff lines", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.is_file() and out.read_text(encoding="utf-8") == text:
        print(f"generate.py: {args.output} unchanged")
    else:
        out.write_text(text, encoding="utf-8", newline="\n")
        print(f"generate.py: wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
