"""The committed list of public URLs: lost pages, ids and numbers fail; redirects keep links."""

from __future__ import annotations

from pathlib import Path

import pytest

from binjai_analysis.build.urls import (
    UrlList,
    check_public_urls,
    inventory,
    is_redirect_page,
    merged,
    numbered_elements,
    problems,
    public_pages,
)
from binjai_analysis.errors import PublicUrlError
from tests.conftest import REPO_ROOT


def element(kind: str, anchor: str, number: str) -> str:
    css = "binjai-table" if kind == "Tabel" else "binjai-figure"
    return (
        f'<figure class="{css}" id="{anchor}"><figcaption class="binjai-caption">'
        f"<strong>{number}.</strong> Judul. Sumber: X.</figcaption></figure>"
    )


def write_site(root: Path, pages: dict[str, list[tuple[str, str, str]]]) -> Path:
    for url, elements in pages.items():
        path = root / url
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(element(*e) for e in elements)
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    for asset in ("_static/x.html", "search.html", "genindex.html"):
        (root / asset).parent.mkdir(parents=True, exist_ok=True)
        (root / asset).write_text("<html></html>", encoding="utf-8")
    return root


SITE = {
    "index.html": [],
    "2018/capaian.html": [
        ("Tabel", "tabel-capaian-s01", "Tabel 5.1.1"),
        ("Gambar", "gambar-capaian-s01", "Gambar 5.1.1"),
    ],
    "tentang/metodologi.html": [("Tabel", "tabel-rumus", "Tabel 11.1")],
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "html", SITE)


def test_inventory_lists_public_pages_with_their_numbered_elements(site):
    assert public_pages(site) == ["2018/capaian.html", "index.html", "tentang/metodologi.html"]
    listed = inventory(site)
    assert listed.pages["2018/capaian.html"] == {
        "tabel-capaian-s01": "Tabel 5.1.1",
        "gambar-capaian-s01": "Gambar 5.1.1",
    }
    assert listed.pages["index.html"] == {}


def test_numbered_elements_reads_ids_and_numbers():
    text = element("Tabel", "tabel-a", "Tabel 7.10") + element("Gambar", "gambar-b", "Gambar 7.1")
    assert numbered_elements(text) == {"tabel-a": "Tabel 7.10", "gambar-b": "Gambar 7.1"}


def test_an_unchanged_site_passes_and_the_list_round_trips(site, tmp_path):
    listed = tmp_path / "public-urls.yml"
    listed.write_text(inventory(site).text(), encoding="utf-8")
    result = check_public_urls(listed, site)
    assert result.text() == listed.read_text(encoding="utf-8")  # nothing to add


def test_a_new_page_or_id_is_added_to_the_list(site, tmp_path):
    committed = inventory(site)
    del committed.pages["tentang/metodologi.html"]
    del committed.pages["2018/capaian.html"]["gambar-capaian-s01"]
    result = merged(committed, inventory(site))
    assert result.pages == inventory(site).pages
    assert problems(committed, inventory(site)) == []


def test_removing_a_page_without_a_redirect_fails(site, tmp_path):
    listed = tmp_path / "public-urls.yml"
    listed.write_text(inventory(site).text(), encoding="utf-8")
    (site / "tentang/metodologi.html").unlink()
    with pytest.raises(PublicUrlError, match=r"tentang/metodologi\.html is gone"):
        check_public_urls(listed, site)


def test_removing_or_renumbering_an_id_fails(site, tmp_path):
    committed = inventory(site)
    committed.pages["2018/capaian.html"]["tabel-hilang"] = "Tabel 5.9"
    committed.pages["tentang/metodologi.html"]["tabel-rumus"] = "Tabel 11.2"
    found = problems(committed, inventory(site))
    assert found == [
        "2018/capaian.html#tabel-hilang (Tabel 5.9) is gone and has no redirect",
        "tentang/metodologi.html#tabel-rumus was Tabel 11.2 and is now Tabel 11.1",
    ]


def test_a_redirected_page_gets_a_page_that_sends_the_reader_on(site, tmp_path):
    committed = inventory(site)
    committed.pages["book/_generated/site/metodologi.html"] = {"tabel-lama": "Tabel 11.1"}
    committed.redirects["book/_generated/site/metodologi.html"] = "tentang/metodologi.html"
    committed.redirects["book/_generated/site/metodologi.html#tabel-lama"] = (
        "tentang/metodologi.html#tabel-rumus"
    )
    listed = tmp_path / "public-urls.yml"
    listed.write_text(committed.text(), encoding="utf-8")
    check_public_urls(listed, site)
    old = site / "book/_generated/site/metodologi.html"
    text = old.read_text(encoding="utf-8")
    assert is_redirect_page(old)
    assert 'url=../../../tentang/metodologi.html"' in text
    assert '"tabel-lama": "tabel-rumus"' in text
    assert "book/_generated/site/metodologi.html" not in public_pages(site)


def test_an_id_moved_within_a_page_keeps_an_alias_anchor(site, tmp_path):
    committed = inventory(site)
    committed.pages["2018/capaian.html"]["tabel-lama"] = "Tabel 5.1.1"
    committed.redirects["2018/capaian.html#tabel-lama"] = "2018/capaian.html#tabel-capaian-s01"
    listed = tmp_path / "public-urls.yml"
    listed.write_text(committed.text(), encoding="utf-8")
    check_public_urls(listed, site)
    page = (site / "2018/capaian.html").read_text(encoding="utf-8")
    assert '<span id="tabel-lama" class="binjai-alias"></span><figure' in page


def test_a_redirect_to_a_missing_page_fails(site):
    committed = inventory(site)
    committed.redirects["lama.html"] = "tidak-ada.html"
    assert problems(committed, inventory(site)) == [
        "redirect lama.html -> tidak-ada.html: the target page does not exist"
    ]


def test_a_project_without_a_list_starts_one(site, tmp_path):
    assert check_public_urls(tmp_path / "none.yml", site).pages == inventory(site).pages


def test_the_committed_list_has_no_public_url_with_generated_in_it():
    committed = UrlList.read(REPO_ROOT / "book" / "public-urls.yml")
    assert committed is not None and committed.pages
    assert [url for url in committed.pages if "_generated" in url] == []
    assert "index.html" in committed.pages  # the home page is the site's root
    targets = {new.split("#", 1)[0] for new in committed.redirects.values()}
    assert targets <= set(committed.pages)
