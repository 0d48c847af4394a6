//! Lookups in vectors sorted by a key: the core's alternative to a hash map
//! or B-tree where a collection is built once and then searched (styles,
//! numbering, the zip index, flat OPC parts, the linker's indexes). Each map
//! type costs the add-in's `.wasm` its own copy of the table code; these
//! few generic lines are all a sorted vector needs.

/// Sorts `entries` by `key` and keeps the first entry of each key (the sort
/// is stable), as `entry(key).or_insert(..)` into a map would.
pub(crate) fn keep_first_by_key<T, K: Ord + ?Sized>(entries: &mut Vec<T>, key: impl Fn(&T) -> &K) {
    entries.sort_by(|a, b| key(a).cmp(key(b)));
    entries.dedup_by(|later, first| key(later) == key(first));
}

/// Sorts `entries` by `key` and keeps the last entry of each key, as
/// `insert(key, ..)` into a map would.
pub(crate) fn keep_last_by_key<T, K: Ord + ?Sized>(entries: &mut Vec<T>, key: impl Fn(&T) -> &K) {
    entries.reverse();
    keep_first_by_key(entries, key);
}

/// The entry whose key is `wanted`, in entries sorted by `key` with one
/// entry per key.
pub(crate) fn find_by_key<'e, T, K: Ord + ?Sized>(
    entries: &'e [T],
    wanted: &K,
    key: impl Fn(&T) -> &K,
) -> Option<&'e T> {
    let at = entries.binary_search_by(|e| key(e).cmp(wanted)).ok()?;
    Some(&entries[at])
}

/// The entries whose key is `wanted`, in entries sorted by `key` (any
/// number per key).
pub(crate) fn run_by_key<'e, T, K: Ord + ?Sized>(
    entries: &'e [T],
    wanted: &K,
    key: impl Fn(&T) -> &K,
) -> &'e [T] {
    let start = entries.partition_point(|e| key(e) < wanted);
    let len = entries[start..].partition_point(|e| key(e) == wanted);
    &entries[start..start + len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_and_last_of_a_key_and_runs() {
        let entries = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let mut first = entries.clone();
        keep_first_by_key(&mut first, |e| &e.0);
        assert_eq!(first, [(1, 'b'), (2, 'd'), (3, 'a')]);
        let mut last = entries.clone();
        keep_last_by_key(&mut last, |e| &e.0);
        assert_eq!(last, [(1, 'e'), (2, 'd'), (3, 'c')]);
        assert_eq!(find_by_key(&first, &2, |e| &e.0), Some(&(2, 'd')));
        assert_eq!(find_by_key(&first, &4, |e| &e.0), None);

        let mut all = entries;
        all.sort();
        assert_eq!(run_by_key(&all, &3, |e| &e.0), [(3, 'a'), (3, 'c')]);
        assert!(run_by_key(&all, &0, |e| &e.0).is_empty());
        assert!(run_by_key(&all, &9, |e| &e.0).is_empty());
    }
}
