//! Any bytes into the reader: a `Document` or a typed error, never a panic,
//! hang or unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ehcp_core::read_document(data);
});
