"""Quotes and who said them: attributions read by grammar, a speaker only when sure.

Each row is an article's paragraphs and the (first words, speaker) of every quote digest
should return; the sentences are written for these tests, in the forms news prose uses.
"""

from __future__ import annotations

import pytest

from digest.facts import extract_facts

Row = tuple[tuple[str, ...], list[tuple[str, str | None]]]


def _quotes(*paragraphs: str) -> list[tuple[str, str | None]]:
    facts = extract_facts(tuple(paragraphs), title="", published="2024-03-08", language="en")
    return [(" ".join(q.text.split()[:3]), q.speaker) for q in facts.quotes]


GRAMMAR: list[Row] = [
    # A sentence the attribution interrupts after a few words: its rest is the same
    # speaker's, though the opening piece is too short to be a quote of its own.
    (
        (
            "“The risk,” said Helen Marsh, an economist at the state university, “is that we"
            " attract workers and repel the jobs.”",
        ),
        [("is that we", "Helen Marsh")],
    ),
    # ... but a short title or phrase before another speaker's words is no opening piece.
    (
        (
            "Helen Marsh called the plan “a disgrace” and left. Paul Ferris said: “We will"
            " vote for it on Monday all the same.”",
        ),
        [("We will vote", "Paul Ferris")],
    ),
    (
        ("Mayor Lena Okafor said: “We will open the new bridge before the summer rains.”",),
        [("We will open", "Lena Okafor")],
    ),
    (
        ("Coach Daniel Reyes said, “Our players gave everything they had tonight.”",),
        [("Our players gave", "Daniel Reyes")],
    ),
    (
        ("“The plant will close at the end of the year,” union leader Maria Santos said.",),
        [("The plant will", "Maria Santos")],
    ),
    (
        ("“Nobody told the families what had happened,” said Senator Paul Whitfield.",),
        [("Nobody told the", "Paul Whitfield")],
    ),
    (
        ("According to Dr. Helen Marsh, “the results hold up in every group we tested.”",),
        [("the results hold", "Helen Marsh")],
    ),
    (
        (
            "Governor Tom Brennan took questions after the vote.",
            "Brennan fired back: “If they want a fight over the budget, they will get one.”",
        ),
        [("If they want", "Tom Brennan")],
    ),
    (
        (
            "“We are not going anywhere,” Jane Miller said. “This town is our home.”",
            "“We will rebuild the school first,” Miller added.",
        ),
        [
            ("We are not", "Jane Miller"),
            ("This town is", "Jane Miller"),
            ("We will rebuild", "Jane Miller"),
        ],
    ),
    (
        (
            "Deputy Mayor Laura Chen spoke at the opening on Friday.",
            "“The library will stay open until midnight on weekdays,” she continued.",
        ),
        [("The library will", "Laura Chen")],
    ),
    (
        ("In Dr. Amal Haddad's words, “the virus spreads far faster indoors than we thought.”",),
        [("the virus spreads", "Amal Haddad")],
    ),
    (
        ("“I don’t want a war with the neighbours,” Carlos Mendes simpered in a morning post.",),
        [("I don’t want", "Carlos Mendes")],
    ),
    (
        (
            "Senator Rita Vance says she is “effectively tied for second place” with Senator"
            " Mark Dole, in a count that she said defied the polls.",
        ),
        [("effectively tied for", "Rita Vance")],
    ),
    (
        ("The rule “will cost farmers a great deal of money” next year, said Peter Olsen.",),
        [("will cost farmers", "Peter Olsen")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), GRAMMAR)
def test_attributions_are_read_by_their_grammar(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str | None]]
) -> None:
    assert _quotes(*paragraphs) == expected


