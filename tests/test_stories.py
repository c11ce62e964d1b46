"""Stories on real text: grouping by event, the lead, merged facts, conflicts, "since last time".

The fixtures in ``tests/fixtures/stories/`` are articles of the development corpus (PolNeAR's
2016 campaign articles from HuffPost, Western Journal, USA Today, Politico and The Washington
Post; Reuters wire stories of 30-31 August 1996: match reports and result lines, a team
announcement, a suspension before a match, statements on Israel's settlements, the Friday
prayers in Jerusalem, the Chechnya peace talks and the OSCE's mission there, Yeltsin's visit
to his wife in hospital, one-line company forecasts) written as plain text: headline,
``Published`` line, paragraphs. The outlet and the date (the ``Published`` line) are set on
each article as a feed would give them.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from digest import read_article
from digest.models import Article, Changes, Facts, Snapshot, Story
from digest.stories import (
    TUNING,
    changes,
    cluster,
    find_conflicts,
    group,
    match,
    merge_facts,
    snapshot,
    story_id,
    terms,
)
from tests.conftest import read_once

STORIES = Path(__file__).resolve().parent / "fixtures" / "stories"

OUTLETS = {
    "clinton-harvey-huffpost": "HuffPost",
    "christie-westjournal": "Western Journal",
    "trump-moderators-usatoday": "USA Today",
    "limbaugh-westjournal": "Western Journal",
    "trump-tax-politico": "Politico",
    "sanders-tax-westjournal": "Western Journal",
}


def _read(name: str, outlet: str | None = None, text: str | None = None) -> Article:
    data = text if text is not None else (STORIES / f"{name}.txt").read_text(encoding="utf-8")
    article = read_once(data, input=f"{name}.txt")
    published = re.search(r"^Published (\S+)$", data, re.MULTILINE)
    return dataclasses.replace(
        article,
        publisher=outlet or OUTLETS.get(name, "Reuters"),
        published=published.group(1) if published else article.published,
    )


def _inputs(story: Story) -> list[str]:
    return [a.input.removesuffix(".txt") for a in story.articles]


@pytest.fixture(scope="module")
def clinton() -> Article:
    return _read("clinton-harvey-huffpost")


@pytest.fixture(scope="module")
def christie() -> Article:
    return _read("christie-westjournal")


def test_the_same_event_from_two_outlets_is_one_story(clinton: Article, christie: Article) -> None:
    stories = group([clinton, christie])
    assert len(stories) == 1
    story = stories[0]
    assert {s.outlet for s in story.sources} == {"HuffPost", "Western Journal"}
    assert {s.article for s in story.sources} == {clinton.id, christie.id}
    assert [s.published for s in story.sources] == [a.published for a in story.articles]


def test_different_trump_stories_stay_apart() -> None:
    # Same candidates, same week, same debate or tax topic: different events.
    moderators = _read("trump-moderators-usatoday")
    limbaugh = _read("limbaugh-westjournal")
    tax = _read("trump-tax-politico")
    sanders = _read("sanders-tax-westjournal")
    assert len(group([moderators, limbaugh])) == 2
    assert len(group([tax, sanders])) == 2


def test_a_digest_groups_only_the_same_event(clinton: Article, christie: Article) -> None:
    others = [
        _read(n) for n in OUTLETS if n not in ("clinton-harvey-huffpost", "christie-westjournal")
    ]
    stories = group([others[0], clinton, *others[1:], christie])
    assert [_inputs(s) for s in stories] == [
        ["trump-moderators-usatoday"],
        ["christie-westjournal", "clinton-harvey-huffpost"],
        ["limbaugh-westjournal"],
        ["trump-tax-politico"],
        ["sanders-tax-westjournal"],
    ]


def test_two_matches_between_the_same_teams_are_two_stories() -> None:
    # Romania beat Lithuania twice in two days: under-21 on Friday (filed twice), seniors on
    # Saturday. The reports share every word but the score, the day and the competition.
    friday = _read("romania-u21-reuters")
    refiled = _read("romania-u21-refiled-reuters")
    saturday = _read("romania-world-cup-reuters")
    stories = group([friday, saturday, refiled])
    assert [_inputs(s) for s in stories] == [
        ["romania-u21-reuters", "romania-u21-refiled-reuters"],
        ["romania-world-cup-reuters"],
    ]


AS_IN_A_LARGE_DIGEST = dataclasses.replace(TUNING, small_margin=0.0)
"""Ask two articles for no more likeness than a digest of fifty or more would, so that what
keeps them apart is the rule a test is about, not the margin for small inputs."""


def test_a_preview_is_not_the_report_of_the_day_it_previews() -> None:
    # Friday: Deportivo "will be without" Silva "for Saturday's game with Real Madrid".
    # Saturday: the report of that game. Same clubs, players and match; two stories.
    preview = _read("silva-suspended-reuters")
    report = _read("deportivo-real-report-reuters")
    assert [_inputs(s) for s in group([preview, report], AS_IN_A_LARGE_DIGEST)] == [
        ["silva-suspended-reuters"],
        ["deportivo-real-report-reuters"],
    ]


def test_a_team_announcement_is_not_the_match_story() -> None:
    # McCarthy named the team on Friday; Ireland beat Liechtenstein 5-0 on Saturday: the
    # report and the result line are one story, the announcement is another.
    announced = _read("ireland-team-announced-reuters")
    report = _read("ireland-match-report-reuters")
    result = _read("ireland-result-reuters")
    assert [_inputs(s) for s in group([announced, report, result], AS_IN_A_LARGE_DIGEST)] == [
        ["ireland-team-announced-reuters"],
        ["ireland-match-report-reuters", "ireland-result-reuters"],
    ]


def test_the_next_step_a_report_announced_is_the_same_story() -> None:
    # Friday: the hijackers were charged and "would appear in court on Saturday"; Saturday:
    # they appeared in court. Two days, one story.
    charged = _read("iraqi-hijackers-charged-reuters")
    in_court = _read("iraqi-hijackers-in-court-reuters")
    assert [sorted(_inputs(s)) for s in group([charged, in_court], AS_IN_A_LARGE_DIGEST)] == [
        ["iraqi-hijackers-charged-reuters", "iraqi-hijackers-in-court-reuters"]
    ]


def test_a_results_table_joins_its_report_in_a_large_digest() -> None:
    # The leading scores name every player and the report a few: in a digest too large to
    # compare every pair, the report's heaviest words still lead to the table.
    report = _read("milwaukee-henke-leads-reuters")
    scoreboard = _read("milwaukee-leading-scores-reuters")
    others = [_read(path.stem) for path in sorted(STORIES.glob("*.txt"))]
    others = [a for a in others if a.input not in (report.input, scoreboard.input)]
    filler = [
        dataclasses.replace(
            article,
            id=f"{article.id}-{copy}",
            published=(
                date.fromisoformat(article.published[:10]) + timedelta(days=10 * copy)
            ).isoformat(),
        )
        for copy in range(1, 12)
        for article in others
        if article.published
    ]
    assert len(filler) + 2 > TUNING.compare_all
    found = group([report, *filler, scoreboard])
    assert [sorted(_inputs(s)) for s in found if report in s.articles] == [
        ["milwaukee-henke-leads-reuters", "milwaukee-leading-scores-reuters"]
    ]


def test_articles_sharing_a_topic_but_not_a_happening_stay_apart() -> None:
    # Bonn's appeal and Syria's condemnation of the settlements; Palestinians turned back on
    # their way to pray in Jerusalem, and Arafat in Nablus as Israel braces for the prayers.
    # Their bodies share the background (Arafat, settlements, Jerusalem); their tops do not.
    statements = {"bonn-appeal-reuters", "syria-settlements-reuters"}
    prayers = {"al-ram-prayers-reuters", "nablus-arafat-reuters"}
    found = group([_read(n) for n in sorted(statements | prayers)], AS_IN_A_LARGE_DIGEST)
    assert all(not (statements & set(_inputs(s)) and prayers & set(_inputs(s))) for s in found)
    assert sum(len(s.articles) for s in found) == 4


def test_briefs_group_only_when_they_share_names() -> None:
    # Two one-line notes left of two companies' results tables share their template only; a
    # one-line result shares France and Mexico with the match report.
    forecasts = [_read("jeans-mate-forecast-reuters"), _read("apic-yamada-forecast-reuters")]
    result = _read("france-mexico-result-reuters")
    report = _read("france-mexico-report-reuters")
    assert [_inputs(s) for s in group([*forecasts, result, report], AS_IN_A_LARGE_DIGEST)] == [
        ["jeans-mate-forecast-reuters"],
        ["apic-yamada-forecast-reuters"],
        ["france-mexico-report-reuters", "france-mexico-result-reuters"],
    ]


def test_a_day_of_wire_stories_and_campaign_articles() -> None:
    # Every fixture in one digest: what belongs together is grouped, the rest stays apart
    # (among them two articles on the debate's moderators three days apart, and two forecast
    # notes written to one template). The two Charlotte articles stay apart here: Keith Lamont
    # Scott is named in four of these few articles, too many to count as rare.
    names = sorted(p.stem for p in STORIES.glob("*.txt"))
    found = [_inputs(s) for s in group([_read(n) for n in names])]
    assert sorted(sorted(s) for s in found if len(s) > 1) == [
        ["al-ram-prayers-reuters", "nablus-arafat-reuters"],
        ["algeria-newspaper-reuters", "algeria-radio-reuters"],
        ["bonn-appeal-reuters", "syria-settlements-reuters"],
        ["christie-westjournal", "clinton-harvey-huffpost"],
        ["france-mexico-report-reuters", "france-mexico-result-reuters"],
        ["iraqi-hijackers-charged-reuters", "iraqi-hijackers-in-court-reuters"],
        ["ireland-match-report-reuters", "ireland-result-reuters"],
        ["lebed-deal-signed-reuters", "lebed-talks-start-reuters", "yeltsin-lebed-plan-reuters"],
        ["milwaukee-henke-leads-reuters", "milwaukee-leading-scores-reuters"],
        ["romania-u21-refiled-reuters", "romania-u21-reuters"],
        ["sri-lanka-australia-scoreboard-reuters", "sri-lanka-beat-australia-reuters"],
    ]
    assert sum(len(s) for s in found) == len(names)


CHECHNYA = [
    "yeltsin-lebed-plan-reuters",
    "lebed-talks-start-reuters",
    "lebed-deal-signed-reuters",
    "yeltsin-naina-hospital-reuters",
    "osce-chechnya-reuters",
]


def test_the_talks_stay_apart_from_other_news_of_their_actors() -> None:
    # 30-31 August 1996: Yeltsin backs Lebed's plan, Lebed and Maskhadov start talks, then sign
    # the deal: one story. The OSCE defending its Chechnya mission names Lebed and Maskhadov
    # once each (its headline's protagonist is the OSCE, which the talks never name), and
    # Yeltsin visiting his wife shares nothing with the talks' start: two other stories.
    found = group([_read(n) for n in CHECHNYA], AS_IN_A_LARGE_DIGEST)
    assert sorted(sorted(_inputs(s)) for s in found) == [
        ["lebed-deal-signed-reuters", "lebed-talks-start-reuters", "yeltsin-lebed-plan-reuters"],
        ["osce-chechnya-reuters"],
        ["yeltsin-naina-hospital-reuters"],
    ]


def test_protagonists_of_headlines_tell_stories_apart_but_not_reactions(
    clinton: Article, christie: Article
) -> None:
    talks, osce = _read("lebed-talks-start-reuters"), _read("osce-chechnya-reuters")

    def lead(article: Article) -> tuple[str | None, Counter[str]]:
        actors = cluster._actors(article)
        return cluster._protagonist(article, actors, TUNING), actors

    assert lead(talks)[0] == "p:lebed"
    assert lead(osce)[0] == "e:osce"
    assert cluster._different_protagonists(lead(talks), lead(osce))
    # Christie answers Clinton: his article names her again and again.
    assert not cluster._different_protagonists(lead(clinton), lead(christie))


def test_a_group_takes_no_article_that_shares_nothing_with_one_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Average linkage alone lets c into a and b's group: c is as like a as b is, but shares
    # nothing with b.
    articles = [_read(n) for n in CHECHNYA[:3]]
    half = math.sqrt(0.5)
    vectors = [{"x": half, "y": half}, {"x": 1.0}, {"y": 1.0}]
    monkeypatch.setattr(cluster, "_vectors", lambda arts, t: (vectors, [{}, {}, {}], vectors))
    monkeypatch.setattr(cluster, "_pairs", lambda arts, v, n, t: [(half, 0, 1), (half, 0, 2)])
    assert cluster.clusters(articles) == [[0, 1], [2]]
    no_floor = dataclasses.replace(TUNING, cross_floor=0.0)
    assert cluster.clusters(articles, no_floor) == [[0, 1, 2]]


def test_articles_about_the_same_rare_person_need_less_shared_wording() -> None:
    # The video of Keith Lamont Scott's death made public; a day later Charlotte under the
    # National Guard. Few words in common, but both are about the same man, whom few of a
    # large digest's articles would name (two articles alone cannot tell: Trump is the lead
    # of both tax articles of test_different_trump_stories_stay_apart).
    outlet = "The Washington Post"
    video = _read("charlotte-video-washpost", outlet)
    guard = _read("charlotte-guard-washpost", outlet)
    vectors, names, _tops = cluster._vectors([video, guard], TUNING)
    assert cluster._dot(vectors[0], vectors[1]) < TUNING.pair_threshold
    actors = [cluster._actors(video), cluster._actors(guard)]
    leads = [
        cluster._lead_person(a, c, TUNING) for a, c in zip([video, guard], actors, strict=True)
    ]
    assert cluster._rare_leads([video, guard], names, leads, TUNING) == [None, None]
    assert len(group([video, guard])) == 2
    rare = dataclasses.replace(TUNING, rare_share=1.0)
    assert cluster._rare_leads([video, guard], names, leads, rare) == ["p:scott", "p:scott"]
    assert [_inputs(s) for s in group([video, guard], rare)] == [
        ["charlotte-video-washpost", "charlotte-guard-washpost"]
    ]


def test_a_results_table_naming_the_reports_rare_lead_joins_it() -> None:
    # "Mitchell defeats Bailey" at the Berlin meeting, and the meeting's results, where Bailey
    # is one name among many: little shared wording, but the table names the report's lead.
    report = _read("berlin-mitchell-beats-bailey-reuters")
    results = _read("berlin-grand-prix-results-reuters")
    vectors, _names, _tops = cluster._vectors([report, results], TUNING)
    assert cluster._dot(vectors[0], vectors[1]) < TUNING.pair_threshold
    # As few articles of a large digest name Bailey:
    large = dataclasses.replace(TUNING, rare_share=1.0, small_margin=0.0)
    assert [sorted(_inputs(s)) for s in group([report, results], large)] == [
        ["berlin-grand-prix-results-reuters", "berlin-mitchell-beats-bailey-reuters"]
    ]


def test_a_preview_has_no_lead_person() -> None:
    # "Trump questions the fairness of moderators ahead of debate": an expectations piece
    # shares its lead with the debate's reports, not its happening.
    preview, report = _read("trump-moderators-usatoday"), _read("trump-tax-politico")
    assert cluster._lead_person(preview, cluster._actors(preview), TUNING) is None
    assert cluster._lead_person(report, cluster._actors(report), TUNING) == "p:trump"


def test_dates_and_years_are_not_grouping_terms() -> None:
    # A dateline ("1996-08-30") or a year ties every report of its day or its era.
    found = terms.group_terms("NABLUS, West Bank 1996-08-30 - Arafat signed the 1993 deal")
    assert "1996-08-30" not in found
    assert "1993" not in found
    assert {"nablus", "arafat", "deal"} <= set(found)


def test_articles_far_apart_in_time_are_not_grouped(clinton: Article, christie: Article) -> None:
    later = dataclasses.replace(christie, published="2016-10-05")
    assert len(group([clinton, later])) == 2


def test_without_dates_only_near_copies_are_grouped(clinton: Article, christie: Article) -> None:
    undated = [dataclasses.replace(a, published=None) for a in (clinton, christie)]
    assert len(group(undated)) == 2
    copy = dataclasses.replace(undated[0], id="copy", publisher="Yahoo News")
    assert [len(s.articles) for s in group([undated[0], undated[1], copy])] == [2, 1]


def test_group_of_nothing_and_of_one_article(clinton: Article) -> None:
    assert group([]) == []
    (story,) = group([clinton])
    assert story.lead is clinton
    assert story.articles == (clinton,)
    assert story.conflicts == ()
    assert story.id == story_id([clinton])
    assert [p.sources for p in story.facts.people] == [1] * len(story.facts.people)


def test_the_same_article_given_twice_is_kept_twice(clinton: Article) -> None:
    (story,) = group([clinton, clinton])
    assert story.articles == (clinton, clinton)
    assert len(story.sources) == 2


def test_every_article_once_stories_in_input_order_and_deterministic() -> None:
    articles = [_read(n) for n in OUTLETS] + [
        _read("romania-u21-reuters"),
        _read("romania-world-cup-reuters"),
        _read("romania-u21-refiled-reuters"),
    ]
    stories = group(articles)
    placed = [a for s in stories for a in s.articles]
    assert sorted(map(id, placed)) == sorted(map(id, articles))
    firsts = [min(articles.index(a) for a in s.articles) for s in stories]
    assert firsts == sorted(firsts)
    assert [s.to_dict() for s in group(articles)] == [s.to_dict() for s in stories]


def test_story_id_is_stable_and_follows_the_smallest_article_id(
    clinton: Article, christie: Article
) -> None:
    (both,) = group([clinton, christie])
    (again,) = group([christie, clinton])
    assert both.id == again.id
    assert (
        both.id
        == story_id([clinton, christie])
        == group([min(clinton, christie, key=lambda a: a.id)])[0].id
    )


def test_the_lead_is_the_best_written(clinton: Article, christie: Article) -> None:
    # Longer body first (Western Journal's 554 words against HuffPost's 280) ...
    assert group([clinton, christie])[0].lead is christie
    # ... unless the extraction is doubtful ...
    truncated = dataclasses.replace(christie, warnings=("truncated",))
    assert group([clinton, truncated])[0].lead is clinton
    # ... then a named author, then more facts; the first given breaks ties.
    signed = dataclasses.replace(clinton, id="signed", authors=("Igor Bobic",))
    assert group([clinton, signed])[0].lead is signed
    bare = dataclasses.replace(clinton, id="bare", facts=Facts())
    assert group([bare, clinton])[0].lead is clinton
    twin = dataclasses.replace(clinton, id="twin")
    story = group([clinton, twin])[0]
    assert story.lead is clinton
    assert story.articles[0] is story.lead


def test_merged_facts_count_their_sources(clinton: Article, christie: Article) -> None:
    facts = group([clinton, christie])[0].facts
    people = {p.name: p for p in facts.people}
    assert people["Terence Crutcher"].sources == 2
    assert people["Hillary Clinton"].sources == 2
    assert people["Chris Christie"].sources == 1
    assert people["Chris Christie"].role == "New Jersey Gov."
    assert facts.people[0].sources == 2
    places = {p.name: p.sources for p in facts.places}
    assert places["Tulsa"] == 2
    # Both outlets quote the same remark; it is listed once, with its speaker.
    (remark,) = [q for q in facts.quotes if "How many times do we have to see this" in q.text]
    assert remark.sources == 2
    assert remark.speaker == "Hillary Clinton"
    assert sum("speaking directly to white people" in q.text for q in facts.quotes) == 1


def test_a_surname_merges_into_the_full_name_across_articles() -> None:
    first = read_article(
        "NATO defence chiefs meet in Brussels\n\n"
        "Speaking ahead of the talks, NATO Secretary General Jens Stoltenberg said Thursday that "
        "the alliance had seen a troubling escalation of Russian military activity in Syria.\n\n"
        "The defence ministers of NATO are scheduled to meet Thursday in Brussels."
    )
    second = read_article(
        "NATO ready to defend Turkey\n\n"
        "“NATO is ready and able to defend all allies, including Turkey, against any threats,” "
        "Secretary General Stoltenberg told reporters in Brussels on Thursday.\n\n"
        "Stoltenberg said Russia's actions were a cause for concern."
    )
    facts = merge_facts([first, second])
    people = {p.name: p for p in facts.people}
    assert "Stoltenberg" not in people
    assert people["Jens Stoltenberg"].sources == 2
    assert people["Jens Stoltenberg"].role == "NATO Secretary General"
    assert {o.name: o.sources for o in facts.organizations}["NATO"] == 2


def test_a_disagreement_on_a_number_is_a_conflict() -> None:
    radio = _read("algeria-radio-reuters", "Reuters London")
    text = (STORIES / "algeria-newspaper-reuters.txt").read_text(encoding="utf-8")
    # An outlet that carried only Le Matin's toll, not the security forces' one.
    newspaper = "\n\n".join(p for p in text.split("\n\n") if "security forces" not in p)
    paper = _read("algeria-newspaper-reuters", "Reuters Paris", text=newspaper)
    (story,) = group([radio, paper])
    (conflict,) = story.conflicts
    assert conflict.kind == "number"
    assert conflict.what == "people killed"
    assert conflict.text == "7 people killed (Reuters Paris) vs 2 (Reuters London)"
    assert [v.articles for v in conflict.values] == [(paper.id,), (radio.id,)]
    assert (
        find_conflicts([radio, paper])[0].text
        == "2 people killed (Reuters London) vs 7 (Reuters Paris)"
    )


def test_agreeing_numbers_and_a_source_giving_both_are_no_conflict() -> None:
    radio = _read("algeria-radio-reuters", "Reuters London")
    paper = _read("algeria-newspaper-reuters", "Reuters Paris")
    copy = dataclasses.replace(paper, id="copy", publisher="AFP")
    # The Paris report gives both tolls (security forces: two; Le Matin: seven).
    assert find_conflicts([radio, paper]) == ()
    assert find_conflicts([paper, copy]) == ()
    (story,) = group([radio, paper])
    numbers = {n.text: n.sources for n in story.facts.numbers}
    assert numbers["two people"] == 2
    assert numbers["50,000 people"] == 2
    assert numbers["seven people"] == 1
    assert {d.value: d.sources for d in story.facts.dates}["1996-08-30"] == 2


def _report(text: str, outlet: str) -> Article:
    article = read_article("Iraqi forces near Arbil\n\nPublished 1996-08-31\n\n" + text)
    return dataclasses.replace(article, publisher=outlet)


def test_numbers_in_different_units_never_conflict() -> None:
    km = _report("Iraqi tanks stood 10 km from Arbil on Saturday, the spokesman said.", "Reuters")
    miles = _report("Iraqi tanks stood six miles from Arbil on Saturday, the spokesman said.", "AP")
    other_km = _report("Iraqi tanks stood 15 km from Arbil on Saturday, the spokesman said.", "AP")
    assert find_conflicts([km, miles]) == ()
    (conflict,) = find_conflicts([km, other_km])
    assert conflict.text == "10 km (Reuters) vs 15 (AP)"


def test_unrelated_and_hedged_numbers_never_conflict() -> None:
    killed = _report("Two people were killed when a grenade exploded in a restaurant.", "Reuters")
    funeral = _report("Some 200 people attended the funeral in Algiers on Saturday.", "AP")
    mourners = _report("Three people attended the funeral in Algiers on Saturday.", "AFP")
    at_least = _report("At least five people were killed when a grenade exploded.", "AP")
    assert find_conflicts([killed, funeral]) == ()
    assert find_conflicts([killed, mourners]) == ()
    assert find_conflicts([killed, at_least]) == ()


def test_a_disagreement_on_a_date_is_a_conflict() -> None:
    one = _report("The talks will resume on September 3, 1996, officials said.", "Reuters")
    other = _report("The talks will resume on September 4, 1996, officials said.", "AP")
    same = _report("The talks will resume on September 3, 1996, diplomats said.", "AFP")
    (conflict,) = find_conflicts([one, other])
    assert conflict.kind == "date"
    assert conflict.text == "September 3, 1996 (Reuters) vs September 4, 1996 (AP)"
    assert find_conflicts([one, same]) == ()


def test_to_dict_is_the_json_of_a_story(clinton: Article, christie: Article) -> None:
    story = group([clinton, christie])[0]
    data = json.loads(json.dumps(story.to_dict()))
    assert data["id"] == story.id
    assert data["lead"] == christie.id
    assert data["articles"] == [christie.id, clinton.id]
    assert data["sources"][0] == {
        "outlet": "Western Journal",
        "published": "2016-09-21",
        "url": None,
        "article": christie.id,
    }
    assert {"name": "Terence Crutcher", "role": None}.items() <= data["facts"]["people"][0].items()
    assert data["facts"]["people"][0]["sources"] == 2
    assert set(data["facts"]) == {"people", "organizations", "places", "dates", "numbers", "quotes"}
    assert data["conflicts"] == []


def test_snapshot_round_trips_through_json(clinton: Article, christie: Article) -> None:
    seen = snapshot(group([clinton, christie])[0])
    assert Snapshot.from_json(seen.to_json()) == seen
    assert seen.sources == ("Western Journal", "HuffPost")
    assert "person:terence crutcher" in seen.facts


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('{"schema": "digest/1"}', "schema"),
        ('{"schema": "digest-story-snapshot/1", "story": "x", "articles": [1]}', "'articles'"),
    ],
)
def test_a_bad_snapshot_is_one_clear_error(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match="not a story snapshot") as raised:
        Snapshot.from_json(text)
    assert reason in str(raised.value)
    assert "\n" not in str(raised.value)


def test_changes_list_what_is_new_since_last_time(clinton: Article, christie: Article) -> None:
    before = group([clinton])[0]
    seen = Snapshot.from_json(snapshot(before).to_json())
    after = group([clinton, christie])[0]
    found = match(after, [seen])
    assert found == seen
    news = changes(found, after)
    assert [s.article for s in news.new_sources] == [christie.id]
    assert [s.outlet for s in news.new_sources] == ["Western Journal"]
    new_people = {f.text for f in news.new_facts if f.kind == "person"}
    assert "Chris Christie" in new_people
    assert "Terence Crutcher" not in new_people
    quotes = [q.text for q in news.new_quotes]
    assert any(q.startswith("She’s a disgrace") for q in quotes)
    # Clinton's remark was seen in HuffPost's wording already: not new in Western Journal's.
    assert not any("How many times do we have to see this" in q for q in quotes)
    assert news


def test_nothing_new_gives_empty_changes(clinton: Article, christie: Article) -> None:
    story = group([clinton, christie])[0]
    news = changes(snapshot(story), story)
    assert news == Changes()
    assert not news


def test_match_finds_a_story_whose_id_changed_and_nothing_for_others(
    clinton: Article, christie: Article
) -> None:
    first = dataclasses.replace(christie, id="ffffffffffffffff")
    old = snapshot(group([first])[0])
    joined = dataclasses.replace(clinton, id="0000000000000000")
    story = group([first, joined])[0]
    assert story.id != old.story
    other = snapshot(group([_read("trump-tax-politico")])[0])
    assert match(story, [other, old]) == old
    assert match(story, [other]) is None
    same = dataclasses.replace(other, story=story.id)
    assert match(story, [old, same]) == same
