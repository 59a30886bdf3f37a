"""The real data of the 2017–2018 NAFTA renegotiation that nafta-tracker ships with.

Two news articles started the project: an AFP report on the close of the Montreal
round (source ``afp-montreal-round-close``) and a report on Canada's chief
negotiator Steve Verheul saying the parties were "quite a distance away"
(source ``verheul-quite-a-distance``). Everything they state is here, linked to
them. Round dates and places, and the days behind "Monday" and "Wednesday",
come from the public record, each with its own source.

Rules followed:
* Quotes are verbatim as printed (including the copy's typography, such as the
  missing spaces in "issues.So,"), without the surrounding quotation marks and
  without the comma that belongs to the attribution.
* Reported speech keeps the article's own sentence and is marked as such.
* Where an article leaves a fact open (a headline, an outlet, a publication
  date), the data leaves it open.
* Dates say how precise they are; ``date_text`` keeps the article's wording and
  how it was resolved.

Everything is keyed by slugs (or by source and text for statements) so that the
loader can run any number of times without duplicating anything.
"""

from __future__ import annotations

import datetime as dt

D = dt.date

AFP = "afp-montreal-round-close"
VERHEUL = "verheul-quite-a-distance"
TIMELINE = "record-12-steps-timeline"
ROUND7_REPORT = "mexico-now-round-7"
ROUND4_REPORT = "epoch-times-round-4"
ROUND6_REPORT = "global-news-round-6-close"
UNIFOR = "unifor-roundtable-advisory"
ROUND7_CLOSE = "ncc-round-7-concludes"
MEXICO_TERM = "cm-trade-law-nafta"

MONTREAL_MONDAY = "Monday, at the close of the Montreal round (29 January 2018, public record)"
VERHEUL_WEDNESDAY = '"today"; Verheul was in Ottawa Wednesday for the Unifor roundtable (28 March 2018)'
CNBC_WEDNESDAY = "Wednesday (28 March 2018, the day of the article)"

PARTIES = [
    {"slug": "canada", "name": "Canada", "short_name": "Canada", "iso_code": "CA"},
    {"slug": "united-states", "name": "United States", "short_name": "U.S.", "iso_code": "US"},
    {"slug": "mexico", "name": "Mexico", "short_name": "Mexico", "iso_code": "MX"},
]

