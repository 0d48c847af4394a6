//! Held-out plans (`tests/heldout/`, written by `make_heldout.py` with
//! python-docx in layouts the sample generator never produces) against
//! their hand-written ground truth.
//!
//! For each plan: the sections found, the needs, outcomes (with their
//! short-term steps) and provision matched by text (and by id where the
//! document prints the id), the links the ground truth states present in
//! the thread the rules use (stated or inferred), the links the thread
//! draws that the ground truth does not support, and the planted defects.
//! Prints precision and recall over the whole set
//! (`cargo test -p ehcp-core --test heldout -- --nocapture`), fails below
//! the floors measured when it was written, and snapshots each model's
//! outline.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ehcp_core::finding::Severity;
use ehcp_core::plan::{Item, Plan};

#[path = "common/overlap.rs"]
mod overlap;
use overlap::overlap;

fn heldout_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/heldout")
}

/// One expected item: its ground-truth id, the id it has in the thread
/// (a step's links are its outcome's), its text, section and whether the
/// document prints its id.
struct Want {
    id: String,
    owner: String,
    text: String,
    section: String,
    shown: bool,
}

fn wants(truth: &serde_json::Value, key: &str) -> Vec<Want> {
    let mut out = Vec::new();
    for v in truth[key].as_array().into_iter().flatten() {
        let id = v["id"].as_str().unwrap_or("?").to_owned();
        let shown = v["id_in_document"].as_bool().unwrap_or(false);
        let section = v["section"].as_str().unwrap_or("E").to_owned();
        out.push(Want {
            id: id.clone(),
            owner: id.clone(),
            text: v["text"].as_str().unwrap_or("").to_owned(),
            section: section.clone(),
            shown,
        });
        for (k, s) in v["steps"].as_array().into_iter().flatten().enumerate() {
            out.push(Want {
                id: format!("{id}.{}", k + 1),
                owner: id.clone(),
                text: s.as_str().unwrap_or("").to_owned(),
                section: section.clone(),
                shown,
            });
        }
    }
    out
}

