//! The rule catalogue against its fixtures: every rule has documentation,
//! a positive fixture it fires on and a negative one it stays silent on, and
//! a reviewed snapshot of what the user sees. Fixtures are plans in the small
//! text format of `tests/support/mod.rs`, under `tests/fixtures/rules/<rule id>/`.

mod support;

use std::path::{Path, PathBuf};

use ehcp_core::analysis::Lexicon;
use ehcp_core::config::Config;
use ehcp_core::finding::{Finding, Severity};
use ehcp_core::review::CheckContext;
use ehcp_core::rules::{self, REGISTRY};
use ehcp_core::thread;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Reads, links and checks a fixture with every rule at its default severity.
fn check(path: &Path) -> (ehcp_core::Document, Vec<Finding>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (document, plan) = support::parse(&text);
    let config = Config::default();
    let lexicon = Lexicon::new(&config);
    let graph = thread::link(&document, &plan, &lexicon);
    if std::env::var_os("EHCP_DEBUG_LINKS").is_some() {
        eprintln!("{}", path.display());
        for l in graph
            .links
            .iter()
            .filter(|l| l.evidence == ehcp_core::plan::LinkEvidence::Inferred)
        {
            eprintln!("  link {} -> {} {:.2} {}", l.from, l.to, l.score, l.detail);
        }
        for l in &graph.weak_links {
            eprintln!("  weak {} -> {} {:.2} {}", l.from, l.to, l.score, l.detail);
        }
    }
    let context = CheckContext {
        document: &document,
        plan: &plan,
        thread: &graph,
        lexicon: &lexicon,
    };
    let findings = rules::run(&context, &config);
    (document, findings)
}

/// What a caseworker sees for one finding, as `ehcp check` prints it.
fn render(findings: &[&Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!(
            "{} [{}] section {} {}{}\n  quote: {:?}\n  {}\n  help: {}\n",
            f.severity,
            f.rule,
            f.section.map_or("-".into(), |s| s.to_string()),
            f.location
                .as_ref()
                .map_or("(no location)".into(), |l| format!(
                    "paragraph {} {}..{}",
                    l.paragraph, l.range.start, l.range.end
                )),
            if f.confidence < 1.0 {
                format!(" (confidence {:.2})", f.confidence)
            } else {
                String::new()
            },
            f.quote,
            f.message,
            f.help
        ));
    }
    out
}

/// Every finding's quote is the exact visible text at its location.
fn assert_quotes(document: &ehcp_core::Document, findings: &[Finding], fixture: &Path) {
    for f in findings {
        match &f.location {
            Some(l) => assert_eq!(
                document.paragraphs[l.paragraph].text.get(l.range.clone()),
                Some(f.quote.as_str()),
                "{}: {} quote does not match its location",
                fixture.display(),
                f.rule
            ),
            None => assert!(
                f.quote.is_empty(),
                "{}: {} has a quote but no location",
                fixture.display(),
                f.rule
            ),
        }
        assert!(
            !f.message.is_empty() && !f.help.is_empty(),
            "{}: {} lacks message or help",
            fixture.display(),
            f.rule
        );
        assert!((0.0..=1.0).contains(&f.confidence));
    }
}

/// The catalogue of ehcp.md: ids and default severities, in order.
const CATALOGUE: &[(&str, Severity)] = &[
    ("structure/missing-section", Severity::Error),
    ("structure/empty-section", Severity::Error),
    ("structure/placeholder-text", Severity::Error),
    ("structure/section-order", Severity::Info),
    ("structure/h-not-split", Severity::Warning),
    ("thread/need-without-outcome", Severity::Error),
    ("thread/need-without-provision", Severity::Error),
    ("thread/outcome-without-need", Severity::Warning),
    ("thread/outcome-without-provision", Severity::Error),
    ("thread/provision-without-need", Severity::Warning),
    ("thread/aspiration-not-reflected", Severity::Warning),
    ("provision/vague-wording", Severity::Error),
    ("provision/not-quantified", Severity::Error),
    ("provision/provider-unspecified", Severity::Warning),
    ("provision/therapy-in-health-section", Severity::Warning),
    ("provision/delegated-decision", Severity::Error),
    ("provision/unilateral-change", Severity::Error),
    ("provision/funding-not-provision", Severity::Warning),
    ("provision/duplicated", Severity::Warning),
    ("outcome/not-time-bound", Severity::Warning),
    ("outcome/not-measurable", Severity::Warning),
    ("outcome/describes-provision", Severity::Warning),
    ("outcome/missing-adulthood", Severity::Warning),
    ("consistency/name-mismatch", Severity::Error),
    ("consistency/pronoun-mismatch", Severity::Warning),
    ("consistency/placement-in-draft", Severity::Warning),
    ("consistency/stale-advice", Severity::Info),
    ("consistency/age-mismatch", Severity::Warning),
    ("language/unexplained-acronym", Severity::Info),
];