SOURCES = [
    {
        "slug": AFP,
        "kind": "article",
        "outlet": "AFP",
        "title": "",
        "description": "Report on the close of the Montreal round of NAFTA talks",
        "url": "",
        "published_on": None,
        "author": "",
        "dateline": "Ottawa",
        "notes": (
            'Our copy has no headline, author or date. It reports remarks made "Monday" at the close of '
            "the weeklong Montreal round; the photo caption shows Chrystia Freeland and Robert Lighthizer "
            "at the close of the round."
        ),
    },
    {
        "slug": VERHEUL,
        "kind": "article",
        "outlet": "",
        "title": "",
        "description": 'Report on Steve Verheul saying the parties are still "quite a distance away"',
        "url": "",
        "published_on": None,
        "author": "",
        "dateline": "",
        "notes": (
            'Our copy names no outlet, headline, author or date. It reports Verheul speaking "today" to '
            'reporters in Ottawa, where he met Unifor\'s Jerry Dias "Wednesday", and a CNBC interview '
            'Lighthizer gave "Wednesday".'
        ),
    },
    {
        "slug": TIMELINE,
        "kind": "reference",
        "outlet": "The Record",
        "title": "In 12 steps: How troubled NAFTA 2.0 talks unfolded",
        "description": "",
        "url": "https://www.therecord.com/news-story/8936539-in-12-steps-how-troubled-nafta-2-0-talks-unfolded/",
        "published_on": D(2018, 10, 1),
        "author": "",
        "dateline": "",
        "notes": "Timeline of the negotiating rounds with their dates and cities.",
    },
    {
        "slug": ROUND4_REPORT,
        "kind": "article",
        "outlet": "The Epoch Times",
        "title": "NAFTA: Countries Admit Talks Struggling, Deadline Pushed Into 2018",
        "description": "",
        "url": "https://www.theepochtimes.com/world/nafta-countries-admit-talks-struggling-deadline-pushed-into-2018-2335781",
        "published_on": None,
        "author": "",
        "dateline": "Washington",
        "notes": "The fourth round closed with a joint news conference in Washington on Oct. 17, 2017.",
    },
    {
        "slug": ROUND6_REPORT,
        "kind": "article",
        "outlet": "Global News",
        "title": "",
        "description": "Report on the close of the sixth round in Montreal",
        "url": "https://globalnews.ca/news/3992931/update-state-nafta-negotiations-group-meeting-montreal/",
        "published_on": D(2018, 1, 29),
        "author": "",
        "dateline": "Montreal",
        "notes": "Dates Lighthizer's verdict on the sixth round, given with Freeland and Guajardo, to Monday 29 January 2018.",
    },
    {
        "slug": ROUND7_REPORT,
        "kind": "article",
        "outlet": "Mexico Now",
        "title": "Seventh round of NAFTA talks concludes three chapters, leaves six more near completion",
        "description": "",
        "url": (
            "http://www.mexico-now.com/index.php/article/3716-seventh-round-of-nafta-talks-concludes-three-"
            "chapters-leaves-six-more-near-completion"
        ),
        "published_on": None,
        "author": "",
        "dateline": "",
        "notes": "The seventh round began on Sunday, February 25 and ended on the day of the report (March 5, 2018).",
    },
    {
        "slug": ROUND7_CLOSE,
        "kind": "article",
        "outlet": "NCC Washington Report",
        "title": "Seventh Round of NAFTA Negotiations Concludes, Progress Slow",
        "description": "",
        "url": "https://nccwashingtonreport.com/2018/03/09/seventh-round-nafta-negotiations-concludes-progress-slow/",
        "published_on": D(2018, 3, 9),
        "author": "",
        "dateline": "",
        "notes": "The seventh round concluded on Monday, March 5; Mexico chooses a new president on July 1.",
    },
    {
        "slug": UNIFOR,
        "kind": "press_release",
        "outlet": "Unifor",
        "title": "Unifor hosts NAFTA: A Worker's View Roundtable",
        "description": "",
        "url": "https://www.unifor.org/news/all-news/unifor-hosts-nafta-a-workers-view-roundtable",
        "published_on": None,
        "author": "",
        "dateline": "Ottawa",
        "notes": (
            "Media advisory: Unifor National President Jerry Dias hosts the roundtable with Canada's chief "
            "NAFTA negotiator Steve Verheul and Mexican and Canadian labour leaders on Wednesday, March 28, "
            "at the Lord Elgin Hotel in Ottawa."
        ),
    },
    {
        "slug": MEXICO_TERM,
        "kind": "reference",
        "outlet": "Cassidy Levy Kent (cmtradelaw.com)",
        "title": "NAFTA archives",
        "description": "",
        "url": "https://www.cmtradelaw.com/category/nafta/",
        "published_on": None,
        "author": "",
        "dateline": "",
        "notes": "States that Mexican President Enrique Peña Nieto's term ends on December 1, 2018.",
    },
]

OFFICIALS = [
    {
        "slug": "chrystia-freeland",
        "name": "Chrystia Freeland",
        "title": "Foreign Affairs Minister",
        "role": "minister",
        "party": "canada",
        "organisation": "Government of Canada",
        "source": AFP,
    },
    {
        "slug": "robert-lighthizer",
        "name": "Robert Lighthizer",
        "title": "U.S. Trade Representative",
        "role": "trade_representative",
        "party": "united-states",
        "organisation": "Office of the U.S. Trade Representative",
        "source": AFP,
    },
    {
        "slug": "ildefonso-guajardo",
        "name": "Ildefonso Guajardo",
        "title": "Secretary of the Economy",
        "role": "minister",
        "party": "mexico",
        "organisation": "Government of Mexico",
        "source": AFP,
    },
    {
        "slug": "steve-verheul",
        "name": "Steve Verheul",
        "title": "Chief NAFTA negotiator",
        "role": "chief_negotiator",
        "party": "canada",
        "organisation": "Government of Canada",
        "source": VERHEUL,
    },
    {
        "slug": "jerry-dias",
        "name": "Jerry Dias",
        "title": "National President",
        "role": "stakeholder",
        "party": None,
        "organisation": "Unifor",
        "source": VERHEUL,
    },
    {
        "slug": "donald-trump",
        "name": "Donald Trump",
        "title": "President",
        "role": "head_of_government",
        "party": "united-states",
        "organisation": "Government of the United States",
        "source": AFP,
    },
]