/// Matches expected items to extracted ones, one to one, best overlap
/// first (at least 0.6 of the shorter text's words).
fn assign<'a>(want: &[Want], got: &[&'a Item]) -> Vec<Option<&'a Item>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, w) in want.iter().enumerate() {
        for (j, g) in got.iter().enumerate() {
            let s = overlap(&w.text, &g.text);
            if s >= 0.6 {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; want.len()];
    let mut used = vec![false; got.len()];
    for (_, i, j) in pairs {
        if out[i].is_none() && !used[j] {
            out[i] = Some(got[j]);
            used[j] = true;
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Count {
    expected: usize,
    found: usize,
    right: usize,
}

impl Count {
    fn add(&mut self, o: Count) {
        self.expected += o.expected;
        self.found += o.found;
        self.right += o.right;
    }
    fn precision(self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    fn recall(self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.right as f64 / self.expected as f64
        }
    }
}

#[derive(Default)]
struct Score {
    sections: Count,
    items: Count,
    ids: Count,
    links: Count,
    defects: Count,
    /// Links of the ground truth found in the thread (directly or through one item).
    links_recalled: usize,
    false_alarms: usize,
}

fn truth_ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// Measures one plan; writes its differences into `report`.
fn measure(truth: &serde_json::Value, review: &ehcp_core::Review, report: &mut String) -> Score {
    let plan: &Plan = &review.plan;
    let mut score = Score::default();
    let mut diffs: Vec<String> = Vec::new();

    // Sections, as sets (a section may come in several stretches).
    let want: BTreeSet<String> = truth_ids(&truth["sections"]).into_iter().collect();
    let got: BTreeSet<String> = plan.sections.iter().map(|s| s.id.to_string()).collect();
    score.sections = Count {
        expected: want.len(),
        found: got.len(),
        right: want.intersection(&got).count(),
    };
    if want != got {
        diffs.push(format!(
            "sections: missing {:?}, extra {:?}",
            want.difference(&got).collect::<Vec<_>>(),
            got.difference(&want).collect::<Vec<_>>()
        ));
    }
    // An empty section (perhaps named by a combined heading whose other
    // sections have content): found, no items of its own, no none statement.
    for s in truth_ids(&truth["empty_sections"]) {
        let items = plan.items().filter(|i| i.section.as_str() == s).count();
        match plan.sections.iter().find(|x| x.id.as_str() == s) {
            None => diffs.push(format!("empty section {s} not found")),
            Some(sec) if sec.none_statement || items > 0 => diffs.push(format!(
                "section {s} should be empty, has {items} items{}",
                if sec.none_statement {
                    " and a none statement"
                } else {
                    ""
                }
            )),
            Some(_) => {}
        }
    }

    // Items.
    let mut owner_of: HashMap<String, String> = HashMap::new(); // extracted id -> truth owner id
    for (key, got) in [
        (
            "needs",
            plan.needs.iter().map(|n| &n.item).collect::<Vec<_>>(),
        ),
        (
            "outcomes",
            plan.outcomes.iter().map(|o| &o.item).collect::<Vec<_>>(),
        ),
        (
            "provision",
            plan.provision.iter().map(|p| &p.item).collect::<Vec<_>>(),
        ),
    ] {
        let want = wants(truth, key);
        let matched = assign(&want, &got);
        let mut c = Count {
            expected: want.len(),
            found: got.len(),
            right: 0,
        };
        for (w, m) in want.iter().zip(&matched) {
            let Some(item) = m else {
                diffs.push(format!("{key}: {} not found: {:.70}", w.id, w.text));
                continue;
            };
            owner_of.insert(item.id.clone(), w.owner.clone());
            let section_ok = key == "outcomes" || item.section.as_str() == w.section;
            if section_ok {
                c.right += 1;
            } else {
                diffs.push(format!(
                    "{key}: {} read in section {}, not {}",
                    w.id, item.section, w.section
                ));
            }
            if w.shown {
                score.ids.expected += 1;
                score.ids.found += 1;
                // The label is the id, and is not left in the text.
                let stripped = !item.text.trim_start().starts_with(&w.id);
                if item.id == w.id && item.id_from_document && stripped {
                    score.ids.right += 1;
                } else {
                    diffs.push(format!(
                        "{key}: {} has id {:?}{} text {:.40?}",
                        w.id,
                        item.id,
                        if item.id_from_document {
                            ""
                        } else {
                            " (assigned)"
                        },
                        item.text
                    ));
                }
            }
        }
        for g in &got {
            if !matched
                .iter()
                .any(|m| m.is_some_and(|m| std::ptr::eq(m, *g)))
            {
                diffs.push(format!("{key}: extra {} {:.60?}", g.id, g.text));
            }
        }
        score.items.add(c);
    }

    // Links: the pairs the ground truth states (outcome – need, provision –
    // need, provision – outcome), by their truth ids.
    let mut truth_links: BTreeSet<(String, String)> = BTreeSet::new();
    let mut pair = |a: &str, b: &str| {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        truth_links.insert((a.to_owned(), b.to_owned()));
    };
    for o in truth["outcomes"].as_array().into_iter().flatten() {
        for n in truth_ids(&o["needs"]) {
            pair(o["id"].as_str().unwrap_or("?"), &n);
        }
    }
    for p in truth["provision"].as_array().into_iter().flatten() {
        for f in ["needs", "outcomes"] {
            for t in truth_ids(&p[f]) {
                pair(p["id"].as_str().unwrap_or("?"), &t);
            }
        }
    }
    let related = |a: &str, b: &str| {
        let key = if a < b {
            (a.to_owned(), b.to_owned())
        } else {
            (b.to_owned(), a.to_owned())
        };
        if truth_links.contains(&key) {
            return true;
        }
        // One item between (a provision meets a need through its outcome).
        truth_links.iter().any(|(x, y)| {
            let mid = if x == a {
                y
            } else if y == a {
                x
            } else {
                return false;
            };
            let k2 = if mid.as_str() < b {
                (mid.clone(), b.to_owned())
            } else {
                (b.to_owned(), mid.clone())
            };
            truth_links.contains(&k2)
        })
    };
    // Found: the thread's links between matched items, by truth owner.
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    for l in &review.thread.links {
        let (Some(a), Some(b)) = (owner_of.get(&l.from), owner_of.get(&l.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let key = if a < b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        found.insert(key);
    }
    let mut right_found = 0;
    for (a, b) in &found {
        if related(a, b) {
            right_found += 1;
        } else {
            diffs.push(format!("link {a} – {b} drawn, not in the ground truth"));
        }
    }
    // Recall: each truth pair linked, directly or through one item, among
    // the found pairs.
    let mut recalled = 0;
    for (a, b) in &truth_links {
        let direct = found.contains(&(a.clone(), b.clone()));
        let through = found.iter().any(|(x, y)| {
            let mid = if x == a {
                y
            } else if y == a {
                x
            } else {
                return false;
            };
            found.contains(&if mid < b {
                (mid.clone(), b.clone())
            } else {
                (b.clone(), mid.clone())
            })
        });
        if direct || through {
            recalled += 1;
        } else {
            diffs.push(format!("link {a} – {b} missing"));
        }
    }
    score.links = Count {
        expected: truth_links.len(),
        found: found.len(),
        right: right_found,
    };
    score.links_recalled = recalled;

    // Planted defects (secondary ones are allowed, not required).
    let planted = truth["planted_defects"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let matches = |f: &ehcp_core::finding::Finding, d: &serde_json::Value| {
        let q = d["quote"].as_str().unwrap_or("");
        f.rule == d["rule"].as_str().unwrap_or("")
            && (q.is_empty()
                || f.quote.contains(q)
                || (!f.quote.is_empty() && q.contains(f.quote.as_str())))
    };
    for d in &planted {
        let secondary = d["note"].as_str().unwrap_or("").contains("(secondary)");
        if secondary {
            continue;
        }
        score.defects.expected += 1;
        if review.findings.iter().any(|f| matches(f, d)) {
            score.defects.right += 1;
        } else {
            diffs.push(format!(
                "defect {} {:?} not raised",
                d["rule"].as_str().unwrap_or("?"),
                d["quote"].as_str().unwrap_or("")
            ));
        }
    }
    // Errors that nothing planted explains are false alarms ("a clean,
    // well-written plan must produce no errors"); such warnings are listed.
    for f in &review.findings {
        if f.severity > Severity::Info && !planted.iter().any(|d| d["rule"] == f.rule) {
            let error = f.severity == Severity::Error;
            if error {
                score.false_alarms += 1;
            }
            diffs.push(format!(
                "{} {} [{}] {:.60?}",
                if error { "false alarm" } else { "unplanted" },
                f.severity,
                f.rule,
                f.quote
            ));
        }
    }
    score.defects.found = score.defects.expected;

    let file = truth["file"].as_str().unwrap_or("?");
    let _ = writeln!(
        report,
        "{file}: sections {}/{} items {}/{} (found {}) ids {}/{} links {}/{} recalled, {}/{} drawn right; defects {}/{}, false alarms {}",
        score.sections.right,
        score.sections.expected,
        score.items.right,
        score.items.expected,
        score.items.found,
        score.ids.right,
        score.ids.expected,
        recalled,
        truth_links.len(),
        right_found,
        found.len(),
        score.defects.right,
        score.defects.expected,
        score.false_alarms
    );
    for d in diffs {
        let _ = writeln!(report, "    {d}");
    }
    score
}

fn plans() -> Vec<(String, serde_json::Value, Vec<u8>)> {
    let dir = heldout_dir().join("expected");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/heldout/expected")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let truth: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("json")).expect("json");
            let file = truth["file"].as_str().expect("file").to_owned();
            let bytes = std::fs::read(heldout_dir().join(&file)).expect("held-out plan");
            (file, truth, bytes)
        })
        .collect()
}

#[test]
fn heldout_plans_match_their_ground_truth() {
    let plans = plans();
    assert!(plans.len() >= 8, "held-out plans: {}", plans.len());
    let mut total = Score::default();
    let mut report = String::new();
    for (file, truth, bytes) in &plans {
        let review = ehcp_core::check(bytes, &ehcp_core::Config::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let s = measure(truth, &review, &mut report);
        total.sections.add(s.sections);
        total.items.add(s.items);
        total.ids.add(s.ids);
        total.links.add(s.links);
        total.defects.add(s.defects);
        total.links_recalled += s.links_recalled;
        total.false_alarms += s.false_alarms;
    }
    let link_recall = total.links_recalled as f64 / total.links.expected.max(1) as f64;
    let _ = writeln!(
        report,
        "\nTOTAL sections P={:.2} R={:.2} | items P={:.2} R={:.2} | ids {}/{} | links P={:.2} R={:.2} | planted defects {}/{} | false alarms {}",
        total.sections.precision(),
        total.sections.recall(),
        total.items.precision(),
        total.items.recall(),
        total.ids.right,
        total.ids.expected,
        total.links.precision(),
        link_recall,
        total.defects.right,
        total.defects.expected,
        total.false_alarms
    );
    eprintln!("{report}");
    // Floors: the numbers measured after the fixes of this session. A
    // change that lowers one is a regression on layouts we did not tune to.
    let floors = [
        ("section precision", total.sections.precision(), 1.0),
        ("section recall", total.sections.recall(), 1.0),
        ("item precision", total.items.precision(), 0.98),
        ("item recall", total.items.recall(), 1.0),
        ("id recall", total.ids.recall(), 1.0),
        ("link precision", total.links.precision(), 0.83),
        ("link recall", link_recall, 0.87),
        (
            "planted defects",
            total.defects.right as f64 / total.defects.expected.max(1) as f64,
            1.0,
        ),
    ];
    assert!(
        total.false_alarms <= 2,
        "false errors: {}\n{report}",
        total.false_alarms
    );
    let low: Vec<String> = floors
        .iter()
        .filter(|(_, v, floor)| v < floor)
        .map(|(n, v, f)| format!("{n} {v:.2} < {f:.2}"))
        .collect();
    assert!(low.is_empty(), "{}\n{report}", low.join("; "));
}

fn clip(s: &str, n: usize) -> String {
    let mut t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        t.push('…');
    }
    t
}

/// A compact outline of the model read from a plan: sections, child,
/// items (id, `*` when the document printed it, section, area) and the
/// thread's links with their evidence.
fn outline(review: &ehcp_core::Review) -> String {
    let plan = &review.plan;
    let mut out = String::new();
    let c = &plan.child;
    let _ = writeln!(
        out,
        "child: name={:?} known_as={:?} dob={} year={:?}; status: {}",
        c.name,
        c.preferred_name,
        c.date_of_birth.map_or("-".into(), |d| d.to_string()),
        c.year_group,
        plan.status.as_str()
    );
    out.push_str("sections:\n");
    for s in &plan.sections {
        let _ = writeln!(
            out,
            "  {} {:?} by {:?}: {} paragraphs{}",
            s.id,
            clip(&s.heading, 60),
            s.found_by,
            s.paragraphs.len(),
            if s.none_statement { " (none)" } else { "" }
        );
    }
    out.push_str("items:\n");
    let mut line = |kind: &str, item: &Item| {
        let _ = writeln!(
            out,
            "  {kind} {}{} [{}]{}: {}",
            item.id,
            if item.id_from_document { "*" } else { "" },
            item.section,
            item.area
                .map_or(String::new(), |a| format!(" area={}", a.as_str())),
            clip(&item.text.replace('\n', " / "), 70)
        );
    };
    for i in &plan.aspirations {
        line("aspiration", i);
    }
    for n in &plan.needs {
        line("need", &n.item);
    }
    for o in &plan.outcomes {
        line("outcome", &o.item);
    }
    for p in &plan.provision {
        line("provision", &p.item);
    }
    for i in &plan.placement {
        line("placement", i);
    }
    for a in &plan.advice {
        line("advice", &a.item);
    }
    out.push_str("thread:\n");
    for l in &review.thread.links {
        let _ = writeln!(
            out,
            "  {} -> {} ({}, {:.2})",
            l.from,
            l.to,
            l.evidence.as_str(),
            l.score
        );
    }
    out
}

#[test]
fn heldout_plan_models() {
    for (file, _, bytes) in plans() {
        let review = ehcp_core::check(&bytes, &ehcp_core::Config::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        insta::assert_snapshot!(file.trim_end_matches(".docx").to_owned(), outline(&review));
    }
}
