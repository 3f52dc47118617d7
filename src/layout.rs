//! Where things go on screen: a pure function of the simulation's view, so it
//! can be tested natively (no overlaps, everything inside the canvas).

use kafka_sim::view::ClusterView;
use kafka_sim::BrokerId;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x
            && o.y >= self.y
            && o.x + o.w <= self.x + self.w
            && o.y + o.h <= self.y + self.h
    }

    pub fn center_y(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReplicaBox {
    pub topic: String,
    pub partition: u32,
    pub broker: BrokerId,
    pub leader: bool,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BrokerBox {
    pub id: BrokerId,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NamedBox {
    pub id: String,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupBox {
    pub id: String,
    pub rect: Rect,
    pub members: Vec<NamedBox>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    pub width: f64,
    pub height: f64,
    pub producers: Vec<NamedBox>,
    pub brokers: Vec<BrokerBox>,
    pub replicas: Vec<ReplicaBox>,
    pub groups: Vec<GroupBox>,
}

const PAD: f64 = 16.0;
const COL_W: f64 = 170.0;
const HEADER: f64 = 40.0;
const PRODUCER_H: f64 = 44.0;
const BROKER_W: f64 = 210.0;
const BROKER_HEAD: f64 = 34.0;
const REPLICA_H: f64 = 26.0;
const GAP: f64 = 12.0;
const MEMBER_H: f64 = 30.0;
const GROUP_HEAD: f64 = 30.0;

/// Lays out the topology left to right: producers, brokers (stacked in a grid
/// of up to three columns), consumer groups.
pub fn topology(view: &ClusterView) -> Topology {
    let producers: Vec<NamedBox> = view
        .producers
        .iter()
        .enumerate()
        .map(|(i, p)| NamedBox {
            id: p.id.clone(),
            rect: Rect {
                x: PAD,
                y: HEADER + i as f64 * (PRODUCER_H + GAP),
                w: COL_W - PAD,
                h: PRODUCER_H,
            },
        })
        .collect();

    let n_brokers = view.brokers.len();
    let cols = n_brokers.clamp(1, 3);
    let broker_x0 = COL_W + 2.0 * PAD + 20.0;
    let mut brokers = Vec::new();
    let mut replicas = Vec::new();
    let mut row_y = HEADER;
    for row in view.brokers.chunks(cols) {
        let row_h = row
            .iter()
            .map(|b| BROKER_HEAD + view.replicas_on(b.id).count() as f64 * (REPLICA_H + 4.0) + 8.0)
            .fold(BROKER_HEAD + 8.0, f64::max);
        for (c, b) in row.iter().enumerate() {
            let rect = Rect {
                x: broker_x0 + c as f64 * (BROKER_W + GAP),
                y: row_y,
                w: BROKER_W,
                h: row_h,
            };
            for (k, p) in view.replicas_on(b.id).enumerate() {
                replicas.push(ReplicaBox {
                    topic: p.topic.clone(),
                    partition: p.partition,
                    broker: b.id,
                    leader: p.leader == Some(b.id),
                    rect: Rect {
                        x: rect.x + 8.0,
                        y: rect.y + BROKER_HEAD + k as f64 * (REPLICA_H + 4.0),
                        w: BROKER_W - 16.0,
                        h: REPLICA_H,
                    },
                });
            }
            brokers.push(BrokerBox { id: b.id, rect });
        }
        row_y += row_h + GAP;
    }
    let brokers_right = broker_x0 + cols as f64 * (BROKER_W + GAP) - GAP;

    let group_x = brokers_right + 2.0 * PAD + 20.0;
    let mut groups = Vec::new();
    let mut gy = HEADER;
    for g in &view.groups {
        let h = GROUP_HEAD + g.members.len() as f64 * (MEMBER_H + 4.0) + 8.0;
        let rect = Rect {
            x: group_x,
            y: gy,
            w: COL_W + 20.0,
            h,
        };
        let members = g
            .members
            .iter()
            .enumerate()
            .map(|(k, m)| NamedBox {
                id: m.id.clone(),
                rect: Rect {
                    x: rect.x + 8.0,
                    y: rect.y + GROUP_HEAD + k as f64 * (MEMBER_H + 4.0),
                    w: rect.w - 16.0,
                    h: MEMBER_H,
                },
            })
            .collect();
        groups.push(GroupBox {
            id: g.id.clone(),
            rect,
            members,
        });
        gy += h + GAP;
    }

    let bottom = [
        producers.last().map(|p| p.rect.y + p.rect.h),
        brokers.iter().map(|b| b.rect.y + b.rect.h).reduce(f64::max),
        groups.last().map(|g| g.rect.y + g.rect.h),
    ]
    .into_iter()
    .flatten()
    .fold(HEADER, f64::max);
    Topology {
        width: group_x + COL_W + 20.0 + PAD,
        height: bottom + PAD,
        producers,
        brokers,
        replicas,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::config::{
        ClusterConfig, GroupConfig, ProducerConfig, TopicConfig, TopicSettings,
    };
    use kafka_sim::Cluster;

    fn config(brokers: u32, partitions: u32, rf: u32) -> ClusterConfig {
        let mut c = ClusterConfig::default();
        c.brokers = brokers;
        c.topics = vec![TopicConfig {
            name: "t".into(),
            partitions,
            replication_factor: rf,
            config: TopicSettings {
                min_insync_replicas: 1,
                ..Default::default()
            },
        }];
        c.producers = vec![ProducerConfig {
            topic: "t".into(),
            ..c.producers[0].clone()
        }];
        c.groups = vec![GroupConfig {
            topic: "t".into(),
            consumers: 4,
            ..c.groups[0].clone()
        }];
        c
    }

    fn assert_sane(t: &Topology) {
        let canvas = Rect {
            x: 0.0,
            y: 0.0,
            w: t.width,
            h: t.height,
        };
        let mut boxes: Vec<Rect> = t.producers.iter().map(|p| p.rect).collect();
        boxes.extend(t.brokers.iter().map(|b| b.rect));
        boxes.extend(t.groups.iter().map(|g| g.rect));
        for (i, a) in boxes.iter().enumerate() {
            assert!(canvas.contains(a), "{a:?} outside {canvas:?}");
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        for r in &t.replicas {
            let b = t.brokers.iter().find(|b| b.id == r.broker).unwrap();
            assert!(b.rect.contains(&r.rect), "replica {r:?} outside its broker");
        }
        for (i, a) in t.replicas.iter().enumerate() {
            for b in &t.replicas[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
        for g in &t.groups {
            for m in &g.members {
                assert!(g.rect.contains(&m.rect));
            }
        }
    }

    #[test]
    fn default_topology_has_three_brokers_and_nine_replicas_without_overlaps() {
        let view = Cluster::new(ClusterConfig::default()).unwrap().view();
        let t = topology(&view);
        assert_eq!(t.brokers.len(), 3);
        assert_eq!(t.replicas.len(), 9);
        assert_eq!(t.replicas.iter().filter(|r| r.leader).count(), 3);
        assert_sane(&t);
    }

    #[test]
    fn no_overlaps_for_1_to_10_brokers_and_up_to_32_partitions() {
        for brokers in 1..=10 {
            for partitions in [1, 3, 12, 32] {
                let rf = brokers.min(3);
                let view = Cluster::new(config(brokers, partitions, rf))
                    .unwrap()
                    .view();
                let t = topology(&view);
                assert_eq!(t.brokers.len(), brokers as usize);
                assert_eq!(t.replicas.len(), (partitions * rf) as usize);
                assert_sane(&t);
            }
        }
    }
}