ROUNDS = [
    {
        "number": 1,
        "slug": "round-1-washington",
        "city": "Washington",
        "host_party": "united-states",
        "start_date": D(2017, 8, 16),
        "end_date": D(2017, 8, 20),
        "source": TIMELINE,
        "summary": "",
    },
    {
        "number": 2,
        "slug": "round-2-mexico-city",
        "city": "Mexico City",
        "host_party": "mexico",
        "start_date": D(2017, 9, 1),
        "end_date": D(2017, 9, 5),
        "source": TIMELINE,
        "summary": "",
    },
    {
        "number": 3,
        "slug": "round-3-ottawa",
        "city": "Ottawa",
        "host_party": "canada",
        "start_date": D(2017, 9, 23),
        "end_date": D(2017, 9, 27),
        "source": TIMELINE,
        "summary": "",
    },
    {
        "number": 4,
        "slug": "round-4-washington",
        "city": "Washington",
        "host_party": "united-states",
        "start_date": D(2017, 10, 11),
        "end_date": D(2017, 10, 17),
        "source": ROUND4_REPORT,
        "summary": "Closed with a joint news conference of the three ministers in Washington on 17 October 2017.",
    },
    {
        "number": 5,
        "slug": "round-5-mexico-city",
        "city": "Mexico City",
        "host_party": "mexico",
        "start_date": D(2017, 11, 15),
        "end_date": D(2017, 11, 21),
        "source": TIMELINE,
        "summary": "",
    },
    {
        "number": 6,
        "slug": "round-6-montreal",
        "city": "Montreal",
        "host_party": "canada",
        "start_date": D(2018, 1, 23),
        "end_date": D(2018, 1, 29),
        "source": TIMELINE,
        "summary": (
            "Weeklong talks in which negotiators bore down on key issues, averting a feared collapse of the bloc. "
            "With Washington accusing Canada of intransigence, Ottawa presented new proposals on several key "
            "sticking points; the Americans did not outright reject Canada's ideas on the auto sector, dispute "
            "settlement and a periodic NAFTA review in lieu of a sunset clause."
        ),
    },
    {
        "number": 7,
        "slug": "round-7-mexico-city",
        "city": "Mexico City",
        "host_party": "mexico",
        "start_date": D(2018, 2, 25),
        "end_date": D(2018, 3, 5),
        "source": ROUND7_REPORT,
        "summary": 'The next round "in Mexico at the end of February" announced at the close of the Montreal round.',
    },
]

ISSUES = [
    {
        "slug": "auto-rules-of-origin",
        "title": "Auto rules of origin",
        "kind": "topic",
        "description": "How much of a vehicle must be made in North America, or in the United States, to trade duty-free.",
    },
    {
        "slug": "dispute-settlement",
        "title": "Dispute settlement",
        "kind": "chapter",
        "description": "How disputes under the agreement are settled, and whether the provisions are enforceable.",
    },
    {
        "slug": "sunset-clause",
        "title": "Sunset clause and periodic review",
        "kind": "topic",
        "description": (
            "A sunset clause proposed by US President Donald Trump, and Canada's alternative: a periodic "
            "NAFTA review in lieu of it."
        ),
    },
    {
        "slug": "government-procurement",
        "title": "Government procurement",
        "kind": "chapter",
        "description": "Access to government contracts; Canada has concerns about the U.S. proposals.",
    },
    {
        "slug": "trade-imbalance",
        "title": "Trade imbalance",
        "kind": "topic",
        "description": "Canada and the United States are at odds over the amount of their trade imbalance.",
    },
    {
        "slug": "steel-and-aluminium-tariffs",
        "title": "Steel and aluminium tariffs",
        "kind": "topic",
        "description": (
            "New U.S. tariffs on steel and aluminum, from which Canada and Mexico were given an exemption that "
            "could be suspended if the May 1 deadline is not met."
        ),
    },
    {
        "slug": "anti-corruption",
        "title": "Anti-corruption",
        "kind": "chapter",
        "description": "",
    },
    {
        "slug": "customs-and-trade-facilitation",
        "title": "Customs and trade facilitation",
        "kind": "chapter",
        "description": "",
    },
    {
        "slug": "information-and-communication-technologies",
        "title": "Information and communication technologies",
        "kind": "chapter",
        "description": "",
    },
    {
        "slug": "chemicals-annex",
        "title": "Chemicals annex",
        "kind": "annex",
        "description": "Sectoral annex on chemicals.",
    },
    {
        "slug": "pharmaceuticals-annex",
        "title": "Pharmaceuticals annex",
        "kind": "annex",
        "description": "Sectoral annex on pharmaceuticals.",
    },
    {
        "slug": "workers-rights",
        "title": "Workers' rights",
        "kind": "topic",
        "description": "Labour standards; the subject of the Unifor roundtable with Mexican and Canadian labour leaders.",
    },
]

