//! A map kept as a `Vec` sorted by key: the small maps of the engine (a handful
//! of members, topics or error names) with `BTreeMap`'s iteration order.
//!
//! Why not `BTreeMap`: every `BTreeMap<K, V>` type instantiates its own copy of
//! the B-tree code (search, split, merge, iterators, bulk build), several KB of
//! WebAssembly each; a sorted `Vec` costs a binary search and a shift. Lookups
//! are O(log n) and inserts O(n), which is fine for the sizes used here.

use std::borrow::Borrow;

/// A map whose entries are kept sorted by key (ascending `Ord`), like `BTreeMap`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        Self { entries: Vec::new() }
    }
}

impl<K: Ord, V> VecMap<K, V> {
    pub const fn new() -> Self {
        Self { entries: Vec::new() }
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Inserts or replaces; returns the value replaced, as `BTreeMap::insert`.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The value of `key`, inserted by `make` first if absent (`entry().or_insert_with()`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn first(&self) -> Option<(&K, &V)> {
        self.entries.first().map(|(k, v)| (k, v))
    }

    pub fn last(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(k, v)| (k, v))
    }
}

impl<K: Ord, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// Later duplicates replace earlier ones, as collecting into a `BTreeMap` does.
impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// A set kept as a sorted `Vec`, like `BTreeSet`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VecSet<T> {
    map: VecMap<T, ()>,
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        Self { map: VecMap::default() }
    }
}

impl<T: Ord> VecSet<T> {
    pub const fn new() -> Self {
        Self { map: VecMap::new() }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// `true` if `value` was not there yet, as `BTreeSet::insert`.
    pub fn insert(&mut self, value: T) -> bool {
        self.map.insert(value, ()).is_none()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.contains_key(value)
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.remove(value).is_some()
    }

    /// Values in ascending order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.map.keys()
    }

    pub fn first(&self) -> Option<&T> {
        self.map.first().map(|(k, _)| k)
    }

    pub fn last(&self) -> Option<&T> {
        self.map.last().map(|(k, _)| k)
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self { map: iter.into_iter().map(|v| (v, ())).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Same results and iteration order as `BTreeMap` under a random mix of operations.
    #[test]
    fn behaves_like_btreemap() {
        let mut rng = crate::rng::SimRng::new(7);
        let (mut ours, mut std) = (VecMap::new(), BTreeMap::new());
        for _ in 0..5_000 {
            let k = rng.below(64);
            let v = rng.below(1_000);
            match rng.below(4) {
                0 | 1 => assert_eq!(ours.insert(k, v), std.insert(k, v)),
                2 => assert_eq!(ours.remove(&k), std.remove(&k)),
                _ => {
                    *ours.get_or_insert_with(k, || 0) += v;
                    *std.entry(k).or_insert(0) += v;
                }
            }
            assert_eq!(ours.get(&k), std.get(&k));
            assert_eq!(ours.len(), std.len());
        }
        ours.retain(|k, _| k % 3 != 0);
        std.retain(|k, _| k % 3 != 0);
        assert!(ours.iter().eq(std.iter()));
        assert_eq!(ours.first(), std.first_key_value());
        assert_eq!(ours.last(), std.last_key_value());
        let collected: VecMap<u64, u64> = [(3, 1), (1, 2), (3, 4)].into_iter().collect();
        assert_eq!(collected.into_iter().collect::<Vec<_>>(), vec![(1, 2), (3, 4)]);
    }

    #[test]
    fn set_keeps_order_and_uniqueness() {
        let mut s: VecSet<&str> = ["b", "a", "c", "a"].into_iter().collect();
        assert_eq!(s.len(), 3);
        assert!(!s.insert("b"));
        assert!(s.insert("0"));
        assert!(s.remove("c"));
        assert!(!s.contains("c"));
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["0", "a", "b"]);
        assert_eq!((s.first(), s.last()), (Some(&"0"), Some(&"b")));
    }
}
