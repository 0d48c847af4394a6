//! A set of ids kept as a sorted `Vec`.
//!
//! Annotation's sets (comment ids, paragraph ids, durable ids) are small and
//! mostly built once; a sorted vector answers `contains` by binary search.
//! It replaces `BTreeSet`, whose code the add-in's WebAssembly carried once
//! per key type (4 to 7 KB each before optimisation).

/// Ids in ascending order, each once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdSet<T>(Vec<T>);

impl<T> Default for IdSet<T> {
    fn default() -> Self {
        IdSet(Vec::new())
    }
}

impl<T: Ord + Copy> IdSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `id`; false when it was already there.
    pub fn insert(&mut self, id: T) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    pub fn contains(&self, id: &T) -> bool {
        self.0.binary_search(id).is_ok()
    }

    /// The ids in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: Ord + Copy> FromIterator<T> for IdSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(ids: I) -> Self {
        let mut set = IdSet(ids.into_iter().collect());
        set.0.sort_unstable();
        set.0.dedup();
        set
    }
}

impl<T: Ord + Copy> Extend<T> for IdSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, ids: I) {
        self.0.extend(ids);
        self.0.sort_unstable();
        self.0.dedup();
    }
}

impl<'a, T> IntoIterator for &'a IdSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;

    #[test]
    fn keeps_each_id_once_in_ascending_order() {
        let mut set: IdSet<u32> = [5, 1, 5, 3].into_iter().collect();
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert!(set.insert(4));
        assert!(!set.insert(3));
        set.extend([9, 0, 4]);
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [0, 1, 3, 4, 5, 9]);
        assert!(set.contains(&9) && !set.contains(&2));
        assert!(IdSet::<i64>::new().iter().next().is_none());
    }
}
