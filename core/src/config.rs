//! `ehcp.toml`: what a local authority can change. Parsed from text (the core
//! never reads files); an unknown key is an error that names it.

use std::collections::BTreeMap;

use serde::Deserialize;
use thiserror::Error;

use crate::finding::Severity;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("ehcp.toml: {0}")]
    Syntax(String),
    #[error("ehcp.toml: unknown rule '{0}' (run `ehcp rules` for the list)")]
    UnknownRule(String),
    #[error(
        "ehcp.toml: '{value}' is not a severity for rule '{rule}' (use error, warning, info or off)"
    )]
    BadSeverity { rule: String, value: String },
    #[error(
        "ehcp.toml: heading pattern for section '{section}' is not a valid regular expression: {message}"
    )]
    BadPattern { section: String, message: String },
    #[error("ehcp.toml: '{0}' is not a section id (use A, B, C, D, E, F, G, H, H1, H2, I, J or K)")]
    BadSection(String),
    #[error("ehcp.toml: plan_date '{0}' is not a date (use YYYY-MM-DD)")]
    BadDate(String),
}

/// The configuration as the file states it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Per rule: `"off"`, or a severity (`"error"`, `"warning"`, `"info"`).
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// Extra hedging phrases for `provision/vague-wording`.
    #[serde(default)]
    pub vague_phrases: Vec<String>,
    /// Extra roles that count as saying who delivers provision.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Extra heading patterns for the reader, per section id
    /// (`[headings] F = ["^Provision to meet"]`).
    #[serde(default)]
    pub headings: BTreeMap<String, Vec<String>>,
    /// Author of the comments `ehcp annotate` writes.
    #[serde(default)]
    pub comment_author: Option<String>,
    /// The plan date (YYYY-MM-DD) to use where the document has none.
    #[serde(default)]
    pub plan_date: Option<String>,
}

/// What a rule is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    Severity(Severity),
}

impl Config {
    /// Parses `ehcp.toml` text and checks every value.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let config: Config =
            toml::from_str(text).map_err(|e| ConfigError::Syntax(one_line(&e.to_string())))?;
        config.validate()?;
        Ok(config)
    }

    /// Parses the same configuration written as JSON (the fields of
    /// `ehcp.toml` as one object, e.g. `{"rules": {"provision/duplicated":
    /// "off"}}`) and checks every value as [`Config::from_toml`] does. The
    /// add-in takes its configuration this way: the .wasm already links
    /// serde_json, and leaving the TOML parser out keeps it small.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(text)
            .map_err(|e| ConfigError::Syntax(one_line(&e.to_string())))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        for (rule, value) in &self.rules {
            if crate::rules::find(rule).is_none() {
                return Err(ConfigError::UnknownRule(rule.clone()));
            }
            parse_setting(value).ok_or_else(|| ConfigError::BadSeverity {
                rule: rule.clone(),
                value: value.clone(),
            })?;
        }
        self.extract_options()?;
        Ok(())
    }

    /// The setting for one rule, if the configuration changes it.
    pub fn rule_setting(&self, rule: &str) -> Option<RuleSetting> {
        self.rules.get(rule).and_then(|v| parse_setting(v))
    }

    /// Options for the plan extractor (heading patterns, plan date).
    pub fn extract_options(&self) -> Result<crate::plan::ExtractOptions, ConfigError> {
        let mut options = crate::plan::ExtractOptions::default();
        for (section, patterns) in &self.headings {
            let id = crate::plan::SectionId::parse(section)
                .ok_or_else(|| ConfigError::BadSection(section.clone()))?;
            for pattern in patterns {
                let regex = crate::re::RegexBuilder::new(pattern)
                    .case_insensitive(true)
                    .build()
                    .map_err(|e| ConfigError::BadPattern {
                        section: section.clone(),
                        message: one_line(&e.to_string()),
                    })?;
                options.heading_patterns.push((id, regex));
            }
        }
        if let Some(date) = &self.plan_date {
            options.plan_date =
                Some(parse_iso_date(date).ok_or_else(|| ConfigError::BadDate(date.clone()))?);
        }
        Ok(options)
    }
}

fn parse_setting(value: &str) -> Option<RuleSetting> {
    if value.trim().eq_ignore_ascii_case("off") {
        Some(RuleSetting::Off)
    } else {
        Severity::parse(value).map(RuleSetting::Severity)
    }
}

fn parse_iso_date(s: &str) -> Option<crate::text::Date> {
    let mut parts = s.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(crate::text::Date {
        year,
        month,
        day: Some(day),
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "toml")]
    fn json_and_toml_give_the_same_configuration() {
        let toml = "comment_author = \"QA\"\nplan_date = \"2025-09-01\"\nroles = [\"key worker\"]\n\
                    [rules]\n\"provision/duplicated\" = \"off\"\n[headings]\nF = [\"^Provision to meet\"]\n";
        let json = r#"{"comment_author": "QA", "plan_date": "2025-09-01", "roles": ["key worker"],
                       "rules": {"provision/duplicated": "off"}, "headings": {"F": ["^Provision to meet"]}}"#;
        let a = Config::from_toml(toml).unwrap();
        let b = Config::from_json(json).unwrap();
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(
            b.rule_setting("provision/duplicated"),
            Some(RuleSetting::Off)
        );
    }

    #[test]
    fn json_configuration_is_checked_like_toml() {
        let unknown_rule = Config::from_json(r#"{"rules": {"no/such-rule": "off"}}"#).unwrap_err();
        assert!(matches!(unknown_rule, ConfigError::UnknownRule(ref r) if r == "no/such-rule"));
        let unknown_key = Config::from_json(r#"{"colour": "red"}"#).unwrap_err();
        assert!(unknown_key.to_string().contains("colour"), "{unknown_key}");
        let bad_date = Config::from_json(r#"{"plan_date": "1 Sept"}"#).unwrap_err();
        assert!(matches!(bad_date, ConfigError::BadDate(_)));
        assert!(Config::from_json("{").is_err());
    }
}