#[test]
fn the_registry_is_the_catalogue_in_order() {
    let registry: Vec<(&str, Severity)> = REGISTRY
        .iter()
        .map(|r| (r.doc().id, r.doc().severity))
        .collect();
    assert_eq!(registry, CATALOGUE);
    for (id, _) in CATALOGUE {
        assert!(rules::find(id).is_some(), "{id}");
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in REGISTRY {
        let doc = rule.doc();
        for (field, value) in [
            ("summary", doc.summary),
            ("rationale", doc.rationale),
            ("reference", doc.reference),
            ("example", doc.example),
            ("fix", doc.fix),
        ] {
            assert!(
                value.trim().len() >= 10,
                "{}: {field} is empty or too short",
                doc.id
            );
        }
        assert!(
            doc.rationale.len() >= 80,
            "{}: the rationale should say why it matters",
            doc.id
        );
        assert_ne!(doc.example, doc.fix, "{}", doc.id);
    }
}

#[test]
fn every_rule_fires_on_its_positive_fixture_and_not_on_its_negative() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        let id = rule.doc().id;
        let dir = fixtures().join(id);
        for (name, should_fire) in [("positive.txt", true), ("negative.txt", false)] {
            let path = dir.join(name);
            if !path.exists() {
                problems.push(format!("{id}: missing fixture {}", path.display()));
                continue;
            }
            let (document, findings) = check(&path);
            assert_quotes(&document, &findings, &path);
            let own: Vec<&Finding> = findings.iter().filter(|f| f.rule == id).collect();
            if should_fire && own.is_empty() {
                problems.push(format!("{id}: does not fire on {}", path.display()));
            }
            if !should_fire && !own.is_empty() {
                problems.push(format!(
                    "{id}: fires on {}:\n{}",
                    path.display(),
                    render(&own)
                ));
            }
            if should_fire {
                insta::with_settings!({
                    snapshot_path => "snapshots/rules",
                    prepend_module_to_snapshot => false,
                    description => format!("findings of {id} on its positive fixture"),
                }, {
                    insta::assert_snapshot!(id.replace('/', "__"), render(&own));
                });
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Well-written plans: no errors and no warnings from any rule.
#[test]
fn clean_plans_raise_no_errors_or_warnings() {
    let dir = fixtures().join("clean");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("clean fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        let (document, findings) = check(&path);
        assert_quotes(&document, &findings, &path);
        let loud: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity > Severity::Info)
            .collect();
        assert!(loud.is_empty(), "{}:\n{}", path.display(), render(&loud));
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("clean")
            .to_owned();
        let all: Vec<&Finding> = findings.iter().collect();
        insta::with_settings!({
            snapshot_path => "snapshots/rules",
            prepend_module_to_snapshot => false,
            description => "every finding on a clean plan (infos only)",
        }, {
            insta::assert_snapshot!(format!("clean__{name}"), render(&all));
        });
    }
}

/// Configured severities apply; `off` silences a rule.
#[test]
fn configuration_changes_severities() {
    let path = fixtures().join("provision/vague-wording/positive.txt");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let (document, plan) = support::parse(&text);
    let config = Config::from_toml("[rules]\n\"provision/vague-wording\" = \"warning\"\n\"provision/not-quantified\" = \"off\"\n")
        .expect("config");
    let lexicon = Lexicon::new(&config);
    let graph = thread::link(&document, &plan, &lexicon);
    let context = CheckContext {
        document: &document,
        plan: &plan,
        thread: &graph,
        lexicon: &lexicon,
    };
    let findings = rules::run(&context, &config);
    assert!(findings.iter().any(|f| f.rule == "provision/vague-wording"));
    assert!(
        findings
            .iter()
            .filter(|f| f.rule == "provision/vague-wording")
            .all(|f| f.severity == Severity::Warning)
    );
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == "provision/not-quantified")
    );
}
