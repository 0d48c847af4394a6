//! Where the configuration comes from, and how the terminal is used.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use ehcp_core::Config;

/// The file looked for in the working directory when `--config` is not given.
pub const DEFAULT_CONFIG: &str = "ehcp.toml";

/// Loads `--config PATH`, else `ehcp.toml` in the working directory when
/// present, else the defaults. An unreadable file or an unknown key is an
/// error naming the file.
pub fn load_config(explicit: Option<&Path>) -> anyhow::Result<Config> {
    let path: PathBuf = match explicit {
        Some(path) => path.to_path_buf(),
        None => {
            let default = PathBuf::from(DEFAULT_CONFIG);
            if !default.is_file() {
                return Ok(Config::default());
            }
            default
        }
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow!("{}: {}", path.display(), crate::output::io_reason(&e)))?;
    Config::from_toml(&text).map_err(|e| {
        let message = e.to_string();
        let message = message.strip_prefix("ehcp.toml: ").unwrap_or(&message);
        anyhow!("{}: {message}", path.display())
    })
}

/// How output is shown: colour on a terminal only (never with `NO_COLOR`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> Style {
        Style {
            color: std::io::stdout().is_terminal() && !no_color(),
        }
    }

    pub fn plain() -> Style {
        Style { color: false }
    }

    /// `text` wrapped in an ANSI SGR sequence when colour is on.
    pub fn paint(&self, sgr: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// `NO_COLOR` set to a non-empty value (<https://no-color.org>).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
