#!/usr/bin/env python3
"""Held-out EHCPs from a different producer than `samples/`.

Writes eight fictional plans into tests/heldout/*.docx and their ground truth
into tests/heldout/expected/*.json (the shape of samples/expected/*.json,
plus `id_in_document` on items whose label the document prints, and
`empty_sections`, `planted_defects`).

The layouts are ones `samples/src/layouts.rs` does not produce and that
local authorities use: every section in one two-column table; "Part B"
and "B." headings in Normal style; combined "Sections B, E and F" headings
over one Need | Outcome | Provision table per area of need (with a combined
heading whose sections are empty); "Long-term outcome / Short-term steps"
tables and five-column provision tables; needs as bullets under area
sub-headings; labels inside the text ("B1 Isla finds", "Outcome 1:",
"(a)"); H1/H2 split, I naming a type only, J "not applicable", K as a list;
a Preparing-for-Adulthood plan; headings with trailing page numbers and
"(continued)"; section banners in one-cell tables.

All names, schools and authorities are fictional. Output is deterministic:
fixed core properties and fixed zip timestamps.

    python3 tests/heldout/make_heldout.py
"""

import datetime
import io
import json
import os
import zipfile

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2026, 1, 5, 9, 0, 0)

C_AND_I = "Communication and interaction"
C_AND_L = "Cognition and learning"
SEMH = "Social, emotional and mental health"
SENSORY = "Sensory and/or physical"
HEALTH = "Health"
SOCIAL = "Social care"


# ---------------------------------------------------------------- model


class Plan:
    def __init__(self, file, layout, la, child, plan_date, status="final"):
        self.file = file
        self.layout = layout
        self.la = la
        self.child = child
        self.plan_date = plan_date
        self.status = status
        self.aspirations = []
        self.needs = []
        self.outcomes = []
        self.provision = []
        self.placement = []
        self.advice = []
        self.sections = []
        self.empty_sections = []
        self.defects = []

    def need(self, id, section, area, text, shown=False):
        n = {"id": id, "section": section, "area": area, "text": text, "id_in_document": shown}
        self.needs.append(n)
        return n

    def outcome(self, id, area, text, needs, steps=(), pfa=None, shown=False):
        o = {
            "id": id,
            "area": area,
            "text": text,
            "needs": list(needs),
            "steps": list(steps),
            "preparing_for_adulthood": pfa,
            "id_in_document": shown,
        }
        self.outcomes.append(o)
        return o

    def prov(self, id, section, area, text, needs, outcomes, who=None, frequency=None, shown=False):
        p = {
            "id": id,
            "section": section,
            "area": area,
            "text": text,
            "needs": list(needs),
            "outcomes": list(outcomes),
            "who": who,
            "frequency": frequency,
            "id_in_document": shown,
        }
        self.provision.append(p)
        return p

    def defect(self, rule, section, quote, note):
        self.defects.append({"rule": rule, "section": section, "quote": quote, "note": note})

    def mark(self, *sids):
        for s in sids:
            self.sections.append(s)

    def by_id(self, kind, id):
        return next(x for x in getattr(self, kind) if x["id"] == id)

    def expected(self):
        return {
            "file": self.file,
            "layout": self.layout,
            "local_authority": self.la,
            "child": self.child,
            "plan_date": self.plan_date,
            "status": self.status,
            "sections": self.sections,
            "empty_sections": self.empty_sections,
            "aspirations": self.aspirations,
            "needs": self.needs,
            "outcomes": self.outcomes,
            "provision": self.provision,
            "placement": self.placement,
            "advice": self.advice,
            "planted_defects": self.defects,
        }


# ---------------------------------------------------------------- writing helpers


def new_doc(plan):
    doc = Document()
    cp = doc.core_properties
    cp.author = plan.la
    cp.last_modified_by = plan.la
    cp.title = "Education, Health and Care Plan"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    return doc


def para(container, text, style=None, bold=False, size=None):
    p = container.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        r.bold = bold or None
        if size:
            r.font.size = Pt(size)
    return p


def cell_text(cell, lines, bold=False):
    """Writes lines into a table cell, one paragraph each."""
    if isinstance(lines, str):
        lines = [lines]
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        r = p.add_run(line)
        if bold:
            r.bold = True


def table(container, rows, header=True, style="Table Grid"):
    t = container.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = style
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell_text(t.rows[i].cells[j], value, bold=header and i == 0)
    return t


def details(container, plan, extra=()):
    c = plan.child
    rows = [
        ("Child's name", c["name"]),
        ("Known as", c["preferred_name"] or c["first_name"]),
        ("Date of birth", c["date_of_birth"]),
        ("Year group", f"Year {c['year_group']}"),
        ("Date of plan", plan.plan_date),
    ] + list(extra)
    table(container, [[k, v] for k, v in rows], header=False)


def advice_line(a):
    return f"{a['title']} – {a['author']}, {a['role']}, {a['date']}"