# Pairs of issues the articles name together.
RELATED_ISSUES = [
    ("chemicals-annex", "pharmaceuticals-annex"),
]

STATUS_ASSESSMENTS = [
    # At the close of the Montreal round (AFP).
    {
        "issue": "auto-rules-of-origin",
        "status": "under_discussion",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Canada presented new proposals on the auto sector; the Americans did not outright reject them.",
    },
    {
        "issue": "dispute-settlement",
        "status": "under_discussion",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Canada presented new ideas on dispute settlement; the Americans did not outright reject them.",
    },
    {
        "issue": "sunset-clause",
        "status": "under_discussion",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": (
            "Canada proposed a periodic NAFTA review in lieu of the sunset clause; the Americans did not "
            "outright reject it."
        ),
    },
    {
        "issue": "trade-imbalance",
        "status": "far_apart",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Canada and the United States remain at odds over the amount of their trade imbalance.",
    },
    {
        "issue": "anti-corruption",
        "status": "progressing",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Ildefonso Guajardo said progress was made on anti-corruption.",
    },
    {
        "issue": "customs-and-trade-facilitation",
        "status": "progressing",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Ildefonso Guajardo said progress was made on customs and trade facilitation.",
    },
    {
        "issue": "information-and-communication-technologies",
        "status": "progressing",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Ildefonso Guajardo said progress was made on information and communication technologies.",
    },
    {
        "issue": "chemicals-annex",
        "status": "near_agreement",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Ildefonso Guajardo said the parties were close to wrapping up the annex on chemicals.",
    },
    {
        "issue": "pharmaceuticals-annex",
        "status": "near_agreement",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "source": AFP,
        "note": "Ildefonso Guajardo said the parties were close to wrapping up the annex on pharmaceuticals.",
    },
    # Spring 2018, as Steve Verheul saw it.
    {
        "issue": "auto-rules-of-origin",
        "status": "far_apart",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "source": VERHEUL,
        "note": (
            'Even after the U.S. dropped its 50 per cent American-content demand, Verheul: "we are still quite '
            'a distance away from any kind of agreement on the approach to auto rules of origin".'
        ),
    },
    {
        "issue": "dispute-settlement",
        "status": "far_apart",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "source": VERHEUL,
        "note": (
            "Verheul named dispute settlement, and making its provisions enforceable, among the issues "
            '"going to be difficult to resolve".'
        ),
    },
    {
        "issue": "government-procurement",
        "status": "far_apart",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "source": VERHEUL,
        "note": 'Canada has concerns about U.S. proposals on government procurement, an issue "difficult to resolve".',
    },
    {
        "issue": "sunset-clause",
        "status": "far_apart",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "source": VERHEUL,
        "note": 'Canada has concerns about the U.S. proposal on the sunset clause, an issue "difficult to resolve".',
    },
]

