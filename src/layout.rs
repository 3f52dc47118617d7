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
        o.x >= self.x && o.y >= self.y && o.x + o.w <= self.x + self.w && o.y + o.h <= self.y + self.h
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

/// Which column heading a label is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Producers,
    Brokers,
    Groups,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    pub width: f64,
    pub height: f64,
    /// Section headings and where their text starts.
    pub labels: Vec<(Section, f64, f64)>,
    pub producers: Vec<NamedBox>,
    pub brokers: Vec<BrokerBox>,
    pub replicas: Vec<ReplicaBox>,
    pub groups: Vec<GroupBox>,
}

const PAD: f64 = 16.0;
const COL_W: f64 = 200.0;
const LABEL_H: f64 = 28.0;
const PRODUCER_H: f64 = 44.0;
const BROKER_W: f64 = 210.0;
const BROKER_HEAD: f64 = 34.0;
const REPLICA_H: f64 = 26.0;
const GAP: f64 = 12.0;
const COL_GAP: f64 = 36.0;
const MEMBER_H: f64 = 30.0;
const GROUP_HEAD: f64 = 30.0;
/// Below this width the sections stack vertically (phones).
pub const NARROW_BELOW: f64 = 760.0;

/// Lays out the topology. On a wide screen left to right: producers, brokers
/// (a grid of up to three columns), consumer groups. Narrower than
/// [`NARROW_BELOW`], the same sections stack top to bottom at full width.
pub fn topology(view: &ClusterView, available_width: f64) -> Topology {
    let narrow = available_width < NARROW_BELOW;
    // Narrow: one column as wide as the screen allows (at least 300 px).
    let full_w = (available_width - 2.0 * PAD).max(300.0);
    let (prod_x, prod_w) = (PAD, if narrow { full_w } else { COL_W });
    let mut labels = vec![(Section::Producers, prod_x, 20.0)];
    let mut y = LABEL_H + 8.0;
    let producers: Vec<NamedBox> = view
        .producers
        .iter()
        .map(|p| {
            let rect = Rect {
                x: prod_x,
                y,
                w: prod_w,
                h: PRODUCER_H,
            };
            y += PRODUCER_H + GAP;
            NamedBox { id: p.id.clone(), rect }
        })
        .collect();
    let producers_bottom = y;

    let (cols, broker_w, broker_x0, broker_y0) = if narrow {
        (1, full_w, PAD, producers_bottom + LABEL_H)
    } else {
        (
            view.brokers.len().clamp(1, 3),
            BROKER_W,
            prod_x + prod_w + COL_GAP,
            LABEL_H + 8.0,
        )
    };
    labels.push((Section::Brokers, broker_x0, broker_y0 - 16.0));
    let mut brokers = Vec::new();
    let mut replicas = Vec::new();
    let mut row_y = broker_y0;
    for row in view.brokers.chunks(cols) {
        let row_h = row
            .iter()
            .map(|b| BROKER_HEAD + view.replicas_on(b.id).count() as f64 * (REPLICA_H + 4.0) + 8.0)
            .fold(BROKER_HEAD + 8.0, f64::max);
        for (c, b) in row.iter().enumerate() {
            let rect = Rect {
                x: broker_x0 + c as f64 * (broker_w + GAP),
                y: row_y,
                w: broker_w,
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
                        w: broker_w - 16.0,
                        h: REPLICA_H,
                    },
                });
            }
            brokers.push(BrokerBox { id: b.id, rect });
        }
        row_y += row_h + GAP;
    }
    let brokers_right = broker_x0 + cols as f64 * (broker_w + GAP) - GAP;

    let (group_x, group_w, mut gy) = if narrow {
        (PAD, full_w, row_y + LABEL_H)
    } else {
        (brokers_right + COL_GAP, COL_W + 20.0, LABEL_H + 8.0)
    };
    labels.push((Section::Groups, group_x, gy - 16.0));
    let mut groups = Vec::new();
    for g in &view.groups {
        let h = GROUP_HEAD + g.members.len() as f64 * (MEMBER_H + 4.0) + 8.0;
        let rect = Rect {
            x: group_x,
            y: gy,
            w: group_w,
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

    let right = [prod_x + prod_w, brokers_right, group_x + group_w]
        .into_iter()
        .fold(0.0, f64::max);
    let bottom = [
        producers.last().map(|p| p.rect.y + p.rect.h),
        brokers.iter().map(|b| b.rect.y + b.rect.h).reduce(f64::max),
        groups.last().map(|g| g.rect.y + g.rect.h),
    ]
    .into_iter()
    .flatten()
    .fold(LABEL_H, f64::max);
    Topology {
        width: right + PAD,
        height: bottom + PAD,
        labels,
        producers,
        brokers,
        replicas,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::config::{ClusterConfig, GroupConfig, ProducerConfig, TopicConfig, TopicSettings};
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
        let t = topology(&view, 1280.0);
        assert_eq!(t.brokers.len(), 3);
        assert_eq!(t.replicas.len(), 9);
        assert_eq!(t.replicas.iter().filter(|r| r.leader).count(), 3);
        assert_sane(&t);
    }

    #[test]
    fn narrow_screens_stack_sections_within_the_width() {
        let view = Cluster::new(ClusterConfig::default()).unwrap().view();
        let t = topology(&view, 390.0);
        assert!(t.width <= 390.0, "{}", t.width);
        let p = &t.producers[0].rect;
        let b = &t.brokers[0].rect;
        let g = &t.groups[0].rect;
        assert!(p.y + p.h <= b.y && t.brokers.iter().all(|b| b.rect.y + b.rect.h <= g.y));
        let wide = topology(&view, 1280.0);
        assert!(wide.producers[0].rect.x + wide.producers[0].rect.w < wide.brokers[0].rect.x);
    }

    #[test]
    fn no_overlaps_for_1_to_10_brokers_and_up_to_32_partitions() {
        for brokers in 1..=10 {
            for partitions in [1, 3, 12, 32] {
                let rf = brokers.min(3);
                let view = Cluster::new(config(brokers, partitions, rf)).unwrap().view();
                for width in [390.0, 1280.0] {
                    let t = topology(&view, width);
                    assert_eq!(t.brokers.len(), brokers as usize);
                    assert_eq!(t.replicas.len(), (partitions * rf) as usize);
                    assert_sane(&t);
                }
            }
        }
    }
}
