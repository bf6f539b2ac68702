#!/usr/bin/env python3
"""Keeps the lists of Axelrod's second-tournament entries in step with the
files in crates/strategies/src/second/: the module list in its mod.rs, the
registry lines in registry/catalogue.rs (in the published rank order), the
rows of docs/strategies.md and the players of the tournament file
axelrod-second-full.ron (both copies). Run from the repository root after adding
an entry file `kNNr_<author>.rs`."""
import pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
second = root / "crates/strategies/src/second"
ranking = (second / "ranking.rs").read_text()
order = re.findall(r'fortran: "(K\w+)"', ranking)

entries = []
for path in sorted(second.glob("k*.rs")):
    text = path.read_text()
    alias = re.search(r"pub type (\w+) = SecondEntry<(\w+)>;", text)
    name = re.search(r'const NAME: &\'static str = "([^"]+)";', text)
    summary = re.search(r'const SUMMARY: &\'static str =\s*"([^"]+)";', text)
    entries.append((order.index(alias.group(2)), path.stem, alias.group(1), name.group(1), summary.group(1)))
entries.sort()

def splice(path, begin, end, lines):
    """Replaces the lines between the marker lines `begin` and `end`."""
    text = path.read_text()
    i = text.index(begin) + len(begin)
    j = text.rindex("\n", 0, text.index(end)) + 1
    path.write_text(text[:i] + "\n" + "".join(line + "\n" for line in lines) + text[j:])


mods = [f"pub(crate) mod {stem};" for _, stem, _, _, _ in sorted(entries, key=lambda e: e[1])]
uses = [f"pub use {stem}::{alias};" for _, stem, alias, _, _ in sorted(entries, key=lambda e: e[1])]
splice(second / "mod.rs", "// BEGIN entries", "// END entries", mods + [""] + uses)
splice(root / "crates/strategies/src/registry/catalogue.rs", "        // BEGIN second",
       "        // END second", [f"        &second::{stem}::ENTRY," for _, stem, _, _, _ in entries])
rows = []
for _, stem, alias, name, summary in entries:
    rule = summary.rsplit(" (K", 1)[0].rstrip(".")
    rule = rule[0].lower() + rule[1:]
    rows.append(f"| `{name}` | {rule} ({stem[:4].upper()}) | | moves |")
splice(root / "docs/strategies.md", "<!-- BEGIN second -->", "<!-- END second -->", rows)
players = [f'        Inline(name: "{name}", strategy: (name: "{name}")),' for _, _, _, name, _ in entries]
for folder in ("tournaments", "crates/tournament/tournaments"):
    splice(root / folder / "axelrod-second-full.ron", "        // BEGIN entries",
           "        // END entries", players)
print(len(entries), "entries")