POSITIONS = [
    {
        "issue": "auto-rules-of-origin",
        "party": "united-states",
        "kind": "demand",
        "summary": (
            "All vehicles made in Canada and Mexico bound for the U.S. market must contain at least 50 per cent "
            "American-made components."
        ),
        "round": 4,
        "date": D(2017, 10, 17),
        "date_precision": "approximate",
        "date_text": (
            "The article does not say when the demand was made; the U.S. auto proposals came at the fourth round "
            "(public record: The Record's timeline)."
        ),
        "source": VERHEUL,
    },
    {
        "issue": "auto-rules-of-origin",
        "party": "canada",
        "kind": "counter_proposal",
        "summary": "Presented new proposals on the auto sector at the Montreal round; the Americans did not outright reject them.",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "approximate",
        "date_text": "During the Montreal round",
        "source": AFP,
    },
    {
        "issue": "auto-rules-of-origin",
        "party": "united-states",
        "kind": "concession",
        "summary": (
            "Dropped the contentious demand that all vehicles made in Canada and Mexico bound for the U.S. market "
            "contain at least 50 per cent American-made components."
        ),
        "round": None,
        "date": D(2018, 3, 21),
        "date_precision": "approximate",
        "date_text": '"last week", the week before the article of 28 March 2018',
        "source": VERHEUL,
    },
    {
        "issue": "dispute-settlement",
        "party": "canada",
        "kind": "counter_proposal",
        "summary": "Presented new ideas on dispute settlement at the Montreal round; the Americans did not outright reject them.",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "approximate",
        "date_text": "During the Montreal round",
        "source": AFP,
    },
    {
        "issue": "dispute-settlement",
        "party": "canada",
        "kind": "demand",
        "summary": "Dispute settlement provisions must be enforceable in any kind of new NAFTA.",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "source": VERHEUL,
    },
    {
        "issue": "sunset-clause",
        "party": "united-states",
        "kind": "proposal",
        "summary": 'A five-year automatic "sunset" or kill clause for NAFTA.',
        "round": 4,
        "date": D(2017, 10, 17),
        "date_precision": "approximate",
        "date_text": "During the fourth round in Washington",
        "source": TIMELINE,
    },
    {
        "issue": "sunset-clause",
        "party": "canada",
        "kind": "counter_proposal",
        "summary": "A periodic NAFTA review in lieu of the sunset clause proposed by US President Donald Trump.",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "approximate",
        "date_text": "During the Montreal round",
        "source": AFP,
    },
    {
        "issue": "sunset-clause",
        "party": "canada",
        "kind": "opposition",
        "summary": "Has concerns about the U.S. proposal on the sunset clause.",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "source": VERHEUL,
    },
    {
        "issue": "government-procurement",
        "party": "canada",
        "kind": "opposition",
        "summary": "Has concerns about U.S. proposals on government procurement.",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "source": VERHEUL,
    },
    {
        "issue": "steel-and-aluminium-tariffs",
        "party": "united-states",
        "kind": "demand",
        "summary": (
            "Established a May 1 deadline to get a deal as quickly as possible; if it is not met, the Trump "
            "administration could suspend the exemption it gave Canada and Mexico on new steel and aluminum tariffs."
        ),
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "approximate",
        "date_text": "Reported in the article of 28 March 2018; when the deadline was set is not stated",
        "source": VERHEUL,
    },
]

