//! The wasm-bindgen wrapper around the core.
