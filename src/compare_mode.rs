//! Compare mode's state in the app (issue 15): the engine's
//! [`Comparison`] in a private `RefCell` (ticked in place, as the explorer's
//! cluster is) and the plain data the compare view draws, copied out after
//! every change. Pure Rust, tested natively.

use kafka_sim::compare::{Comparison, Setting, Strip};
use kafka_sim::error::SimError;
use kafka_sim::view::ClusterView;
use kafka_sim::{BrokerId, Cluster, Command, Lang};
use std::cell::RefCell;
use std::rc::Rc;

/// A command of compare mode's bar, given to every copy at the same simulated
/// time. The P0 commands are resolved in each copy (its own leader), so they
/// mean the same thing even after the copies' leaders diverged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareCommand {
    /// Slow the followers of the first topic's partition 0 (×30 fetch delay),
    /// as chapter 3 does: the leader then holds records nobody copied yet.
    SlowFollowersOfP0,
    /// Kill the broker leading the first topic's partition 0.
    KillLeaderOfP0,
    KillBroker(BrokerId),
    RestartBroker(BrokerId),
}

/// How much slower `SlowFollowersOfP0` makes a follower's fetches.
const SLOW_FACTOR: u32 = 30;

/// What the compare view draws: one entry per copy.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareData {
    pub setting: Setting,
    pub time_ms: u64,
    pub strips: Vec<Strip>,
    pub views: Vec<Rc<ClusterView>>,
}

/// Compare mode: the copies and their picture.
#[derive(Clone)]
pub struct CompareMode {
    engine: Rc<RefCell<Comparison>>,
    pub data: Rc<CompareData>,
}

impl CompareMode {
    /// Copies of `base` differing in `setting`, or why that cannot be compared.
    pub fn open(setting: Setting, base: &kafka_sim::ClusterConfig) -> Result<Self, SimError> {
        let mut c = Comparison::new(setting, base)?;
        // No records in flight are drawn here: skip the per-record events.
        c.set_record_events(false);
        let data = Rc::new(snapshot(&c));
        Ok(Self { engine: Rc::new(RefCell::new(c)), data })
    }

    pub fn setting(&self) -> Setting {
        self.data.setting
    }

    /// `n` steps of every copy, then a fresh picture.
    pub fn advance(&mut self, n: u32) {
        {
            let mut c = self.engine.borrow_mut();
            (0..n).for_each(|_| c.tick());
        }
        self.refresh();
    }

    /// Gives every copy the command; the refusals as (en, ko) lines, one per
    /// copy that refused, each led by the copy's label.
    pub fn apply(&mut self, command: CompareCommand) -> Vec<(String, String)> {
        let results = self.engine.borrow_mut().apply_each(|cluster| resolve(command, cluster));
        self.refresh();
        results
            .iter()
            .zip(&self.data.strips)
            .filter_map(|(r, s)| {
                let e = r.as_ref().err()?;
                Some((
                    format!("{}: {}", s.label_en, e.message(Lang::En)),
                    format!("{}: {}", s.label_ko, e.message(Lang::Ko)),
                ))
            })
            .collect()
    }

    fn refresh(&mut self) {
        self.data = Rc::new(snapshot(&self.engine.borrow()));
    }
}

fn snapshot(c: &Comparison) -> CompareData {
    CompareData {
        setting: c.setting(),
        time_ms: c.time_ms(),
        strips: c.strips(),
        views: c.runs().iter().map(|r| Rc::new(r.cluster.view())).collect(),
    }
}

/// The engine commands `command` means in one copy.
fn resolve(command: CompareCommand, cluster: &Cluster) -> Vec<Command> {
    let p0 = || cluster.view().topics.first().and_then(|t| t.partitions.first().cloned());
    match command {
        CompareCommand::KillBroker(broker) => vec![Command::KillBroker { broker }],
        CompareCommand::RestartBroker(broker) => vec![Command::RestartBroker { broker }],
        // An offline P0 has no leader to kill: nothing happens in that copy.
        CompareCommand::KillLeaderOfP0 => {
            p0().and_then(|p| p.leader).map(|broker| Command::KillBroker { broker }).into_iter().collect()
        }
        CompareCommand::SlowFollowersOfP0 => p0()
            .map(|p| {
                p.replicas
                    .iter()
                    .filter(|&&b| Some(b) != p.leader)
                    .map(|&broker| Command::SlowBroker { broker, factor: SLOW_FACTOR })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    /// The browser test's story on the app's `default` preset: slow P0's
    /// followers, kill its leader; acks=1 loses acknowledged records, acks=all
    /// none.
    #[test]
    fn slow_then_kill_the_leader_loses_acked_records_only_with_acks_1() {
        let mut m = CompareMode::open(Setting::Acks, &Preset::Default.config(1)).unwrap();
        m.advance(50);
        assert!(m.apply(CompareCommand::SlowFollowersOfP0).is_empty());
        m.advance(20);
        assert!(m.apply(CompareCommand::KillLeaderOfP0).is_empty());
        m.advance(200);
        let s = &m.data.strips;
        assert_eq!(s.len(), 3);
        assert!(s[1].acked_lost > 0, "{:?}", s[1]);
        assert_eq!(s[2].acked_lost, 0, "{:?}", s[2]);
        assert_eq!(m.data.time_ms, 270 * 100);
        assert!(m.data.views.iter().all(|v| v.time_ms == m.data.time_ms), "one clock");
    }

    #[test]
    fn a_refused_command_is_reported_per_copy_with_its_label() {
        let mut m = CompareMode::open(Setting::Unclean, &Preset::Default.config(1)).unwrap();
        let refusals = m.apply(CompareCommand::RestartBroker(1));
        assert_eq!(refusals.len(), 2, "{refusals:?}");
        assert!(refusals[0].0.starts_with("unclean.leader.election.enable=false: "), "{refusals:?}");
        assert!(!refusals[0].1.is_empty());
        let refusals = m.apply(CompareCommand::KillBroker(9));
        assert_eq!(refusals.len(), 2, "{refusals:?}");
    }
}
