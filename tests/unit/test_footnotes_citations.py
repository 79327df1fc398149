"""Tier 1: pipelines.footnotes on inline strings: URLs, domains, dates, titles, same-as links."""

from __future__ import annotations

import datetime

import pytest

from pipelines.footnotes import (
    Note,
    cited_title,
    extract_domains,
    extract_urls,
    link_same_as,
    parse_accessed_date,
    split_notes,
)
from pipelines.footnotes.urls import TLD_EXTRACT

# --- URLs and domains ------------------------------------------------------------------


def test_extract_urls_cleans_wrappers_and_trailing_punctuation():
    assert extract_urls(
        "Radio Free Europe, ‘The Wait’, <https://www.rferl.org/a/oil/25329794.html>,"
        " accessed 14 August 2022."
    ) == ["https://www.rferl.org/a/oil/25329794.html"]
    assert extract_urls("UzDaily, 10 August 2020, <<http://uzdaily.com/en/post/60623>, x") == [
        "http://uzdaily.com/en/post/60623"
    ]
    assert extract_urls("Ekathimerini, 2021 https://www.ekathimerini.com/news/261187/x/.") == [
        "https://www.ekathimerini.com/news/261187/x/"
    ]
    assert extract_urls("See https://en.wikipedia.org/wiki/Foo_(bar).") == [
        "https://en.wikipedia.org/wiki/Foo_(bar)"
    ]
    assert extract_urls(
        "Gazeta, https://www.gazeta.uz/ru/2021/06/11/t/; Daryo, https://daryo.uz/k/2021/x/."
    ) == ["https://www.gazeta.uz/ru/2021/06/11/t/", "https://daryo.uz/k/2021/x/"]
    assert extract_urls("Author interview, 2012.") == []


def test_extract_domains_urls_and_bare_names():
    text = "“Dvuh grajdan,” Tengrinews.kz, January 29, 2020."
    assert extract_domains(text, extract_urls(text)) == ["tengrinews.kz"]
    text = "“Mid knr,” lenta.inform.kz, February 3, 2020; “China-led,” Reuters.com; rferl.org."
    assert extract_domains(text, []) == ["inform.kz", "reuters.com", "rferl.org"]
    text = (
        "Paul Bartlett, Nikkei Asia, <https://asia.nikkei.com/Spotlight/x>, see also"
        " https://www.rferl.org/a/y.html and rferl.org, data from <http://finance.yahoo.com>."
    )
    assert extract_domains(text, extract_urls(text)) == ["nikkei.com", "rferl.org", "yahoo.com"]


def test_extract_domains_ignores_non_sites():
    text = "In this regard.The Republic, Vol.3, U.S. policy, report.pdf, e.g. 4.3 per cent."
    assert extract_domains(text, []) == []


def test_tldextract_uses_bundled_snapshot_only():
    assert TLD_EXTRACT.suffix_list_urls == ()
    assert TLD_EXTRACT.fallback_to_snapshot


