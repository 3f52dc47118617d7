//! Records in flight: what the canvas layer animates between simulation steps.
//! Planning (which dots, from where to where) is a pure function of the step's
//! events (produced, follower_fetched, consumed) and the view, tested natively; drawing happens
//! in `components::records_layer` once per animation frame.

use crate::layout::{cell_window, Topology};
use crate::palette::{CONSUME_STYLE, REPLICATE_STYLE};
use kafka_sim::event::{Event, EventKind};
use kafka_sim::view::ClusterView;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hop {
    /// Producer → partitioner → leader replica (lands at its offset).
    Produce,
    /// Leader → follower, as the follower fetches.
    Replicate,
    /// Leader → consumer, when a poll reads it.
    Consume,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    pub from: (f64, f64),
    /// A waypoint (the partitioner stage for produced records).
    pub via: Option<(f64, f64)>,
    pub to: (f64, f64),
    /// Start time and duration in ms of the page clock.
    pub start: f64,
    pub dur: f64,
    /// Producer index: picks colour and shape.
    pub style: u32,
    pub hop: Hop,
}

impl Flight {
    /// Where the dot is at `now`, or `None` before it starts / after it lands.
    pub fn position(&self, now: f64) -> Option<(f64, f64)> {
        let t = (now - self.start) / self.dur;
        if !(0.0..=1.0).contains(&t) {
            return None;
        }
        // Ease in-out so dots visibly leave and land.
        let e = t * t * (3.0 - 2.0 * t);
        let lerp = |a: (f64, f64), b: (f64, f64), u: f64| (a.0 + (b.0 - a.0) * u, a.1 + (b.1 - a.1) * u);
        Some(match self.via {
            Some(v) if e < 0.5 => lerp(self.from, v, e * 2.0),
            Some(v) => lerp(v, self.to, (e - 0.5) * 2.0),
            None => lerp(self.from, self.to, e),
        })
    }
}

/// What one step's change contains, counted fully even when only a sample is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepCounts {
    pub produced: u64,
    pub replicated: u64,
    pub consumed: u64,
    pub drawn: u64,
}

/// Plans the flights for one update: at most `cap` dots, sampled evenly from
/// every record that moved, so heavy load is shown honestly (a sample plus
/// counts) instead of dropping frames.
pub fn plan<'a>(
    view: &ClusterView,
    events: impl IntoIterator<Item = &'a Event>,
    topo: &Topology,
    start: f64,
    dur: f64,
    cap: usize,
) -> (Vec<Flight>, StepCounts) {
    let mut all: Vec<Flight> = Vec::new();
    let mut counts = StepCounts::default();
    let style_of = |producer: &str| view.producers.iter().position(|p| p.id == producer).unwrap_or(0) as u32;
    for e in events {
        match &e.kind {
            EventKind::Produced { producer, topic, partition, first_offset, last_offset, count } => {
                counts.produced += u64::from(*count);
                let Some(part) =
                    view.topics.iter().find(|t| &t.name == topic).and_then(|t| t.partitions.get(*partition as usize))
                else {
                    continue;
                };
                let (Some(leader), Some(pb)) = (part.leader, topo.producer(producer)) else {
                    continue;
                };
                let Some(r) = topo.replica(topic, *partition, leader) else {
                    continue;
                };
                let window = cell_window(part.log_start_offset, part.log_end_offset);
                let n = u64::from(*count).min(32);
                for i in 0..n {
                    // Spread the landing offsets over the batch's range.
                    let offset = first_offset + (last_offset - first_offset) * i / n.max(1);
                    let slot = offset.saturating_sub(window) as u32;
                    all.push(Flight {
                        from: pb.rect.right_mid(),
                        via: Some(topo.partitioner.center()),
                        to: r.cell(slot).center(),
                        start: start + (i as f64) * dur * 0.3 / n as f64,
                        dur,
                        style: style_of(producer),
                        hop: Hop::Produce,
                    });
                }
            }
            EventKind::Consumed { group, member, topic, partition, from_offset, to_offset, .. } => {
                let n = to_offset - from_offset;
                counts.consumed += n;
                let Some(part) =
                    view.topics.iter().find(|t| &t.name == topic).and_then(|t| t.partitions.get(*partition as usize))
                else {
                    continue;
                };
                let (Some(leader), Some(mb)) = (part.leader, topo.member(group, member)) else {
                    continue;
                };
                let Some(r) = topo.replica(topic, *partition, leader) else {
                    continue;
                };
                for i in 0..n.min(16) {
                    all.push(Flight {
                        from: r.rect.right_mid(),
                        via: None,
                        to: mb.rect.left_mid(),
                        start: start + (i as f64) * dur * 0.3 / n.min(16) as f64,
                        dur,
                        style: CONSUME_STYLE,
                        hop: Hop::Consume,
                    });
                }
            }
            EventKind::FollowerFetched { topic, partition, broker, leader, from_offset, to_offset } => {
                let n = to_offset - from_offset;
                counts.replicated += n;
                let (Some(lr), Some(fr)) =
                    (topo.replica(topic, *partition, *leader), topo.replica(topic, *partition, *broker))
                else {
                    continue;
                };
                let n = n.min(8);
                for i in 0..n {
                    all.push(Flight {
                        from: lr.rect.center(),
                        via: None,
                        to: fr.rect.center(),
                        start: start + (i as f64) * dur * 0.3 / n as f64,
                        dur,
                        style: REPLICATE_STYLE,
                        hop: Hop::Replicate,
                    });
                }
            }
            _ => {}
        }
    }
    let flights = sample(all, cap);
    counts.drawn = flights.len() as u64;
    (flights, counts)
}

