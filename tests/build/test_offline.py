from __future__ import annotations

from binjai_analysis.build.offline import external_resources, scan_site


def test_finds_external_scripts_styles_and_images():
    html = (
        '<script src="https://example.org/a.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.org/f.css">'
        '<img src="http://example.org/i.png">'
    )
    assert external_resources(html) == [
        "<script src=https://example.org/a.js>",
        "<link href=//fonts.example.org/f.css>",
        "<img src=http://example.org/i.png>",
    ]


def test_links_to_other_sites_are_not_loads():
    html = '<a href="https://bps.go.id">BPS</a><link rel="canonical" href="https://x.org/">'
    assert external_resources(html) == []


def test_cdn_named_in_inline_script_is_reported():
    html = '<script>const URL = "https://unpkg.com/thebe@0.8.2/lib/index.js"</script>'
    assert external_resources(html) == ["mentions unpkg.com"]


def test_scan_site_reports_pages_by_relative_path(tmp_path):
    (tmp_path / "ok.html").write_text('<script src="_static/x.js"></script>')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.html").write_text('<script src="https://cdnjs.cloudflare.com/x.js">')
    assert scan_site(tmp_path) == {
        "sub/bad.html": [
            "<script src=https://cdnjs.cloudflare.com/x.js>",
            "mentions cdnjs.cloudflare",
        ],
    }