# --- accessed dates, titles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<https://x.org/a>, accessed 14 August 2022.", datetime.date(2022, 8, 14)),
        ("https://x.org/a, accessed August 14, 2022.", datetime.date(2022, 8, 14)),
        ("Accessed on 3 May 2021.", datetime.date(2021, 5, 3)),
        ("last accessed: 2nd Sept. 2020", datetime.date(2020, 9, 2)),
        ("Reuters, 30 April 2007.", None),
        ("accessed 31 February 2022.", None),
    ],
)
def test_parse_accessed_date(text, expected):
    assert parse_accessed_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "People’s Daily, ‘Shàng hé guójiā’ [‘80 Million Users’], 8 June 2018.",
            "Shàng hé guójiā",
        ),
        (
            "Ji Tianqin, ‘In Depth: Casts Shadow on Rosneft’s China Investor CEFC’, Caixin.",
            "In Depth: Casts Shadow on Rosneft’s China Investor CEFC",
        ),
        (
            "Kursiv, ‘Tokayev poruchil perenyat’ u Kitaya opyt’ [‘Tokayev Instructed’], 2019.",
            "Tokayev poruchil perenyat’ u Kitaya opyt",
        ),
        (
            "Peter Irwin, ‘Remembering Ghulja: 20th Anniversary of “Uyghur Tiananmen” Passes’,"
            " The Diplomat.",
            "Remembering Ghulja: 20th Anniversary of “Uyghur Tiananmen” Passes",
        ),
        (
            "“WeChat responds to the article “Multi-country eager to return to China”: delete"
            " 227 articles, 153 titles,” thepaper.cn, April 16, 2020.",
            "WeChat responds to the article “Multi-country eager to return to China”: delete"
            " 227 articles, 153 titles",
        ),
        (
            "“Weidong Cloud Education together with SCO to fight COVID-19”,” wdecloud.com.",
            "Weidong Cloud Education together with SCO to fight COVID-19",
        ),
        (
            "Raffaello Pantucci, ‘Beijing Binds: COVID-19 and the China-Central Asia Relationship.",
            "Beijing Binds: COVID-19 and the China-Central Asia Relationship",
        ),
        ("Author interview, RATS, 2012.", None),
        ("https://svodka.akipress.org/news:1736685", None),
    ],
)
def test_cited_title(text, expected):
    assert cited_title(text) == expected


# --- same_as ---------------------------------------------------------------------------


def test_link_same_as():
    texts = {
        25: "Shanghai Cooperation Organisation (SCO), ‘SCO Promotes Transport Links’, July 2017,"
        " <http://eng.sectsco.org/news/20170706/306862.html>, accessed 14 August 2022.",
        26: "SCO, ‘SCO Promotes Transport Links’.",
        39: "Dmitry Erokhin, ‘Comparative Analysis of Digital Development in Central Asian"
        " Countries’, OSCE and NUPI, Policy Briefs No. 63, September 2020.",
        40: "Kazakhstan China Pipeline LLC, ‘History’, <https://www.kcp.kz/company/history>.",
        41: "Embassy of the PRC to Turkmenistan, ‘Tǔkùmàn sītǎn tōngxùn’, 25 September 2008,"
        " <http://tm.mofcom.gov.cn/article/x.shtml>, accessed 14 August 2022.",
        45: "Embassy of the PRC to Turkmenistan, ‘Tǔkùmàn sītǎn tōngxùn’, 25 September 2008,"
        " <http://tm.mofcom.gov.cn/article/x.shtml>, accessed 14 August 2022.",
        46: "Huawei, ‘History’, <https://www.huawei.com/history>.",
        57: "Erokhin, ‘Comparative Analysis …’.",
        71: "As highlighted in note 41.",
        72: "Ibid.",
        653: "United Nations Security Council, Report of the Monitoring Team (June 1, 2021), 18,"
        " https://www.undocs.org/pdf?symbol=en/S/2021/486.",
        656: "United Nations Security Council, Report of the Monitoring Team (June 1, 2021), 20.",
        662: "United Nations Security Council, Report of the Monitoring Team (February 3, 2021),"
        " 16, https://undocs.org/pdf?symbol=en/S/2021/68.",
    }
    notes = [Note(number, text, 0) for number, text in texts.items()]
    links = link_same_as(notes)
    assert links == {
        25: None,
        26: 25,
        39: None,
        40: None,
        41: None,
        45: 41,
        46: None,
        57: 39,
        71: 41,
        72: 41,
        653: None,
        656: 653,
        662: None,
    }


def test_link_same_as_double_quoted_identical_citations():
    notes = split_notes(
        "33 “Kazakhstan summons Chinese ambassador,” reuters.com, April 14, 2020.\n"
        "34 “Rising Nationalism,” eastasiaforum.org, May 29, 2020.\n"
        "35 “Kazakhstan summons Chinese ambassador,” reuters.com, April 14, 2020."
    )
    assert link_same_as(notes) == {33: None, 34: None, 35: 33}