/// Keeps at most `cap` items, evenly spaced (deterministic).
fn sample(all: Vec<Flight>, cap: usize) -> Vec<Flight> {
    if all.len() <= cap {
        return all;
    }
    let n = all.len();
    (0..cap).map(|i| all[i * n / cap]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::topology;
    use crate::presets::Preset;
    use kafka_sim::Cluster;

    #[test]
    fn a_flight_moves_from_start_through_the_waypoint_to_the_end() {
        let f = Flight {
            from: (0.0, 0.0),
            via: Some((50.0, 0.0)),
            to: (100.0, 100.0),
            start: 10.0,
            dur: 100.0,
            style: 0,
            hop: Hop::Produce,
        };
        assert_eq!(f.position(9.0), None);
        assert_eq!(f.position(10.0), Some((0.0, 0.0)));
        assert_eq!(f.position(60.0), Some((50.0, 0.0)));
        assert_eq!(f.position(110.0), Some((100.0, 100.0)));
        assert_eq!(f.position(111.0), None);
    }

    #[test]
    fn a_step_plans_produce_replicate_and_consume_flights_and_caps_honestly() {
        let mut c = Cluster::new(Preset::Default.config(3)).unwrap();
        c.run_until(2000);
        c.drain_events();
        for _ in 0..5 {
            c.tick();
        }
        let events = c.drain_events();
        let view = c.view();
        let topo = topology(&view, 1400.0);
        let (flights, counts) = plan(&view, &events, &topo, 0.0, 500.0, 1000);
        assert!(counts.produced > 0 && counts.replicated > 0 && counts.consumed > 0, "{counts:?}");
        assert!(flights.iter().any(|f| f.hop == Hop::Produce) && flights.iter().any(|f| f.hop == Hop::Replicate));
        let (few, c2) = plan(&view, &events, &topo, 0.0, 500.0, 3);
        assert_eq!(few.len(), 3);
        assert_eq!((c2.produced, c2.drawn), (counts.produced, 3), "counts stay complete when sampling");
    }

    /// Replication dots come from the engine's `follower_fetched` events: one
    /// count per fetched record, dots from the leader's box to that follower's.
    #[test]
    fn replication_dots_come_from_follower_fetch_events() {
        let mut c = Cluster::new(Preset::Default.config(3)).unwrap();
        c.run_until(2000);
        c.drain_events();
        c.tick();
        c.tick();
        let events = c.drain_events();
        let fetches: Vec<_> = events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::FollowerFetched { topic, partition, broker, leader, from_offset, to_offset } => {
                    Some((topic.clone(), *partition, *broker, *leader, to_offset - from_offset))
                }
                _ => None,
            })
            .collect();
        assert!(!fetches.is_empty(), "followers fetch every step under load");
        let view = c.view();
        let topo = topology(&view, 1400.0);
        let (flights, counts) = plan(&view, &events, &topo, 0.0, 500.0, 10_000);
        assert_eq!(counts.replicated, fetches.iter().map(|f| f.4).sum::<u64>());
        for (topic, p, broker, leader, n) in &fetches {
            let (lr, fr) = (topo.replica(topic, *p, *leader).unwrap(), topo.replica(topic, *p, *broker).unwrap());
            let dots = flights
                .iter()
                .filter(|f| f.hop == Hop::Replicate && f.from == lr.rect.center() && f.to == fr.rect.center())
                .count() as u64;
            assert!(dots >= (*n).min(8), "{topic}-{p} {leader}→{broker}: {dots} dots for {n} records");
        }
    }
}
