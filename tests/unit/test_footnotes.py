"""Unit tests for pipelines.footnotes: notes regions, note splitting, markers, citations."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from pipelines.footnotes import (
    Note,
    cited_title,
    extract_domains,
    extract_urls,
    find_markers,
    link_same_as,
    locate_notes,
    notes_region,
    parse_accessed_date,
    split_notes,
)
from pipelines.footnotes.urls import TLD_EXTRACT

ROOT = Path(__file__).resolve().parents[2]
PAGE_DIRS = (ROOT / "data" / "raw", ROOT.parent / "shared" / "seeds")


def numbers(notes: list[Note]) -> list[int]:
    return [note.number for note in notes]


# --- split_notes: printed shapes -------------------------------------------------------


def test_split_dot_shape_with_numbers_inside_notes():
    block = (
        "1. Sébastien Peyrouse, ‘Chinese Economic Presence in Kazakhstan’, China Perspectives"
        " (Vol. 3, July 2008), pp. 34–49.\n\n"
        "2. Raffaello Pantucci, ‘Beijing Binds’, Central Asia Program Paper No. 232,"
        " 19 June 2020.\n\n"
        "3. Nargis Kassenova, ‘Quick Start’, IFRI, No. 4, November 2012, pp. 3–29.\n\n"
        "4. Author interview, RATS, 2012."
    )
    notes = split_notes(block)
    assert numbers(notes) == [1, 2, 3, 4]
    assert notes[0].text.startswith("Sébastien Peyrouse")
    assert notes[0].text.endswith("pp. 34–49.")
    assert notes[2].text.endswith("No. 4, November 2012, pp. 3–29.")
    assert notes[3].text == "Author interview, RATS, 2012."
    assert [block[n.offset : n.offset + len(str(n.number))] for n in notes] == ["1", "2", "3", "4"]


def test_split_space_shape_consecutive_lines_with_numbers_in_text():
    block = (
        "23 “Chinese Embassy hands over PPE,” en.kabar.kg, April 24, 2020.\n"
        "24 “Chinese PLA sends supplies to militaries of\n"
        "12 countries,” english.chinamil.com, May 17, 2020.\n"
        "25 “WeChat responds: delete 227 articles, 153 titles,” thepaper.cn, April 16, 2020.\n"
        "26 “Alibaba to create 100 million jobs,” marketscreener.com, August 30, 2020."
    )
    notes = split_notes(block)
    assert numbers(notes) == [23, 24, 25, 26]
    assert notes[1].text == (
        "“Chinese PLA sends supplies to militaries of 12 countries,” english.chinamil.com,"
        " May 17, 2020."
    )
    assert "227 articles, 153 titles" in notes[2].text


def test_split_wrapped_line_starting_with_next_number_is_not_a_note():
    block = (
        "11 “China-led project abandoned after\n"
        "12 countries protested,” Reuters.com, February 18, 2020.\n"
        "12 “Uzbekistan Sending Medical Supplies,” rferl.org, February 12, 2020.\n"
        "13 “Mid knr poblagodaril kazahstan,” lenta.inform.kz, February 3, 2020."
    )
    notes = split_notes(block)
    assert numbers(notes) == [11, 12, 13]
    assert notes[0].text.startswith("“China-led project abandoned after 12 countries")
    assert notes[1].text.startswith("“Uzbekistan Sending")


def test_split_glued_quote_and_run_together_notes():
    block = (
        "1“Passazhirku reĭsa,” hronikaturkmenistana.com, February 2, 2020.\n"
        "2 “Dva sluchaia” Fergana.news, March 13, 2020.\n"
        "3“V Kyrgyzstane,” kabar.kg, March 18, 2020. 4“U grazhdanina” kun.uz, March 15, 2020.\n"
        "5“Tadzhikistan” avesta.tj, April 30, 2020. 6“Death Toll Rises To 11,” rferl.org,"
        " February 13, 2020. 7 “Call Tsenter,” kaktus.media, March 2, 2020."
    )
    notes = split_notes(block)
    assert numbers(notes) == [1, 2, 3, 4, 5, 6, 7]
    assert notes[0].text.startswith("“Passazhirku")
    assert notes[2].text == "“V Kyrgyzstane,” kabar.kg, March 18, 2020."
    assert notes[3].offset == block.index("4“U")
    assert notes[5].text == "“Death Toll Rises To 11,” rferl.org, February 13, 2020."


def test_split_two_notes_on_one_line_27_28():
    block = (
        "26“Pribyvshie v stolicu,” lenta.inform.kz, April 11, 2020.\n"
        "27 “V GUVD g. Tashkenta,” uzdaily.uz, April 6, 2020. 28 “Chinese universities"
        " compile manual,” news.sciencenet.cn, April 15, 2020.\n"
        "29 “China-Uzbekistan telemedicine,” xinhuanet.com, April 25, 2020."
    )
    assert numbers(split_notes(block)) == [26, 27, 28, 29]


def test_split_high_numbering_and_bare_url_note():
    block = (
        "667 Attacks which have taken place have been linked elsewhere (for example, the 2016"
        " attack on the Chinese Embassy in Bishkek).\n\n"
        "668 “V Kyrgyzstane zaderzhan boyevik,” 24kg, July 16, 2021,"
        " https://24.kg/obschestvo/201365_x/.\n\n"
        "669 https://svodka.akipress.org/news:1736685\n\n"
        "670 Prior to the takeover, the IJU had about 100 fighters. See “2002 god.,” AKIpress."
    )
    notes = split_notes(block)
    assert numbers(notes) == [667, 668, 669, 670]
    assert notes[2].text == "https://svodka.akipress.org/news:1736685"
    assert "2016 attack" in notes[0].text


def test_split_tolerates_small_gap_at_line_start_only():
    assert numbers(split_notes("1 “A,” a.com.\n2 “B,” b.com.\n4 “D,” d.com.")) == [1, 2, 4]
    # A jump in the middle of a line is not trusted: '3' stays inside note 1.
    notes = split_notes("1 “A,” a.com, 2020. 3 “C,” c.com, 2020.")
    assert numbers(notes) == [1]
    assert "3 “C,”" in notes[0].text
    # Large jumps (a year) never continue the numbering.
    assert numbers(split_notes("1. One.\n\n2. Two.\n\n2022 look ahead.")) == [1, 2]


def test_split_empty_block():
    assert split_notes("") == []
    assert split_notes("No numbers here.") == []


# --- locate_notes / notes_region -------------------------------------------------------


def test_locate_after_notes_heading_with_bio_after():
    paragraphs = [
        "Paving the Digital Silk Road",
        "Yet, while the security side of the SCO thrived,1 most initiatives failed.2",
        "Notes",
        "1. People’s Republic of China, ‘Agreement’, 26 April 1996.",
        "2. UPI Archives, ‘Chinese Premier Wraps Up Central Asian Tour’, 27 April 1994.",
        "Raffaello Pantucci is a Senior Fellow at RSIS.",
    ]
    assert locate_notes(paragraphs) == 3
    assert notes_region(paragraphs) == (3, 5)


def test_locate_single_paragraph_of_consecutive_notes_without_heading():
    paragraphs = [
        "Beijing Binds",
        "Turkmenistan has no cases (not in official media).1 Kazakhstan from Germany,2 and"
        " Kyrgyzstan3 later.",
        "1“Passazhirku,” hronikaturkmenistana.com, February 2, 2020.\n"
        "2 “Dva sluchaia” Fergana.news, March 13, 2020.\n"
        "3“V Kyrgyzstane,” kabar.kg, March 18, 2020.",
        "A short op-ed for the Financial Times.",
    ]
    assert locate_notes(paragraphs) == 2
    assert notes_region(paragraphs) == (2, 3)


def test_locate_high_numbering_needs_markers_in_body():
    notes = [
        "656 United Nations Security Council, Report (June 1, 2021), 20.",
        "657 “Commander of Jamaat Ansarullah,” Asia-Plus, October 7, 2021.",
        "658 “Tajikistan Concerned,” RFE/RL, September 25, 2021.",
    ]
    body = [
        "The IMU resided in Faryab, Sar-e Pol and Jowzjan.656 JA remains a partner.657"
        " The Taliban denied it.658",
        "About the Authors",
        "Nodirbek Soliev is a Senior Analyst at ICPVTR.",
    ]
    assert notes_region(body + notes) == (3, 6)
    assert notes_region(["A body with no markers at all.", *notes]) is None


def test_body_paragraphs_starting_with_numbers_are_not_notes():
    paragraphs = [
        "2022 look ahead: Central Asia will cement its turn against the West",
        "Expect China and Russia to step in.",
        "12 countries signed the agreement in 2019.",
        "13 more are expected to follow.",
        "That is all.",
    ]
    assert locate_notes(paragraphs) is None
    assert notes_region(paragraphs) is None


def test_region_stops_before_following_post():
    paragraphs = [
        "Body text cited.1 More text.2",
        "1 “First,” a.com, 2020.",
        "2 “Second,” b.com, 2020.",
        "More catch up posting from last month.",
        "2022 look ahead: Central Asia will cement its turn against the West",
    ]
    assert notes_region(paragraphs) == (1, 3)


def test_numbered_list_without_markers_or_heading_is_not_notes():
    paragraphs = ["Three things matter here.", "1. First point.", "2. Second point."]
    assert locate_notes(paragraphs) is None


# --- find_markers ----------------------------------------------------------------------


def test_markers_glued_to_punctuation_and_words():
    body = (
        "Yet, while the security side of the SCO thrived,13 most failed. The Uzbek,12 "
        "Kazakh13 and Kyrgyz14 governments sent aid."
    )
    markers = find_markers(body, [12, 13, 14])
    assert markers[12] == [body.index(",12") + 1]
    assert markers[13] == [body.index("Kazakh13") + 6]
    assert markers[14] == [body.index("Kyrgyz14") + 6]


def test_markers_glued_to_year_and_day():
    body = (
        "Kazakhstan found cases from Germany on March 9 and 12,2 Kyrgyzstan from Saudi Arabia"
        " entering on March 123 and Uzbekistan from France on March 15.4 An academy opened in"
        " Uzbekistan in 201665 and Kazakhstan in 2017.66"
    )
    markers = find_markers(body, [2, 3, 4, 65, 66])
    assert markers[2] == [body.index("12,2") + 3]
    assert markers[3] == [body.index("March 123") + len("March 12")]
    assert markers[4] == [body.index("15.4") + 3]
    assert markers[65] == [body.index("201665") + 4]
    assert markers[66] == [body.index("2017.66") + 5]


def test_plain_numbers_are_not_markers():
    body = (
        "GDP grew 4.3% in 2022, when 100 million people saw the US$280 million project fail;"
        " 12 countries signed, 3,000 troops left and PM2.5 rose."
    )
    markers = find_markers(body, [1, 2, 3, 4, 5, 12, 22, 43, 100, 280])
    assert all(offsets == [] for offsets in markers.values())


def test_markers_use_note_order_against_acronyms():
    body = "The COVID19 outbreak,1 hit Kazakhstan2 before the G20 summit.3 It spread.4"
    markers = find_markers(body, [1, 2, 3, 4, 19, 20])
    assert markers[19] == []
    assert markers[20] == []
    assert markers[3] == [body.index("summit.3") + 7]


def test_decimals_are_not_markers_but_year_dot_marker_is():
    body = "The score rose from 0.19 to 0.79 between 2014 and 2018.16 Then $1.46 trillion."
    markers = find_markers(body, [16, 19, 46, 79])
    assert markers == {16: [body.index("2018.16") + 5], 19: [], 46: [], 79: []}


def test_repeated_marker_counts_twice():
    body = "First claim.1 Second claim.2 Back to the first claim.1"
    assert len(find_markers(body, [1, 2])[1]) == 2


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


# --- the real notes blocks of the seed pages -------------------------------------------


def page_lines(name: str) -> list[str]:
    for folder in PAGE_DIRS:
        path = folder / name
        if path.exists():
            return path.read_text(encoding="utf-8").splitlines()
    pytest.skip(f"page {name} not found in {PAGE_DIRS}")


def lines_text(name: str, first: int, last: int) -> str:
    """Lines first..last of a page, 1-based and inclusive."""
    return "\n".join(page_lines(name)[first - 1 : last])


# Counted by reading the pages: 000 prints notes 1..89 one per paragraph after 'Notes';
# 003 prints 1..63 on consecutive lines with none missing (3/4, 5/6/7, 8/9, 27/28, 45/46,
# 49/50, 51/52 and 53/54 share a line); 002 prints 651..687, 669 being a bare URL.
REAL_BLOCKS = [
    ("000_efb1e64e7f4b2eee.txt", 482, 658, list(range(1, 90))),
    ("003_438df8717fa9cb3f.txt", 61, 114, list(range(1, 64))),
    ("002_fbd602585b3c64db.txt", 453, 526, list(range(651, 688))),
]


@pytest.mark.parametrize(("name", "first", "last", "expected"), REAL_BLOCKS)
def test_real_notes_blocks(name, first, last, expected):
    block = lines_text(name, first, last)
    notes = split_notes(block)
    assert numbers(notes) == expected
    assert all(note.text for note in notes)
    assert all(block[note.offset :].startswith(str(note.number)) for note in notes)


def test_real_block_details():
    notes = {n.number: n for n in split_notes(lines_text("003_438df8717fa9cb3f.txt", 61, 114))}
    assert notes[27].text.endswith("uzdaily.uz, April 6, 2020.")
    assert notes[28].text.startswith("“Chinese universities compile")
    assert extract_domains(notes[13].text, []) == ["inform.kz"]
    assert cited_title(notes[35].text).startswith("WeChat responds to the article “Multi")
    notes = {n.number: n for n in split_notes(lines_text("000_efb1e64e7f4b2eee.txt", 482, 658))}
    assert extract_urls(notes[76].text) == ["http://uzdaily.com/en/post/60623"]
    assert parse_accessed_date(notes[3].text) == datetime.date(2022, 9, 12)
    links = link_same_as(list(notes.values()))
    assert {n: links[n] for n in (26, 45, 57, 58, 59, 71, 77)} == {
        26: 25,
        45: 41,
        57: 39,
        58: 53,
        59: 55,
        71: 41,
        77: 74,
    }


REAL_POSTS = [
    # page, body lines, notes lines
    ("000_efb1e64e7f4b2eee.txt", (370, 466), (482, 658)),
    ("003_438df8717fa9cb3f.txt", (9, 59), (61, 114)),
    ("002_fbd602585b3c64db.txt", (300, 445), (453, 526)),
]


@pytest.mark.parametrize(("name", "body_lines", "notes_lines"), REAL_POSTS)
def test_real_bodies_cite_every_note_once(name, body_lines, notes_lines):
    body = lines_text(name, *body_lines)
    wanted = numbers(split_notes(lines_text(name, *notes_lines)))
    markers = find_markers(body, wanted)
    assert {n: len(offsets) for n, offsets in markers.items()} == dict.fromkeys(wanted, 1)


def test_real_marker_glued_to_year():
    body = lines_text("000_efb1e64e7f4b2eee.txt", 370, 466)
    assert find_markers(body, list(range(1, 90)))[65] == [body.index("201665") + 4]


@pytest.mark.parametrize(
    ("name", "first", "last", "expected"),
    [
        # 'Paving the Digital Silk Road' to the next post; bios sit before 'Notes'.
        ("000_efb1e64e7f4b2eee.txt", 368, 662, (1, 89)),
        # 'Beijing Binds' up to the next post: one paragraph of consecutive notes.
        ("003_438df8717fa9cb3f.txt", 5, 118, (1, 63)),
        # The 651..687 notes follow the authors' bios; the next post opens with '2022'.
        ("002_fbd602585b3c64db.txt", 365, 531, (651, 687)),
    ],
)
def test_real_notes_region(name, first, last, expected):
    text = lines_text(name, first, last)
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    region = notes_region(paragraphs)
    assert region is not None
    start, end = region
    notes = split_notes("\n\n".join(paragraphs[start:end]))
    assert (notes[0].number, notes[-1].number) == expected
    # The region stops before what follows the notes (next post's intro).
    assert end < len(paragraphs)
    assert not paragraphs[end][:1].isdigit()


def test_dominant_style_tie_goes_to_the_earliest_note_whatever_the_hash_seed():
    from pipelines.footnotes.split import _Candidate, _dominant_style

    def cand(sep: str) -> _Candidate:
        return _Candidate(0, 1, 0, True, sep, False)

    assert _dominant_style([cand("space"), cand("dot"), cand("dot"), cand("space")])[0] == "space"
    assert _dominant_style([cand("dot"), cand("space"), cand("space"), cand("dot")])[0] == "dot"
    assert _dominant_style([cand("dot"), cand("space"), cand("space")])[0] == "space"
