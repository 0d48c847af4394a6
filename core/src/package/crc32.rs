//! CRC-32 (the IEEE polynomial zip uses) of zip entries and names.
//!
//! Native builds (the CLI, batch) use `crc32fast`, which is several times
//! faster. The add-in's WebAssembly computes it a byte at a time from one
//! 1 KiB table built at compile time: `crc32fast`'s 16 KiB of tables were
//! the largest single table in the .wasm, and the pane checks one plan at a
//! time. The test below holds the two to the same answers.

/// The CRC-32 of `bytes`.
#[cfg(not(target_arch = "wasm32"))]
pub fn hash(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// The CRC-32 of `bytes`.
#[cfg(target_arch = "wasm32")]
pub fn hash(bytes: &[u8]) -> u32 {
    bytewise(bytes)
}

/// The reflected polynomial 0x04C11DB7.
#[cfg(any(target_arch = "wasm32", test))]
const POLYNOMIAL: u32 = 0xEDB8_8320;

#[cfg(any(target_arch = "wasm32", test))]
const TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 == 1 {
                POLYNOMIAL ^ (c >> 1)
            } else {
                c >> 1
            };
            bit += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

#[cfg(any(target_arch = "wasm32", test))]
fn bytewise(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_value_and_the_empty_string() {
        assert_eq!(bytewise(b"123456789"), 0xCBF4_3926);
        assert_eq!(bytewise(b""), 0);
    }

    #[test]
    fn the_wasm_table_agrees_with_crc32fast() {
        // Lengths across crc32fast's block sizes, bytes from a simple LCG.
        let mut state = 0x1234_5678u32;
        for len in [1usize, 3, 15, 16, 17, 63, 64, 65, 255, 1024, 4099, 70_000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 16) as u8
                })
                .collect();
            assert_eq!(bytewise(&bytes), crc32fast::hash(&bytes), "length {len}");
        }
    }
}