NOT_THE_NEAREST_NAME: list[Row] = [
    # The addressee is not the speaker.
    (
        ("Chief Omar Farouk told Judge Karen Li: “My client was never at the house that night.”",),
        [("My client was", "Omar Farouk")],
    ),
    # A role glued to a name: the name after the role is the holder's.
    (
        ("“The numbers are simply wrong,” said Whitfield ally James Carver, a strategist.",),
        [("The numbers are", "James Carver")],
    ),
    # Someone unnamed beside a name says it, not the name.
    (
        (
            "Senator Ana Lopez has led the race for months.",
            "“She is not going to lose this one,” one Lopez aide said.",
        ),
        [("She is not", None)],
    ),
    (
        (
            "Robert Hale was found guilty on Tuesday.",
            "“He never once said he was sorry,” his wife said outside the court.",
        ),
        [("He never once", None)],
    ),
    (
        ("“The turnout will surprise people,” a Florida Democrat said.",),
        [("The turnout will", None)],
    ),
    # The sentence's subject is not the speaker when a parenthesis names another.
    (
        ("Diana Cole, a top aide said, “is very confident about the debate.”",),
        [("is very confident", None)],
    ),
    # Two people at once: not one speaker.
    (
        ("“We have found common ground on the budget,” Ron Tate and Ellen Park said.",),
        [("We have found", None)],
    ),
    # Explicit attributions with a description before the name.
    (
        ("Her mother Ami Carter said: “She wanted to be a nurse since she was a child.”",),
        [("She wanted to", "Ami Carter")],
    ),
    (
        (
            "“We heard the shots and ran to the back of the store,” said Lee Park's neighbour,"
            " Brian Kettle.",
        ),
        [("We heard the", "Brian Kettle")],
    ),
    # An organisation is never a speaker (docs/SPEC.md: speakers are people).
    (
        ("“We regret the delay and will refund every ticket,” the company said.",),
        [("We regret the", None)],
    ),
    (
        (
            "Acme Corp. responded on Monday. “No data was lost in the outage,” it said in a statement.",
        ),
        [("No data was", None)],
    ),
    # A question asked of someone is the asker's words.
    (
        ("Mayor Jon Beck was asked by reporter Sara Klein, “Will you run again next year?”",),
        [("Will you run", "Sara Klein")],
    ),
    (
        ("Mayor Jon Beck was asked, “Will you run again next year at all?”",),
        [("Will you run", None)],
    ),
    # A participle: the noun it hangs on, or the clause before its comma.
    (
        ("Dana Fry held up a sign saying “Hands off our public parks and lakes.”",),
        [("Hands off our", None)],
    ),
    (
        (
            "Nina Patel, the school's head, emailed parents on Monday, telling them, “The"
            " building is safe to use again.”",
        ),
        [("The building is", "Nina Patel")],
    ),
    # What a verb of saying reports ("adding that …") names no speaker of its own.
    (
        (
            "Speaking in Reno, Senator Tom Aldana said there is “only one candidate who can win"
            " this race,” adding that it is why Mayor Rick Stone “keeps attacking us every day.”",
        ),
        [("only one candidate", "Tom Aldana"), ("keeps attacking us", None)],
    ),
    # A name in a clause that describes the speaker is not the speaker.
    (
        (
            "Ruth Ebert, a surgeon who advised Governor Paul Crane on the law, said it had"
            " worked “by every measure we have, from access to cost to quality of care.”",
        ),
        [("by every measure", "Ruth Ebert")],
    ),
    (
        (
            "Mayor Paul Crane spoke first.",
            "Greg Lowry, an organiser who has feuded with Crane, wrote in an email: “This was"
            " the worst opening day the city has seen in decades.”",
        ),
        [("This was the", "Greg Lowry")],
    ),
    (
        (
            "“This new advert raises hard questions about the mayor's record,” Kate Pike, who"
            " chairs the Better Roads Fund said in a statement.",
        ),
        [("This new advert", "Kate Pike")],
    ),
    # A participle joined by "and" to another verb phrase: the subject is that clause's.
    (
        (
            "In June, after Mayor Ann Cole fell ill, Rob Axton emailed her, addressing her"
            " informally as “Annie” and telling her, “You are an all-star player and we need"
            " you for the long run!”",
        ),
        [("You are an", "Rob Axton")],
    ),
    # "“…!” She …" opens a new sentence: its "she" is not the quote's attribution.
    (
        (
            "Mayor Ann Cole fell ill in June. Rob Axton, a spokesman, wrote to her, “You are an"
            " all-star player and we need you for the long run!” She replied to him that it"
            " was an “honour to serve the city with you by my side.”",
        ),
        [("You are an", "Rob Axton"), ("honour to serve", "Ann Cole")],
    ),
    # A verb of saying inside what another reports: whose words they are is not sure.
    (
        (
            "At the rally, Governor Dan Price said that Mayor Joe Hart begged him for support"
            " and “would have gone down on his knees for it.”",
        ),
        [("would have gone", None)],
    ),
    # The clause after a finished quote that leads into the next quote is that quote's.
    (
        (
            "Mayor Lena Okafor was asked, “Would you have signed the order if you had known?”"
            " She replied, “I have no idea what I would have done then.”",
        ),
        [("Would you have", None), ("I have no", "Lena Okafor")],
    ),
    # A second speaker joined to an attribution: the next quote is not the first one's.
    (
        (
            "“Tell her I promised you a picture,” Betty Lowe said, and her husband cut in."
            " “Don’t forget me, I have known her since high school.”",
        ),
        [("Tell her I", "Betty Lowe"), ("Don’t forget me,", None)],
    ),
    # A verb followed by a quote of its own and then another named subject: that quote's.
    (
        (
            "In a clip that Judge Mary Olden called “distasteful,” Dale Kemp voiced a wish to"
            " “lock up every one of the inspectors for good.”",
        ),
        [("lock up every", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), NOT_THE_NEAREST_NAME)
def test_the_grammar_beats_the_nearest_name(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str | None]]
) -> None:
    assert _quotes(*paragraphs) == expected


