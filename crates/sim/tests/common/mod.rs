//! What the seeded tests share.

/// SplitMix64: a small, well-mixed PRNG for a test's own choices (not the
/// simulation's: that is `kafka_sim::rng::SimRng`, seeded by the config).
pub struct Rng(pub u64);

#[allow(dead_code)]
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    #[allow(dead_code)] // Not every test draws percentages.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    #[allow(dead_code)]
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() as usize % items.len()]
    }
}

use kafka_sim::view::PartitionView;
use kafka_sim::{BrokerId, Cluster, ClusterConfig, Command, Event};

/// A cluster plus every event it emitted, oldest first (the scenario tests'
/// harness; each test file adds the readers it needs in its own `impl Sim`).
#[allow(dead_code)]
pub struct Sim {
    pub c: Cluster,
    pub events: Vec<Event>,
}

#[allow(dead_code)]
impl Sim {
    pub fn new(config: ClusterConfig) -> Self {
        let mut c = Cluster::new(config).expect("valid config");
        let events = c.drain_events();
        Sim { c, events }
    }

    pub fn tick(&mut self) {
        self.c.tick();
        self.events.extend(self.c.drain_events());
    }

    pub fn run_until(&mut self, t_ms: u64) {
        while self.c.time_ms() < t_ms {
            self.tick();
        }
    }

    /// Applies a command that must be accepted (a refusal fails the test).
    pub fn apply(&mut self, command: Command) {
        let r = self.c.apply(command.clone());
        self.events.extend(self.c.drain_events());
        r.unwrap_or_else(|e| panic!("{command:?} was refused: {}", e.en()));
    }

    pub fn now(&self) -> u64 {
        self.c.time_ms()
    }

    /// Partition 0 of the first topic.
    pub fn p(&self) -> PartitionView {
        self.c.view().topics[0].partitions[0].clone()
    }

    /// The log end offset of `broker`'s replica of [`Sim::p`].
    pub fn leo_of(&self, broker: BrokerId) -> u64 {
        self.p().log_end_offsets.iter().find(|(b, _)| *b == broker).map(|(_, o)| *o).expect("a replica")
    }
}