# Statements: quotes verbatim, reported speech as printed.
STATEMENTS = [
    # --- AFP, close of the Montreal round ---------------------------------------------
    {
        "source": AFP,
        "speaker": None,
        "attribution": "a US trade official",
        "attributed_party": "united-states",
        "kind": "reported",
        "text": (
            "Talks aimed at revamping the North American Free Trade Agreement have advanced slowly, a US trade "
            "official said Monday, while holding out hope for breakthroughs in the next round of talks."
        ),
        "context": "",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": None,
        "attribution": "Washington",
        "attributed_party": "united-states",
        "kind": "reported",
        "text": (
            "With Washington accusing Canada of intransigence, Ottawa changed tack and presented new proposals on "
            "several key sticking points."
        ),
        "context": "",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "approximate",
        "date_text": "During the Montreal round",
        "tone": "critical",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": "robert-lighthizer",
        "kind": "quote",
        "text": (
            "We finally began to discuss some of the core issues.So, this round was a step forward.But we are "
            "progressing very slowly"
        ),
        "context": "",
        "occasion": "news conference",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": "robert-lighthizer",
        "kind": "quote",
        "text": (
            "We\u2019ll work hard between now and the beginning of the next round (in Mexico at the end of February) "
            "and we hope for major breakthroughs during that period"
        ),
        "context": "",
        "occasion": "news conference",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "optimistic",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": "chrystia-freeland",
        "kind": "quote",
        "text": "pleased with the progress that has been achieved here this week.",
        "context": "said she was",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "optimistic",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": "chrystia-freeland",
        "kind": "quote",
        "text": (
            "Canadians do not view trade as a zero sum game in which one side must lose in order for the other to win"
        ),
        "context": "",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "neutral",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": "chrystia-freeland",
        "kind": "quote",
        "text": (
            "We\u2019ve also said from the outset, last August, that we believe that NAFTA must be updated and "
            "improved and that the benefits of trade must flow more broadly to more people in order for that "
            "trade to be sustainable."
        ),
        "context": "",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "neutral",
        "issues": [],
    },
    {
        "source": AFP,
        "speaker": "ildefonso-guajardo",
        "kind": "reported",
        "text": (
            "Mexico\u2019s secretary of the economy, Ildefonso Guajardo, meanwhile, said progress was made on "
            "anti-corruption, customs and trade facilitation, and information and communication technologies."
        ),
        "context": "",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "optimistic",
        "issues": ["anti-corruption", "customs-and-trade-facilitation", "information-and-communication-technologies"],
    },
    {
        "source": AFP,
        "speaker": "ildefonso-guajardo",
        "kind": "reported",
        "text": "He also said the parties were close to wrapping up annexes on chemicals and pharmaceuticals",
        "context": "",
        "occasion": "",
        "round": 6,
        "date": D(2018, 1, 29),
        "date_precision": "day",
        "date_text": MONTREAL_MONDAY,
        "tone": "optimistic",
        "issues": ["chemicals-annex", "pharmaceuticals-annex"],
    },
    # --- Verheul: "quite a distance away" ---------------------------------------------
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "reported",
        "text": (
            'Canada, the United States and Mexico are still "quite a distance away" from agreement on key '
            "aspects of a revised North American Free Trade Agreement, Canada's chief NAFTA negotiator said today."
        ),
        "context": "",
        "occasion": "speaking to reporters in Ottawa",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "reported",
        "text": (
            "Lead Canadian negotiator Steve Verheul said that while that compromise was a positive signal, there "
            "are still outstanding issues that need to be resolved."
        ),
        "context": "",
        "occasion": "speaking to reporters in Ottawa",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": ["auto-rules-of-origin"],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "quote",
        "text": (
            "Right now, we are still quite a distance away from any kind of agreement on the approach to auto "
            "rules of origin"
        ),
        "context": "",
        "occasion": "speaking to reporters in Ottawa",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": ["auto-rules-of-origin"],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "quote",
        "text": (
            "We had issues around dispute settlement and ensuring that dispute settlement provisions will be "
            "enforceable in any kind of new NAFTA."
        ),
        "context": "",
        "occasion": "speaking to reporters in Ottawa",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": ["dispute-settlement"],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "quote",
        "text": (
            "We have concerns about U.S. proposals on government procurement, we have concerns about the U.S. "
            "proposal on the sunset clause, a number of other issues that are going to be difficult to resolve."
        ),
        "context": "",
        "occasion": "speaking to reporters in Ottawa",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "critical",
        "issues": ["government-procurement", "sunset-clause"],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "quote",
        "text": (
            "We've made it clear to the U.S. we're prepared to negotiate at any time, any place, for as long as "
            "they're prepared to negotiate"
        ),
        "context": "",
        "occasion": "",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "quote",
        "text": "But so far, we haven't really seen that process get going.",
        "context": "",
        "occasion": "",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "critical",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "quote",
        "text": (
            "I think if we're going to try to move this process forward we need to work very intensively over the "
            "coming weeks."
        ),
        "context": "",
        "occasion": "",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "steve-verheul",
        "kind": "reported",
        "text": (
            "Verheul said he has not yet received a formal invitation to the next round of meetings and he's still "
            "waiting to see whether that will happen."
        ),
        "context": "",
        "occasion": "",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": VERHEUL_WEDNESDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "robert-lighthizer",
        "kind": "quote",
        "text": "I'm hopeful. I think we are making progress. All three parties want to move forward",
        "context": "",
        "occasion": "interview with U.S. broadcaster CNBC",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": CNBC_WEDNESDAY,
        "tone": "optimistic",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "robert-lighthizer",
        "kind": "quote",
        "text": (
            "If there's a real effort made to try to close out and to compromise and to do some of the things we "
            "all know we should do, I'm optimistic we can get something done, in principle, in the next little bit."
        ),
        "context": "",
        "occasion": "interview with U.S. broadcaster CNBC",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": CNBC_WEDNESDAY,
        "tone": "optimistic",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "robert-lighthizer",
        "kind": "reported",
        "text": (
            "Lighthizer acknowledged there is political pressure on the U.S. to reach a new agreement before the "
            "current Mexican government leaves office because there is worry \u2014 with a new government \u2014 that "
            "NAFTA talks could drag into 2019."
        ),
        "context": "",
        "occasion": "interview with U.S. broadcaster CNBC",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": CNBC_WEDNESDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": "robert-lighthizer",
        "kind": "quote",
        "text": "We have a short window because of elections and things beyond our control",
        "context": "",
        "occasion": "interview with U.S. broadcaster CNBC",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": CNBC_WEDNESDAY,
        "tone": "cautious",
        "issues": [],
    },
    {
        "source": VERHEUL,
        "speaker": None,
        "attribution": "one trade expert",
        "attributed_party": None,
        "kind": "reported",
        "text": (
            "The absolute drop-dead date for starting that 195-day clock, before a new Congress takes office on "
            "Jan. 3, 2019, is June 21 \u2014 although one trade expert says the practical deadline is even earlier."
        ),
        "context": "",
        "occasion": "",
        "round": None,
        "date": D(2018, 3, 28),
        "date_precision": "approximate",
        "date_text": '"says", as of the article of 28 March 2018',
        "tone": "cautious",
        "issues": [],
    },
]