ROLES_AND_PRONOUNS: list[Row] = [
    # "the president-elect" is resolved only when one listed person holds the role.
    (
        (
            "President-elect Maria Duarte met the outgoing cabinet on Monday.",
            "“We will keep every promise we made,” the president-elect said.",
        ),
        [("We will keep", "Maria Duarte")],
    ),
    (
        (
            "Senator Hugo Brandt and Senator Lisa Moore met on Monday.",
            "“The deal is done and signed,” the senator said.",
        ),
        [("The deal is", None)],
    ),
    # A pronoun goes to the nearest earlier subject of its gender; a woman's "she" never
    # to a man named since.
    (
        (
            "Elena Ruiz said she would sign the bill on Friday.",
            "Her rival Mark Stone called it a mistake.",
            "“It protects every renter in the city,” she said.",
        ),
        [("It protects every", "Elena Ruiz")],
    ),
    # "with X …-ing": X acts in the sentence, and is the nearest woman for the "she" after.
    (
        (
            "Most renters would pay more under the plan, said Nora Blake, an economist.",
            "It has become a major issue, with Senator Ada Wren — who wants a cap on"
            " rents — attacking the plan.",
            "“The kind of plan they have put forward would hurt every renter,” she said.",
        ),
        [("The kind of", "Ada Wren")],
    ),
    # Someone digest does not list spoke last: "he" is not sure to be the listed man.
    (
        (
            "Governor Frank Miles opened the session.",
            "Kasper, a farmer from the valley, said the water had run out in July.",
            "“We have nothing left to give the cattle,” he said.",
        ),
        [("We have nothing", None)],
    ),
    # A man's given name outweighs a "she" that opens the next sentence for someone the
    # article leaves unnamed: the woman's words never go to him.
    (
        (
            "A woman who has accused former Governor Frank Miles of fraud said on Sunday that"
            " Miles was trying to meet her weeks after the vote. She also described a call from"
            " his wife, Jane Miles.",
            "Rosa Delgado, who said Miles threatened her in 1998, spoke on the radio. She has"
            " said that the threat came in the spring.",
            "On Sunday, she disclosed for the first time that Frank Miles called her to meet"
            " again.",
            "“He called the clinic and they put the call through to my desk,” she said.",
        ),
        [("He called the", "Rosa Delgado")],
    ),
    # A sentence that opens with "And" has the name after it as its subject, not an object.
    (
        (
            "“No city has yet cut its traffic with buses alone,” Paul Ferris said.",
            "And Mayor Tom Reyes, for all the lanes he has opened, seems to agree. “We do not"
            " yet know what will work best,” he said.",
        ),
        [("No city has", "Paul Ferris"), ("We do not", "Tom Reyes")],
    ),
    # Two men share the subject: the "he" after may be either, so the quote gets no speaker.
    (
        (
            "“There is more paperwork than teaching in our schools,” Tom Baxter said.",
            "Baxter and Carl Ruiz, a farmer from the valley, argued that the state can do the"
            " work.",
            "“You have to take a very cynical view of the states,” he said.",
        ),
        [("There is more", "Tom Baxter"), ("You have to", None)],
    ),
    # ... a man and a woman do not: the "she" is hers.
    (
        (
            "Tom Baxter and Carla Ruiz argued that the state can do the work.",
            "“You have to take a very cynical view of the states,” she said.",
        ),
        [("You have to", "Carla Ruiz")],
    ),
    # A verb of saying after "to" is an infinitive: the phrase before it is not a new
    # speaker who could be the "he" ("called a donor to ask for money").
    (
        (
            "Tim Canova is running against the chairwoman in the primary.",
            "Canova said he has not held fundraising dinners and never called a donor to ask"
            " for money. “What the people here have done for me is wonderful,” he said.",
        ),
        [("What the people", "Tim Canova")],
    ),
    # A place that opens a sentence is no person who may be the "he" after it.
    (
        (
            "Hugh Tripp runs the campaign in the state.",
            "“We are trying to show some mercy to the bully,” Tripp said. South Carolina, he"
            " said, was “where we have a chance to win the whole thing.”",
        ),
        [("We are trying", "Hugh Tripp"), ("where we have", "Hugh Tripp")],
    ),
    # Nor does an adverb or a pronoun that opens a sentence ("Particularly", "Others").
    (
        (
            "“The risk rises with a bigger increase,” said Ben Ostrow, a labor economist."
            " Particularly in the poorer counties, he said, “we do not know what the answer"
            " will be.”",
        ),
        [("The risk rises", "Ben Ostrow"), ("we do not", "Ben Ostrow")],
    ),
    (
        (
            "The campaign has money to spare, said Katie Marsh, an outreach director. Others"
            " are “having to be leaner and deal with a smaller staff,” she said.",
        ),
        [("having to be", "Katie Marsh")],
    ),
    # "he added" carries on someone's words: a man named since who has not spoken may not
    # be the one who adds, so the quote gets no speaker ...
    (
        (
            "Zack Miller said he had received offers for the rifle, but “the offers were to"
            " use it in a way I did not like at all.”",
            "Police officer Tom Reyes holds up the rifle used in the case.",
            "“The rifle is fully functional and it will go to the highest bidder,” he added.",
        ),
        [("the offers were", "Zack Miller"), ("The rifle is", None)],
    ),
    # ... but when that man has spoken since, it is his.
    (
        (
            "Zack Miller said the sale was legal.",
            "Tom Reyes, the county sheriff, said the rifle would be tested. “We will look at"
            " every part of it,” he said. “Then we will decide what to do with it,” he added.",
        ),
        [("We will look", "Tom Reyes"), ("Then we will", "Tom Reyes")],
    ),
    # The one asked is who answers: a name inside the opening "Asked about …" phrase is
    # the question's topic, not the antecedent of the "she" who replies.
    (
        (
            "“They are very passionate and very principled people,” Clara Benton told the"
            " station on Monday.",
            "Asked whether Anna Kraus would beat Peter Holm in the final round, she replied:"
            " “I do not know yet what I will do.”",
        ),
        [("They are very", "Clara Benton"), ("I do not", "Clara Benton")],
    ),
    # ... and the name after the phrase's comma is the one who answers.
    (
        (
            "Clara Benton spoke first at the meeting.",
            "Asked about the plan, Anna Kraus said: “It will not pass the council this year.”",
        ),
        [("It will not", "Anna Kraus")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), ROLES_AND_PRONOUNS)
def test_roles_and_pronouns_resolve_only_when_sure(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str | None]]
) -> None:
    assert _quotes(*paragraphs) == expected


MARKS: list[Row] = [
    # British single marks hold quotes when the article quotes in them.
    (
        (
            "‘Heat waves are now far more likely than they were,’ said Dr Freya Olsen, a climate"
            " scientist.",
            "‘We measured it at every station in the country,’ she said.",
        ),
        [("Heat waves are", "Freya Olsen"), ("We measured it", "Freya Olsen")],
    ),
    # A title of a work is no quote.
    (
        ("He starred in “The Last Days of the Western Front” before his comeback.",),
        [],
    ),
    # An opening mark typed where a closing one belongs ends the quote there.
    (
        (
            "“The reality is that the plant cannot stay open past the winter,“ said Jim Cole,"
            " an engineer.",
        ),
        [("The reality is", "Jim Cole")],
    ),
    # Elsewhere single marks inside double ones are part of the quote.
    (
        ("“He told me, ‘Keep the door locked at night,’ and then he left,” Ann Lee said.",),
        [("He told me,", "Ann Lee")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), MARKS)
def test_quotation_marks_of_every_kind(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str | None]]
) -> None:
    assert _quotes(*paragraphs) == expected