def save(doc, plan):
    buf = io.BytesIO()
    doc.save(buf)
    # python-docx stamps zip entries with the current time: rewrite them
    # with a fixed one so that the output is byte-for-byte reproducible.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    with open(os.path.join(HERE, plan.file), "wb") as f:
        f.write(out.getvalue())
    with open(os.path.join(HERE, "expected", plan.file.replace(".docx", ".json")), "w") as f:
        json.dump(plan.expected(), f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def child(name, first, known, dob, year, pronouns):
    return {
        "name": name,
        "first_name": first,
        "preferred_name": known,
        "date_of_birth": dob,
        "year_group": year,
        "pronouns": pronouns,
    }


def adv(title, author, role, date):
    return {"title": title, "author": author, "role": role, "date": date}


# ---------------------------------------------------------------- 1. Maya: one big two-column table


def maya():
    p = Plan(
        "maya-one-table.docx",
        "one-two-column-table",
        "Harbourside City Council",
        child("Maya Okafor", "Maya", None, "3 March 2017", 4, "she"),
        "14 January 2026",
    )
    p.aspirations = [
        "Maya wants to be a vet when she grows up because she loves animals.",
        "Maya wants to read bedtime stories to her little brother.",
        "Maya's parents want her to feel confident enough to join in with her class.",
    ]
    p.need("B1", "B", C_AND_L,
           "Maya reads at a level about two years below her age. She can decode simple three-letter words but guesses longer words, which limits her understanding of what she reads.",
           shown=True)
    p.need("B2", "B", C_AND_I,
           "Maya has a developmental language disorder. She has difficulty understanding spoken instructions with more than two parts and finds it hard to retell events in order.",
           shown=True)
    p.need("B3", "B", SEMH,
           "Maya becomes anxious when her routine changes without warning and leaves the classroom to hide in the cloakroom, about three times a week.",
           shown=True)
    p.outcome("E1", C_AND_L,
              "By the end of Year 5, Maya will read a book at her age-related level aloud with 95% accuracy and answer 4 out of 5 questions about it.",
              ["B1"], shown=True)
    p.outcome("E2", C_AND_I,
              "By the end of Year 5, Maya will follow three-part classroom instructions without a reminder in 4 out of 5 observed lessons.",
              ["B2"], shown=True)
    p.outcome("E3", SEMH,
              "By the end of Year 5, Maya will use her calm box or ask for a break instead of leaving the classroom on 4 out of 5 days, recorded on her daily chart.",
              ["B3"], shown=True)
    p.prov("F1", "F", C_AND_L,
           "A structured synthetic phonics programme taught individually for 20 minutes every school day by a teaching assistant trained in the programme.",
           ["B1"], ["E1"], "a teaching assistant trained in the programme", "20 minutes every school day", shown=True)
    p.prov("F2", "F", C_AND_I,
           "A language programme written by a speech and language therapist, reviewed in a 45-minute visit each half term, and delivered individually 3 times a week for 20 minutes by a teaching assistant trained by the therapist.",
           ["B2"], ["E2"], "a teaching assistant trained by the therapist", "3 times a week for 20 minutes", shown=True)
    p.prov("F3", "F", SEMH,
           "Access to a small group for emotional support as appropriate.",
           ["B3"], ["E3"], shown=True)
    p.defect("provision/vague-wording", "F", "Access to", "hedged provision: access to a group of unknown size, as appropriate")
    p.defect("provision/not-quantified", "F", "Access to a small group for emotional support as appropriate.", "no frequency or duration (secondary)")
    p.placement = ["Name of school: St Anne's Church of England Primary School", "Type of school: Mainstream primary school"]
    p.advice = [
        adv("Parental advice", "Mr and Mrs Okafor", "Parents", "10 October 2025"),
        adv("Educational advice", "Ruth Allerton", "SENCo, St Anne's Church of England Primary School", "1 November 2025"),
        adv("Psychological advice", "Dr Simon Greaves", "Educational Psychologist", "12 November 2025"),
        adv("Speech and language therapy advice", "Hannah Lowe", "Speech and Language Therapist", "20 October 2025"),
    ]

    doc = new_doc(p)
    para(doc, "Harbourside City Council", bold=True, size=14)
    para(doc, "Education, Health and Care Plan for Maya Okafor", bold=True, size=16)
    details(doc, p)
    para(doc, "")
    rows = []

    def row(sid, title, lines):
        p.mark(*sid)
        rows.append([title, lines])

    row(["A"], "Section A: The views, interests and aspirations of Maya and her parents",
        ["Maya likes animals, drawing and playing in the park with her brother."] + p.aspirations)
    row(["B"], "Section B: Special educational needs",
        [f"{n['id']} {n['text']}" for n in p.needs])
    row(["C"], "Section C: Health needs related to SEN",
        ["No health needs related to Maya's special educational needs have been identified."])
    row(["D"], "Section D: Social care needs",
        ["Maya has no social care needs related to her special educational needs or disability."])
    row(["E"], "Section E: Outcomes",
        [f"{o['id']} {o['text']}" for o in p.outcomes])
    row(["F"], "Section F: Special educational provision",
        [f"{x['id']} {x['text']} (Outcome {x['outcomes'][0]})" for x in p.provision])
    row(["G"], "Section G: Health provision",
        ["No health provision is required."])
    row(["H1"], "Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
        ["No provision is made under section 2 of the Chronically Sick and Disabled Persons Act 1970."])
    row(["H2"], "Section H2: Other social care provision",
        ["No other social care provision is required."])
    row(["I"], "Section I: Placement", p.placement)
    row(["J"], "Section J: Personal budget",
        ["Maya's parents have not asked for a personal budget."])
    row(["K"], "Section K: Advice and information", [advice_line(a) for a in p.advice])
    table(doc, rows, header=False)
    save(doc, p)


# ---------------------------------------------------------------- 2. Harry: "Part B" headings in Normal style, (a) labels


def harry():
    p = Plan(
        "harry-part-headings.docx",
        "part-headings-normal-style",
        "Northfield Borough Council",
        child("Harry Doyle", "Harry", None, "2 November 2013", 7, "he"),
        "3 February 2026",
    )
    p.aspirations = [
        "Harry wants to be a mechanic like his uncle.",
        "Harry wants to be able to write his own stories without help.",
        "Harry's mum wants him to get to school on time and to enjoy it.",
    ]
    p.need("B1", "B", C_AND_L,
           "Harry has dyslexia. His spelling age is 8 years and he writes slowly, so he rarely finishes written tasks in lessons.")
    p.need("B2", "B", SENSORY,
           "Harry has weak fine motor skills. His handwriting is large and hard to read and his hand aches after ten minutes of writing.")
    p.need("B3", "B", SEMH,
           "Harry finds it hard to manage frustration. When work feels too hard he refuses to start it or walks out of the lesson.")
    p.outcome("Outcome 1", C_AND_L,
              "By the end of Year 8, Harry will spell 80% of the Year 5 and 6 statutory spelling words correctly in his own writing.",
              ["B1"], shown=True)
    p.outcome("Outcome 2", C_AND_L,
              "By the end of Year 8, Harry will use speech-to-text software to complete a one-page piece of written work in a lesson on 4 out of 5 occasions.",
              ["B1"], shown=True)
    p.outcome("Outcome 3", SENSORY,
              "Harry will improve his handwriting so that his teachers can read it.",
              ["B2"], shown=True)
    p.outcome("Outcome 4", SEMH,
              "By the end of the spring term 2027, Harry will use his exit card and return to the lesson within 10 minutes on 4 out of 5 occasions.",
              ["B3"], shown=True)
    p.prov("F1", "F", C_AND_L,
           "A multisensory spelling programme delivered individually by a specialist dyslexia teacher for 30 minutes twice a week.",
           ["B1"], ["Outcome 1"], "a specialist dyslexia teacher", "30 minutes twice a week")
    p.prov("F2", "F", C_AND_L,
           "Use of speech-to-text software on a school laptop in every lesson, with 3 training sessions of 1 hour from the school's assistive technology lead.",
           ["B1"], ["Outcome 2"], "the school's assistive technology lead", "3 sessions of 1 hour")
    p.prov("F3", "F", SENSORY,
           "Handwriting practice using a sloping board, supported by a teaching assistant.",
           ["B2"], ["Outcome 3"], "a teaching assistant")
    p.prov("F4", "F", SEMH,
           "An exit card agreed with all his teachers, and a weekly 30-minute session with the school's learning mentor to plan how to manage frustration.",
           ["B3"], ["Outcome 4"], "the school's learning mentor", "weekly 30-minute session")
    p.defect("outcome/not-time-bound", "E", "Harry will improve his handwriting so that his teachers can read it.", "no time frame")
    p.defect("provision/not-quantified", "F", "Handwriting practice using a sloping board, supported by a teaching assistant.", "no frequency or duration")
    p.placement = ["Name and type of school: Northfield Academy, a mainstream secondary academy (11 to 18)"]
    p.advice = [
        adv("Parental advice", "Kerry Doyle", "Parent", "15 November 2025"),
        adv("Educational advice", "Paul Hegarty", "SENCo, Northfield Academy", "20 November 2025"),
        adv("Psychological advice", "Dr Amy Fenwick", "Educational Psychologist", "28 November 2025"),
        adv("Occupational therapy advice", "Lucy Barnes", "Occupational Therapist", "2 December 2025"),
    ]

    doc = new_doc(p)
    para(doc, "EDUCATION, HEALTH AND CARE PLAN", bold=True)
    para(doc, "Northfield Borough Council – SEND Service")
    details(doc, p)

    def part(sid, title):
        # Plain Normal paragraphs: no heading style, no bold, no size.
        p.mark(*sid)
        para(doc, "")
        para(doc, title)

    letters = "abcdefgh"
    part(["A"], "Part A – The views, interests and aspirations of Harry and his family")
    para(doc, "Harry enjoys taking things apart to see how they work and helping his uncle in the garage.")
    for a in p.aspirations:
        para(doc, a)
    part(["B"], "Part B – Special educational needs")
    for k, n in enumerate(p.needs):
        para(doc, f"({letters[k]}) {n['text']}")
    part(["C"], "Part C – Health needs related to SEN")
    para(doc, "Harry has no identified health needs related to his special educational needs.")
    part(["D"], "Part D – Social care needs")
    para(doc, "Harry has no identified social care needs related to his special educational needs.")
    part(["E"], "Part E – Outcomes")
    for o in p.outcomes:
        para(doc, f"{o['id']}: {o['text']}")
    part(["F"], "Part F – Special educational provision")
    rows = [["Outcome", "Provision", "Who will provide it", "How often"]]
    for x in p.provision:
        rows.append([x["outcomes"][0], x["text"], x["who"] or "", x["frequency"] or ""])
    table(doc, rows)
    part(["G"], "Part G – Health provision")
    para(doc, "No health provision is required.")
    part(["H1"], "Part H1 – Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970")
    para(doc, "None.")
    part(["H2"], "Part H2 – Other social care provision")
    para(doc, "None.")
    part(["I"], "Part I – Placement")
    for x in p.placement:
        para(doc, x)
    part(["J"], "Part J – Personal budget")
    para(doc, "Not applicable: Harry's family have not requested a personal budget.")
    part(["K"], "Part K – Advice and information")
    for a in p.advice:
        para(doc, advice_line(a))
    save(doc, p)


# ---------------------------------------------------------------- 3. Amira: combined headings, Need | Outcome | Provision per area


def amira():
    p = Plan(
        "amira-combined-tables.docx",
        "combined-headings-area-tables",
        "Eastbrook Metropolitan Borough Council",
        child("Amira Hussain", "Amira", None, "19 June 2019", 2, "she"),
        "9 March 2026",
    )
    p.aspirations = [
        "Amira wants to play with her friends at playtime.",
        "Amira wants to tell her family about her day at school.",
        "Amira's parents want her to be able to dress herself for PE.",
    ]
    p.need("B1", "B", C_AND_I,
           "Amira has a severe speech sound disorder. Adults who do not know her understand about half of what she says, and she uses gestures instead of words when she is not understood.")
    p.need("B2", "B", C_AND_I,
           "Amira plays alongside other children but does not yet join their games or take turns in play.")
    p.need("B3", "B", SENSORY,
           "Amira has hypermobility and low muscle tone. She cannot yet do up buttons or fasten her shoes, and she tires when sitting on the carpet.")
    p.outcome("E1", C_AND_I,
              "By the end of Year 3, Amira will be understood by an unfamiliar adult in 4 out of 5 short conversations.",
              ["B1"])
    p.outcome("E2", C_AND_I,
              "By the end of Year 3, Amira will join a game with two friends and take turns for 10 minutes at playtime on 3 days a week.",
              ["B2"])
    p.outcome("E3", SENSORY,
              "By the end of Year 3, Amira will change for PE on her own, including buttons, within 10 minutes.",
              ["B3"])
    p.prov("F1", "F", C_AND_I,
           "Speech and language therapy: 6 individual sessions of 30 minutes each term with a speech and language therapist, and her speech sound programme practised daily for 10 minutes with a trained teaching assistant.",
           ["B1"], ["E1"], "a speech and language therapist", "6 sessions each term")
    p.prov("F2", "F", C_AND_I,
           "A structured playground games group of 4 children, led by a trained lunchtime supervisor for 15 minutes on 3 lunchtimes a week.",
           ["B2"], ["E2"], "a trained lunchtime supervisor", "3 lunchtimes a week")
    p.prov("F3", "F", SENSORY,
           "A fine motor and dressing programme set by an occupational therapist and carried out by a teaching assistant for 15 minutes every school day, with a wobble cushion and a chair with arms for carpet time.",
           ["B3"], ["E3"], "a teaching assistant", "15 minutes every school day")
    p.need("C1", "C", HEALTH,
           "Amira has eczema on her hands and arms, which becomes sore and itchy and distracts her from her work.")
    p.outcome("E4", HEALTH,
              "By the end of Year 3, Amira will apply her own cream at lunchtime every school day, recorded on a chart.",
              ["C1"])
    p.empty_sections = ["G"]
    p.defect("structure/empty-section", "G", "Sections C, E and G: Health needs, outcomes and provision",
             "a combined heading whose table leaves the provision column blank: G has nothing and says no none")
    p.defect("thread/need-without-provision", "C", "Amira has eczema on her hands and arms",
             "nothing in G for the eczema (secondary)")
    p.defect("thread/outcome-without-provision", "E", "Amira will apply her own cream",
             "nothing in G for the cream outcome (secondary)")
    p.placement = ["Eastbrook Primary School (mainstream community primary school)"]
    p.advice = [
        adv("Parental advice", "Mr and Mrs Hussain", "Parents", "5 January 2026"),
        adv("Educational advice", "Joanne Pike", "Class teacher and SENCo", "12 January 2026"),
        adv("Speech and language therapy advice", "Priya Nair", "Speech and Language Therapist", "14 January 2026"),
        adv("Occupational therapy advice", "Martin Cole", "Occupational Therapist", "20 January 2026"),
    ]

    doc = new_doc(p)
    para(doc, "Education, Health and Care Plan", style="Title")
    details(doc, p)
    p.mark("A")
    para(doc, "Section A: All about me", style="Heading 1")
    para(doc, "Amira is a cheerful girl who loves singing, dancing and her cat, Biscuit.")
    for a in p.aspirations:
        para(doc, a)
    p.mark("B", "E", "F")
    para(doc, "Sections B, E and F: Special educational needs, outcomes and provision", style="Heading 1")
    areas = []
    for n in p.needs:
        if n["section"] == "B" and n["area"] not in areas:
            areas.append(n["area"])
    for area in areas:
        para(doc, area, style="Heading 2")
        rows = [["Need", "Outcome", "Provision"]]
        for n in p.needs:
            if n["area"] != area:
                continue
            o = next(o for o in p.outcomes if n["id"] in o["needs"])
            x = next(x for x in p.provision if n["id"] in x["needs"])
            rows.append([n["text"], o["text"], x["text"]])
        table(doc, rows)
    p.mark("C", "E", "G")
    para(doc, "Sections C, E and G: Health needs, outcomes and provision", style="Heading 1")
    c1 = p.by_id("needs", "C1")
    table(doc, [["Health need", "Outcome", "Health provision"],
                [c1["text"], p.by_id("outcomes", "E4")["text"], ""]])
    p.mark("D")
    para(doc, "Section D: Social care needs", style="Heading 1")
    para(doc, "Amira has no social care needs related to her special educational needs or disability.")
    p.mark("H1")
    para(doc, "Section H1: Social care provision under the Chronically Sick and Disabled Persons Act 1970", style="Heading 1")
    para(doc, "No provision is required under section 2 of the Act.")
    p.mark("H2")
    para(doc, "Section H2: Any other social care provision", style="Heading 1")
    para(doc, "No other social care provision is required.")
    p.mark("I")
    para(doc, "Section I: Name and type of school", style="Heading 1")
    for x in p.placement:
        para(doc, x)
    p.mark("J")
    para(doc, "Section J: Personal budget", style="Heading 1")
    para(doc, "There is no personal budget in this plan.")
    p.mark("K")
    para(doc, "Section K: Advice and information gathered", style="Heading 1")
    for a in p.advice:
        para(doc, advice_line(a), style="List Bullet")
    save(doc, p)


# ---------------------------------------------------------------- 4. Leo: long-term / short-term outcome tables, five-column provision


def leo():
    p = Plan(
        "leo-outcome-tables.docx",
        "long-short-term-tables",
        "Fernhill County Council",
        child("Leo Marsh", "Leo", None, "27 August 2016", 5, "he"),
        "21 January 2026",
    )
    p.aspirations = [
        "Leo wants to play for a football team.",
        "Leo wants to be able to read the instructions for his video games.",
        "Leo's dad wants him to have a friend to invite home.",
    ]
    p.need("B1", "B", C_AND_L,
           "Leo has a moderate learning difficulty. He is working at the level expected of a Year 2 pupil in reading and mathematics and needs new ideas broken into small steps and repeated.")
    p.need("B2", "B", C_AND_I,
           "Leo has autism. He finds it hard to understand other children's intentions in play and often ends games by taking the ball.")
    p.need("B3", "B", SENSORY,
           "Leo is over-sensitive to noise. In the dining hall and in assemblies he covers his ears and becomes distressed.")
    p.outcome("E1", C_AND_L,
              "By the end of Year 6, Leo will read and understand a short set of written instructions, such as a recipe, and follow them on his own.",
              ["B1"],
              steps=["By July 2026, Leo will read 100 high-frequency words by sight.",
                     "By December 2026, Leo will add and subtract two-digit numbers using a number line with 80% accuracy."])
    p.outcome("E2", C_AND_I,
              "By the end of Year 6, Leo will play a team game with his classmates for a whole playtime, following the rules, on 4 out of 5 days.",
              ["B2"],
              steps=["By July 2026, Leo will take turns in a structured game with one adult and one peer for 10 minutes."])
    p.outcome("E3", SENSORY,
              "By the end of Year 6, Leo will eat his lunch in the dining hall with his ear defenders on 4 out of 5 days.",
              ["B3"],
              steps=["By April 2026, Leo will eat lunch in a quiet room next to the hall with two friends every day."])
    p.prov("F1", "F", C_AND_L,
           "Small-step reading and number teaching in a group of no more than 4 pupils",
           ["B1"], ["E1"], "a qualified teacher", "45 minutes every school day")
    p.prov("F2", "F", C_AND_L,
           "Band 3 top-up funding to support Leo's learning",
           ["B1"], ["E1"])
    p.prov("F3", "F", C_AND_I,
           "Social communication group using structured games",
           ["B2"], ["E2"], None, "30 minutes twice a week")
    p.prov("F4", "F", SENSORY,
           "Ear defenders, a quiet room at lunchtime and a sensory break plan written by an occupational therapist",
           ["B3"], ["E3"], "the class teaching assistant", "Every school day")
    p.defect("provision/funding-not-provision", "F", "Band 3", "a funding band instead of provision")
    p.defect("provision/not-quantified", "F", "Band 3 top-up funding", "no amount of provision (secondary)")
    p.defect("provision/provider-unspecified", "F", "Social communication group using structured games", "'1:4' says the ratio, not who delivers it")
    p.placement = ["Hollins Lane Primary School, a mainstream primary school with a resourced provision for autism"]
    p.advice = [
        adv("Parental advice", "Daniel Marsh", "Parent", "4 November 2025"),
        adv("Educational advice", "Sarah Quinn", "SENCo, Hollins Lane Primary School", "10 November 2025"),
        adv("Psychological advice", "Dr Tom Ridley", "Educational Psychologist", "18 November 2025"),
        adv("Autism outreach advice", "Gemma Shaw", "Specialist Teacher, Autism Outreach Team", "25 November 2025"),
    ]

    doc = new_doc(p)
    para(doc, "Fernhill County Council", style="Title")
    para(doc, "Education, Health and Care Plan", style="Subtitle")
    details(doc, p)

    def h(sid, text):
        p.mark(sid)
        para(doc, text, style="Heading 1")

    h("A", "Section A – Leo's views, interests and aspirations")
    para(doc, "Leo loves football and Lego. He says school is best when it is quiet.")
    for a in p.aspirations:
        para(doc, a)
    h("B", "Section B – Special educational needs")
    for n in p.needs:
        para(doc, n["area"], style="Heading 2")
        para(doc, n["text"])
    h("C", "Section C – Health needs")
    para(doc, "Leo's autism was diagnosed by the community paediatrician in 2022. He has no other health needs related to his special educational needs, and no health needs are recorded here.")
    h("D", "Section D – Social care needs")
    para(doc, "No social care needs have been identified.")
    h("E", "Section E – Outcomes")
    for o in p.outcomes:
        para(doc, o["area"], style="Heading 2")
        table(doc, [["Long-term outcome", o["text"]], ["Short-term steps", o["steps"]]], header=False)
        para(doc, "")
    h("F", "Section F – Special educational provision")
    rows = [["Provision", "Frequency", "Staff/ratio", "Delivered by", "Funded by"]]
    ratio = {"F1": "1:4", "F2": "", "F3": "1:4", "F4": "1:1"}
    funded = {"F1": "School (notional SEN budget)", "F2": "Local authority", "F3": "School", "F4": "School"}
    for x in p.provision:
        rows.append([x["text"], x["frequency"] or "", ratio[x["id"]], (x["who"] or "").capitalize() if x["who"] else "", funded[x["id"]]])
    table(doc, rows)
    h("G", "Section G – Health provision")
    para(doc, "None identified.")
    h("H1", "Section H1 – Social care provision (Chronically Sick and Disabled Persons Act 1970)")
    para(doc, "None identified.")
    h("H2", "Section H2 – Other social care provision")
    para(doc, "None identified.")
    h("I", "Section I – Placement")
    for x in p.placement:
        para(doc, x)
    h("J", "Section J – Personal budget")
    para(doc, "No personal budget has been requested.")
    h("K", "Section K – Advice and information")
    table(doc, [["Advice", "Provided by", "Role", "Date"]] + [[a["title"], a["author"], a["role"], a["date"]] for a in p.advice])
    save(doc, p)


# ---------------------------------------------------------------- 5. Ruby: bullets under area sub-headings, page numbers, (continued)


def ruby():
    p = Plan(
        "ruby-bullets.docx",
        "bullets-under-areas",
        "Ashbury Council",
        child("Ruby Chen", "Ruby", None, "8 December 2014", 6, "she"),
        "16 February 2026",
    )
    p.aspirations = [
        "Ruby wants to be an artist and to have her pictures in a gallery.",
        "Ruby wants to go to the same secondary school as her best friend.",
        "Ruby's parents want her to feel calm and happy at school.",
    ]
    p.need("B1", "B", SEMH,
           "Ruby experiences high levels of anxiety, particularly at the start of the school day and before tests. She has missed 20% of sessions this year.")
    p.need("B2", "B", SEMH,
           "Ruby finds it hard to say when she is worried and bottles up her feelings until she becomes tearful.")
    p.need("B3", "B", C_AND_L,
           "Ruby's working memory is weak. She forgets the steps of multi-step mathematics problems and loses her place in written tasks.")
    p.need("B4", "B", SENSORY,
           "Ruby has hypermobile fingers. Her handwriting is slow and she cannot keep up when copying from the board.")
    p.outcome("E1", SEMH,
              "By the end of Year 7, Ruby will arrive at school and go to her class within 10 minutes on 9 out of 10 days.",
              ["B1"])
    p.outcome("E2", SEMH,
              "Ruby will receive weekly sessions with the school counsellor.",
              ["B2"])
    p.outcome("E3", C_AND_L,
              "By the end of Year 7, Ruby will use a written checklist to complete a three-step mathematics problem independently in 4 out of 5 attempts.",
              ["B3"])
    p.outcome("E4", SENSORY,
              "By the end of Year 7, Ruby will record her ideas on a laptop at 15 words a minute, so that she can keep up in lessons.",
              ["B4"])
    p.prov("F1", "F", SEMH,
           "A planned morning arrival routine: Ruby is met at the gate by her named key worker, a higher level teaching assistant, every school day for the first 10 minutes.",
           ["B1"], ["E1"], "a higher level teaching assistant", "every school day")
    p.prov("F2", "F", SEMH,
           "Individual counselling with the school counsellor for 40 minutes once a week for 12 weeks, then reviewed.",
           ["B2"], ["E2"], "the school counsellor", "once a week")
    p.prov("F3", "F", C_AND_L,
           "Pre-teaching of mathematics vocabulary and written checklists for multi-step tasks, delivered by a teaching assistant in a group of 3 pupils for 20 minutes 3 times a week.",
           ["B3"], ["E3"], "a teaching assistant", "3 times a week")
    p.defect("thread/need-without-provision", "B", "Ruby has hypermobile fingers.", "the handwriting need has an outcome (E4) but no provision")
    p.defect("thread/outcome-without-provision", "E", "record her ideas on a laptop", "touch-typing outcome with nothing in F (secondary)")
    p.defect("outcome/describes-provision", "E", "Ruby will receive weekly sessions with the school counsellor.", "provision written as an outcome")
    p.placement = ["Type of school: mainstream secondary school (to be named following the secondary transfer process)"]
    p.advice = [
        adv("Parental advice", "Mei and David Chen", "Parents", "2 December 2025"),
        adv("Educational advice", "Helen Stone", "SENCo, Ashbury Park Primary School", "8 December 2025"),
        adv("Psychological advice", "Dr Ravi Patel", "Educational Psychologist", "15 December 2025"),
        adv("CAMHS advice", "Jo Brennan", "Child and Adolescent Mental Health Services practitioner", "5 January 2026"),
    ]

    doc = new_doc(p)
    para(doc, "Ashbury Council – Education, Health and Care Plan", style="Title")
    details(doc, p)
    page = [2]

    def h(sid, text, continued=False):
        if not continued:
            p.mark(sid)
        para(doc, f"{text}\t{page[0]}", style="Heading 1")
        page[0] += 1

    def area(text):
        para(doc, text, style="Heading 2")

    h("A", "Section A: About Ruby")
    para(doc, "Ruby is a kind and creative girl who loves drawing manga characters and looking after her rabbits.")
    for a in p.aspirations:
        para(doc, a, style="List Bullet")
    h("B", "Section B: Special Educational Needs")
    for ar in [SEMH, C_AND_L, SENSORY]:
        area(ar)
        for n in p.needs:
            if n["area"] == ar:
                para(doc, n["text"], style="List Bullet")
    h("C", "Section C: Health Needs")
    para(doc, "Ruby has no health needs related to her special educational needs.")
    h("D", "Section D: Social Care Needs")
    para(doc, "Ruby does not have any social care needs.")
    h("E", "Section E: Outcomes")
    for ar in [SEMH, C_AND_L, SENSORY]:
        area(ar)
        for o in p.outcomes:
            if o["area"] == ar:
                para(doc, o["text"], style="List Bullet")
    h("F", "Section F: Special Educational Provision")
    area(SEMH)
    for x in p.provision[:2]:
        para(doc, x["text"], style="List Bullet")
    para(doc, "").add_run().add_break(WD_BREAK.PAGE)
    h("F", "Section F: Special Educational Provision (continued)", continued=True)
    area(C_AND_L)
    para(doc, p.provision[2]["text"], style="List Bullet")
    h("G", "Section G: Health Provision")
    para(doc, "Not applicable.")
    h("H1", "Section H1: Social Care Provision (section 2 CSDPA 1970)")
    para(doc, "Not applicable.")
    h("H2", "Section H2: Other Social Care Provision")
    para(doc, "Not applicable.")
    h("I", "Section I: Placement")
    for x in p.placement:
        para(doc, x)
    h("J", "Section J: Personal Budget")
    para(doc, "Not applicable.")
    h("K", "Section K: Advice and Information")
    for a in p.advice:
        para(doc, advice_line(a), style="List Bullet")
    save(doc, p)


# ---------------------------------------------------------------- 6. Tyler: Preparing for Adulthood, "B." headings in Normal style


def tyler():
    p = Plan(
        "tyler-pfa.docx",
        "preparing-for-adulthood-letter-headings",
        "Kingsmere District Council",
        child("Tyler Green", "Tyler", None, "12 May 2010", 11, "he"),
        "10 February 2026",
    )
    p.aspirations = [
        "Tyler wants to work with cars when he leaves school, ideally as a vehicle technician.",
        "Tyler wants to travel to college on the bus by himself.",
        "Tyler wants to keep playing wheelchair basketball with his club.",
        "Tyler's parents want him to be able to live in his own flat one day.",
    ]
    p.need("B1", "B", C_AND_L,
           "Tyler has a specific learning difficulty in literacy. He reads at a level expected of an 11-year-old and needs written information in plain language and large print.")
    p.need("B2", "B", SENSORY,
           "Tyler has spina bifida and uses a manual wheelchair. He needs an accessible environment and support to plan routes around unfamiliar buildings.")
    p.need("B3", "B", SEMH,
           "Tyler worries about leaving school and about managing new people and places. He avoids situations where he has to ask strangers for help.")
    p.need("C1", "C", HEALTH,
           "Tyler needs to manage his own continence care using intermittent catheterisation, which he is learning to do independently.")
    p.outcome("E1", C_AND_L,
              "By the end of Year 12, Tyler will achieve Entry Level 3 in Functional Skills English and read a workshop job sheet independently.",
              ["B1"], pfa="Employment")
    p.outcome("E2", SENSORY,
              "By July 2027, Tyler will travel independently by accessible bus from home to college and back on 4 out of 5 days.",
              ["B2"], pfa="Independent living")
    p.outcome("E3", SEMH,
              "By the end of Year 12, Tyler will ask a member of staff he does not know for help, using his prompt card, on 3 out of 4 occasions.",
              ["B3"], pfa="Community inclusion")
    p.outcome("E4", HEALTH,
              "By the end of Year 12, Tyler will manage his catheterisation on his own at school and college on every day, with no missed times.",
              ["C1"], pfa="Good health")
    p.prov("F1", "F", C_AND_L,
           "Functional Skills English taught in a group of 6 by a qualified teacher for 3 hours a week, with all written materials in 16-point plain language.",
           ["B1"], ["E1"], "a qualified teacher", "3 hours a week")
    p.prov("F2", "F", SENSORY,
           "Independent travel training from a qualified travel trainer for 1 hour twice a week for 10 weeks, and a route-planning session before every college visit.",
           ["B2"], ["E2"], "a qualified travel trainer", "1 hour twice a week")
    p.prov("F3", "F", SEMH,
           "Transition support: 6 visits of 2 hours to the college with Jack's key worker, and a weekly 30-minute mentoring session with the school's careers adviser.",
           ["B3"], ["E3"], "the school's careers adviser", "weekly")
    p.prov("G1", "G", HEALTH,
           "Continence training and review by a paediatric continence nurse in a 1-hour visit each half term, and a private accessible toilet at school and college.",
           ["C1"], ["E4"], "a paediatric continence nurse", "each half term")
    p.prov("H2.1", "H2", SOCIAL,
           "A personal assistant for 4 hours each Saturday to support Tyler at wheelchair basketball and in the community, funded by children's social care.",
           [], ["E3"], "a personal assistant", "4 hours each Saturday")
    p.need("D1", "D", SOCIAL,
           "Tyler needs support to take part in activities in the community at weekends, as his parents both work shifts.")
    p.by_id("provision", "H2.1")["needs"] = ["D1"]
    p.defect("consistency/name-mismatch", "F", "Jack", "another child's name left in from a copied plan")
    p.defect("thread/need-without-outcome", "D", "Tyler needs support to take part in activities in the community",
             "the weekend community need has provision (H2) but no outcome")
    p.placement = ["Type of setting: general further education college"]
    p.advice = [
        adv("Views of Tyler", "Tyler Green", "Young person", "12 December 2025"),
        adv("Parental advice", "Mr and Mrs Green", "Parents", "12 December 2025"),
        adv("Educational advice", "Mark Lewis", "SENCo, Kingsmere High School", "5 January 2026"),
        adv("Medical advice", "Dr Fiona Hart", "Consultant Paediatrician", "19 December 2025"),
        adv("Social care advice", "Nadia Khan", "Social Worker, Disabled Children's Team", "8 January 2026"),
        adv("Careers advice", "Owen Price", "Careers Adviser", "9 January 2026"),
    ]

    doc = new_doc(p)
    para(doc, "KINGSMERE DISTRICT COUNCIL", bold=True)
    para(doc, "Education, Health and Care Plan (Preparing for Adulthood)", bold=True)
    details(doc, p, [("Age", "15")])

    def h(sid, text):
        # "B. Special educational needs": Normal style, manual letters, plain.
        p.mark(sid)
        para(doc, "")
        para(doc, text)

    h("A", "A. Tyler's views, interests and aspirations")
    para(doc, "Tyler is a sociable young man who loves cars, music and wheelchair basketball.")
    for a in p.aspirations:
        para(doc, a)
    h("B", "B. Special educational needs")
    for n in p.needs:
        if n["section"] == "B":
            para(doc, n["text"])
    h("C", "C. Health needs related to SEN")
    para(doc, p.by_id("needs", "C1")["text"])
    h("D", "D. Social care needs related to SEN or disability")
    para(doc, p.by_id("needs", "D1")["text"])
    h("E", "E. Outcomes, including Preparing for Adulthood")
    for o in p.outcomes:
        para(doc, f"Preparing for Adulthood: {o['preparing_for_adulthood']}", bold=True)
        para(doc, o["text"])
    h("F", "F. Special educational provision")
    for x in p.provision:
        if x["section"] == "F":
            para(doc, x["text"])
    h("G", "G. Health provision")
    para(doc, p.by_id("provision", "G1")["text"])
    h("H1", "H1. Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970")
    para(doc, "No provision under section 2 of the Act is required.")
    h("H2", "H2. Other social care provision")
    para(doc, p.by_id("provision", "H2.1")["text"])
    h("I", "I. Placement")
    for x in p.placement:
        para(doc, x)
    h("J", "J. Personal budget")
    para(doc, "Not applicable.")
    h("K", "K. Advice and information")
    for a in p.advice:
        para(doc, advice_line(a))
    save(doc, p)


# ---------------------------------------------------------------- 7. Isla: labels inside the text, provision table naming outcomes


def isla():
    p = Plan(
        "isla-labels.docx",
        "labels-in-text",
        "Westerby City Council",
        child("Isla Fraser", "Isla", None, "30 September 2017", 3, "she"),
        "2 March 2026",
    )
    p.aspirations = [
        "Isla wants to be a teacher like her aunt.",
        "Isla wants to be able to ride her bike without stabilisers.",
        "Isla's mum wants her to make friends in her class.",
    ]
    p.need("B1", "B", C_AND_L,
           "Isla finds it hard to remember number facts and to count on from a given number; she is working at the level expected of a Reception pupil in mathematics.",
           shown=True)
    p.need("B2", "B", SENSORY,
           "Isla has developmental coordination disorder. She has poor balance, bumps into things and finds it hard to use scissors and a pencil.",
           shown=True)
    p.need("B3", "B", C_AND_I,
           "Isla is very quiet in class and rarely starts a conversation with other children.",
           shown=True)
    p.outcome("E1", C_AND_L,
              "By the end of Year 4, Isla will recall number bonds to 10 and count on and back from any number to 50 with 90% accuracy.",
              ["B1"], steps=["By July 2026, Isla will count on from any number to 20 using a number line."], shown=True)
    p.outcome("E2", SENSORY,
              "By the end of Year 4, Isla will cut along a curved line and write a sentence that others can read, using a pencil grip.",
              ["B2"], steps=["By July 2026, Isla will hop 5 times on each foot and balance on one leg for 10 seconds."], shown=True)
    p.outcome("E3", C_AND_I,
              "By the end of Year 4, Isla will start a conversation with a classmate at least once a day on 4 out of 5 days.",
              ["B3"], shown=True)
    p.outcome("E4", C_AND_L,
              "Isla will become more confident with numbers.",
              ["B1"], shown=True)
    p.prov("F1", "F", C_AND_L,
           "Daily 15-minute individual number fluency session using concrete resources with a trained teaching assistant.",
           ["B1"], ["E1", "E4"], "a trained teaching assistant", "daily", shown=True)
    p.prov("F2", "F", SENSORY,
           "A motor skills programme written by an occupational therapist, delivered in a group of 3 by a teaching assistant for 20 minutes 4 times a week, with a pencil grip and spring-loaded scissors.",
           ["B2"], ["E2"], "a teaching assistant", "4 times a week", shown=True)
    p.defect("thread/outcome-without-provision", "E", "start a conversation with a classmate", "nothing in F for the social communication outcome")
    p.defect("thread/need-without-provision", "B", "Isla is very quiet in class", "the need behind E3 has no provision (secondary)")
    p.defect("outcome/not-measurable", "E", "Isla will become more confident with numbers.", "no measure and no time frame")
    p.placement = ["Name of school: Westerby Green Primary School", "Type: mainstream maintained primary school"]
    p.advice = [
        adv("Parental advice", "Claire Fraser", "Parent", "8 January 2026"),
        adv("Educational advice", "Anna Price", "SENCo, Westerby Green Primary School", "14 January 2026"),
        adv("Occupational therapy advice", "Sian Morgan", "Occupational Therapist", "22 January 2026"),
    ]

    doc = new_doc(p)
    para(doc, "Education, Health and Care Plan", style="Title")
    details(doc, p)

    def h(sid, text):
        p.mark(sid)
        para(doc, text, style="Heading 1")

    h("A", "Section A: Views, interests and aspirations")
    para(doc, "Isla loves horses, colouring and going to the beach with her grandad.")
    for a in p.aspirations:
        para(doc, a)
    h("B", "Section B: Special educational needs")
    for n in p.needs:
        para(doc, f"{n['id']} {n['text']}")
    h("C", "Section C: Health needs")
    para(doc, "No health needs have been identified.")
    h("D", "Section D: Social care needs")
    para(doc, "No social care needs have been identified.")
    h("E", "Section E: Outcomes")
    for o in p.outcomes:
        para(doc, f"{o['id']} {o['text']}")
        for k, s in enumerate(o["steps"], 1):
            para(doc, f"{o['id']}.{k} {s}")
    h("F", "Section F: Special educational provision")
    rows = [["Ref", "Provision", "Outcomes", "Who", "How often"]]
    for x in p.provision:
        rows.append([x["id"], x["text"], ", ".join(x["outcomes"]), x["who"], x["frequency"]])
    table(doc, rows)
    h("G", "Section G: Health provision")
    para(doc, "No health provision is required.")
    h("H1", "Section H1: Social care provision (CSDPA 1970, section 2)")
    para(doc, "None required.")
    h("H2", "Section H2: Other social care provision")
    para(doc, "None required.")
    h("I", "Section I: Placement")
    for x in p.placement:
        para(doc, x)
    h("J", "Section J: Personal budget")
    para(doc, "No personal budget has been requested.")
    h("K", "Section K: Advice and information")
    for a in p.advice:
        para(doc, advice_line(a))
    save(doc, p)


# ---------------------------------------------------------------- 8. Noah: draft, section banners in one-cell tables


def noah():
    p = Plan(
        "noah-banners-draft.docx",
        "banner-tables-draft",
        "Greyford Borough Council",
        child("Noah Williams", "Noah", None, "14 April 2020", 1, "he"),
        "23 February 2026",
        status="draft",
    )
    p.aspirations = [
        "Noah wants to play with the big train set in class.",
        "Noah's parents want him to be able to tell them what he needs using words or pictures.",
        "Noah's parents want him to sleep in his own bed.",
    ]
    p.need("B1", "B", C_AND_I,
           "Noah has autism and uses single words. He communicates his needs by leading an adult by the hand and becomes distressed when he is not understood.")
    p.need("B2", "B", SEMH,
           "Noah finds transitions between activities very difficult and may drop to the floor or run out of the classroom when an activity ends.")
    p.need("B3", "B", SENSORY,
           "Noah seeks movement and deep pressure. He climbs furniture and cannot yet sit at a table for more than 2 minutes.")
    p.outcome("E1", C_AND_I,
              "By the end of Year 2, Noah will use a picture exchange book to request 20 different items or activities from familiar adults.",
              ["B1"])
    p.outcome("E2", SEMH,
              "By the end of Year 2, Noah will move between activities using his visual timetable, without distress, in 4 out of 5 transitions each day.",
              ["B2"])
    p.outcome("E3", SENSORY,
              "By the end of Year 2, Noah will sit at a table for a 10-minute adult-led activity after a movement break on 4 out of 5 days.",
              ["B3"])
    p.prov("F1", "F", C_AND_I,
           "The Picture Exchange Communication System taught by a teaching assistant trained in PECS for 3 short sessions every school day, with 6 visits a year from a speech and language therapist to set and review targets.",
           ["B1"], ["E1"], "a teaching assistant trained in PECS", "3 short sessions every school day")
    p.prov("F2", "F", SEMH,
           "A visual timetable and a now-and-next board used in every lesson, with an individual transition warning 2 minutes before each activity ends, given by his one-to-one teaching assistant.",
           ["B2"], ["E2"], "his one-to-one teaching assistant", "every lesson")
    p.prov("F3", "F", SENSORY,
           "A sensory diet of movement breaks, at the discretion of the class teacher.",
           ["B3"], ["E3"], "the class teacher")
    p.defect("provision/delegated-decision", "F", "at the discretion of the class teacher", "left to the teacher's judgement")
    p.defect("consistency/placement-in-draft", "I", "Oakfield Primary School", "a draft names a school")
    p.defect("provision/not-quantified", "F", "A sensory diet of movement breaks", "no frequency either (secondary)")
    p.placement = ["Oakfield Primary School"]
    p.advice = [
        adv("Parental advice", "Gareth and Leanne Williams", "Parents", "3 December 2025"),
        adv("Educational advice", "Kate Morris", "Reception teacher and SENCo", "9 December 2025"),
        adv("Speech and language therapy advice", "Emma Dale", "Speech and Language Therapist", "16 December 2025"),
        adv("Medical advice", "Dr Ian Booth", "Community Paediatrician", "11 December 2025"),
    ]

    doc = new_doc(p)
    para(doc, "DRAFT", bold=True, size=16)
    para(doc, "Greyford Borough Council – Education, Health and Care Plan", bold=True)
    details(doc, p, [("Status", "Draft")])

    def banner(sid, text):
        p.mark(sid)
        para(doc, "")
        table(doc, [[text]], header=True)

    banner("A", "SECTION A: ALL ABOUT NOAH")
    para(doc, "Noah is a lively boy who loves trains, bubbles and being outside.")
    for a in p.aspirations:
        para(doc, a)
    banner("B", "SECTION B: SPECIAL EDUCATIONAL NEEDS")
    for n in p.needs:
        para(doc, n["area"], bold=True)
        para(doc, n["text"])
    banner("C", "SECTION C: HEALTH NEEDS")
    para(doc, "Noah has no health needs related to his special educational needs. He is seen by the community paediatrician once a year.")
    banner("D", "SECTION D: SOCIAL CARE NEEDS")
    para(doc, "No social care needs have been identified.")
    banner("E", "SECTION E: OUTCOMES")
    for k, o in enumerate(p.outcomes, 1):
        o["id_in_document"] = True
        para(doc, o["area"], bold=True)
        para(doc, f"{k}. {o['text']}")
    banner("F", "SECTION F: SPECIAL EDUCATIONAL PROVISION")
    rows = [["Need", "What", "Who", "How often"]]
    for x in p.provision:
        rows.append([x["area"], x["text"], x["who"] or "", x["frequency"] or ""])
    table(doc, rows)
    banner("G", "SECTION G: HEALTH PROVISION")
    para(doc, "No health provision is needed.")
    banner("H1", "SECTION H1: SOCIAL CARE PROVISION UNDER SECTION 2 CSDPA 1970")
    para(doc, "None.")
    banner("H2", "SECTION H2: OTHER SOCIAL CARE PROVISION")
    para(doc, "None.")
    banner("I", "SECTION I: PLACEMENT")
    for x in p.placement:
        para(doc, x)
    banner("J", "SECTION J: PERSONAL BUDGET")
    para(doc, "Noah's parents have not asked for a personal budget.")
    banner("K", "SECTION K: ADVICE AND INFORMATION")
    for a in p.advice:
        para(doc, advice_line(a))
    save(doc, p)


if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    for make in (maya, harry, amira, leo, ruby, tyler, isla, noah):
        make()
