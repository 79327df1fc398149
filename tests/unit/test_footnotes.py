"""Tier 1: pipelines.footnotes on inline strings: note splitting, notes regions, markers."""

from __future__ import annotations

from pipelines.footnotes import find_markers, locate_notes, notes_region, split_notes
from tests.unit.footnotes_helpers import numbers

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


# --- split_notes internals ------------------------------------------------------------


def test_dominant_style_tie_goes_to_the_earliest_note_whatever_the_hash_seed():
    from pipelines.footnotes.split import _Candidate, _dominant_style

    def cand(sep: str) -> _Candidate:
        return _Candidate(0, 1, 0, True, sep, False)

    assert _dominant_style([cand("space"), cand("dot"), cand("dot"), cand("space")])[0] == "space"
    assert _dominant_style([cand("dot"), cand("space"), cand("space"), cand("dot")])[0] == "dot"
    assert _dominant_style([cand("dot"), cand("space"), cand("space")])[0] == "space"
