"""Issue 15, item 5: one glossary of kk/ru/en terms (docs/glossary.md, from the legal texts' own
words), and the messages follow it: no word of its "Not" column occurs in that language's
messages."""
import re

from conftest import ROOT

LANGS = ["kk", "ru", "en"]
# Messages that quote a legal form word for word keep its wording.
QUOTED = {"form-kind-reissue"}


def glossary_rows():
    rows = []
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0] not in ("Concept", "---") and not cells[0].startswith("-"):
            rows.append(cells)
    return rows


def messages(lang):
    """(id, text) of every message of a language, a multi-line message as one."""
    out, current = [], None
    for path in sorted((ROOT / "locales" / lang).glob("*.ftl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^([a-z][a-z0-9_-]*)\s*=(.*)$", line)
            if m:
                current = [m.group(1), m.group(2)]
                out.append(current)
            elif line.startswith((" ", "\t")) and current:
                current[1] += " " + line.strip()
            elif not line.strip() or line.startswith("#"):
                current = None
    return out


def test_the_glossary_names_each_concept_in_three_languages_with_its_source():
    rows = glossary_rows()
    assert len(rows) >= 30, len(rows)
    for concept, kk, ru, en, source, _ in rows:
        assert kk and ru and en and source, concept
        assert re.search(r"[әғқңөұүһі]|[а-я]", kk), (concept, kk)


def test_no_message_uses_a_word_the_glossary_rules_out():
    banned = {lang: [] for lang in LANGS}
    for row in glossary_rows():
        parts = [p.strip() for p in row[5].split(" / ")]
        assert len(parts) == 3, row
        for lang, part in zip(LANGS, parts):
            banned[lang] += [w.strip().lower() for w in part.split(",") if w.strip() not in ("", "—")]
    assert sum(len(v) for v in banned.values()) > 40
    found = []
    for lang in LANGS:
        for mid, text in messages(lang):
            if mid in QUOTED:
                continue
            low = text.lower()
            found += [f"{lang}: {mid}: «{w}»" for w in banned[lang] if w in low]
    assert not found, "\n".join(found)


def test_the_check_would_find_a_banned_word():
    """Not vacuous: the same scan over a message that uses a banned word finds it."""
    banned = [p.strip() for p in glossary_rows()[0][5].split(" / ")][1].split(",")[0].strip().lower()
    assert banned and banned in f"выдано {banned}е личности".lower()
