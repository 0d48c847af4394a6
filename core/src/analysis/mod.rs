//! Reading the wording of provision and outcomes: frequency, duration, group
//! size, who delivers, time frames, measures and hedged wording. The
//! vocabularies are data files in `core/data/` that a local authority can
//! extend through `ehcp.toml`.

use crate::config::Config;

/// The vocabularies the rules and the linker use, defaults plus configuration.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Hedging phrases that defeat enforcement ("as appropriate", "access to" …).
    pub vague_phrases: Vec<String>,
    /// Roles that say who delivers provision ("speech and language therapist" …).
    pub roles: Vec<String>,
}

impl Lexicon {
    /// The built-in vocabularies extended by the configuration.
    pub fn new(config: &Config) -> Lexicon {
        Lexicon {
            vague_phrases: config.vague_phrases.clone(),
            roles: config.roles.clone(),
        }
    }
}