MILESTONES = [
    {
        "slug": "may-1-deadline",
        "title": "U.S. deadline for a deal",
        "kind": "deadline",
        "date": D(2018, 5, 1),
        "date_precision": "day",
        "date_text": "May 1",
        "party": "united-states",
        "source": VERHEUL,
        "description": (
            "In an effort to get a deal as quickly as possible, the U.S. has established a May 1 deadline. If the "
            "deadline is not met, the Trump administration could suspend an exemption it gave Canada and Mexico "
            "on new steel and aluminum tariffs."
        ),
        "issues": ["steel-and-aluminium-tariffs"],
        "officials": [],
    },
    {
        "slug": "june-21-195-day-clock",
        "title": "Last day to start the 195-day clock",
        "kind": "deadline",
        "date": D(2018, 6, 21),
        "date_precision": "day",
        "date_text": "June 21",
        "party": "united-states",
        "source": VERHEUL,
        "description": (
            "U.S. domestic trade law requires 195 days for consultations on a new trade agreement before lawmakers "
            "can vote. June 21 is the absolute drop-dead date for starting that clock before a new Congress takes "
            "office on Jan. 3, 2019; one trade expert says the practical deadline is even earlier."
        ),
        "issues": [],
        "officials": [],
    },
    {
        "slug": "new-congress-2019",
        "title": "New U.S. Congress takes office",
        "kind": "transition",
        "date": D(2019, 1, 3),
        "date_precision": "day",
        "date_text": "Jan. 3, 2019",
        "party": "united-states",
        "source": VERHEUL,
        "description": "A new Congress takes office; the 195-day clock must start by June 21, 2018 for a vote before it.",
        "issues": [],
        "officials": [],
    },
    {
        "slug": "unifor-workers-roundtable",
        "title": "Unifor roundtable on workers' rights",
        "kind": "meeting",
        "date": D(2018, 3, 28),
        "date_precision": "day",
        "date_text": "Wednesday",
        "party": None,
        "source": VERHEUL,
        "description": (
            "Verheul was in Ottawa to meet with Unifor National President Jerry Dias and Mexican and Canadian "
            "labour leaders for a roundtable on worker's rights."
        ),
        "issues": ["workers-rights"],
        "officials": ["steve-verheul", "jerry-dias"],
    },
    {
        "slug": "mexico-presidential-election-2018",
        "title": "Mexican presidential election",
        "kind": "election",
        "date": D(2018, 7, 1),
        "date_precision": "day",
        "date_text": "July 1",
        "party": "mexico",
        "source": ROUND7_CLOSE,
        "description": 'Mexico chooses a new president, one of the elections that give the talks a "short window".',
        "issues": [],
        "officials": [],
    },
    {
        "slug": "mexican-government-leaves-office-2018",
        "title": "Current Mexican government leaves office",
        "kind": "transition",
        "date": D(2018, 12, 1),
        "date_precision": "day",
        "date_text": "December 1, when President Enrique Peña Nieto's term ends",
        "party": "mexico",
        "source": MEXICO_TERM,
        "description": (
            "Lighthizer acknowledged political pressure to reach a new agreement before the current Mexican "
            "government leaves office."
        ),
        "issues": [],
        "officials": [],
    },
]
