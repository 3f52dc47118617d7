//! Where things go on screen: a pure function of the simulation's view and the
//! available width, tested natively (no overlaps, everything inside).
//!
//! Wide screens read left to right — producers, the partitioner stage, brokers
//! (as many columns as fit, up to three), consumer groups. Narrow screens
//! (phones) stack the same sections top to bottom.

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

    /// The area both rectangles cover; `None` when it is empty.
    pub fn intersection(&self, o: &Rect) -> Option<Rect> {
        let (x0, y0) = (self.x.max(o.x), self.y.max(o.y));
        let (x1, y1) = ((self.x + self.w).min(o.x + o.w), (self.y + self.h).min(o.y + o.h));
        (x1 > x0 && y1 > y0).then_some(Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
    }

    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    pub fn right_mid(&self) -> (f64, f64) {
        (self.x + self.w, self.y + self.h / 2.0)
    }

    pub fn left_mid(&self) -> (f64, f64) {
        (self.x, self.y + self.h / 2.0)
    }
}

/// Log cells drawn per replica: the newest offsets.
pub const CELLS: u32 = 8;
const CELL_W: f64 = 14.0;
const CELL_GAP: f64 = 2.0;

#[derive(Clone, Debug, PartialEq)]
pub struct ReplicaBox {
    pub topic: String,
    pub partition: u32,
    pub broker: BrokerId,
    pub leader: bool,
    pub rect: Rect,
    /// Where the log cells go (slot 0 on the left).
    pub cells: Rect,
}

impl ReplicaBox {
    /// The rectangle of log cell `slot` (0..CELLS).
    pub fn cell(&self, slot: u32) -> Rect {
        let slot = slot.min(CELLS - 1);
        Rect { x: self.cells.x + f64::from(slot) * (CELL_W + CELL_GAP), y: self.cells.y, w: CELL_W, h: self.cells.h }
    }

    /// The x position of the boundary before cell `slot` (for HW markers).
    pub fn boundary_x(&self, slot: u32) -> f64 {
        self.cells.x + f64::from(slot.min(CELLS)) * (CELL_W + CELL_GAP) - CELL_GAP / 2.0
    }
}

/// The offsets shown in a replica's cells: `[first, first + CELLS)`, ending at
/// the log end offset.
pub fn cell_window(log_start: u64, log_end: u64) -> u64 {
    log_end.saturating_sub(u64::from(CELLS)).max(log_start)
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

/// Which heading a label is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Producers,
    Partitioner,
    Brokers,
    Groups,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    pub width: f64,
    pub height: f64,
    pub narrow: bool,
    /// Section headings and where their text starts.
    pub labels: Vec<(Section, f64, f64)>,
    pub producers: Vec<NamedBox>,
    pub partitioner: Rect,
    pub brokers: Vec<BrokerBox>,
    pub replicas: Vec<ReplicaBox>,
    pub groups: Vec<GroupBox>,
}

impl Topology {
    pub fn replica(&self, topic: &str, partition: u32, broker: BrokerId) -> Option<&ReplicaBox> {
        self.replicas.iter().find(|r| r.broker == broker && r.partition == partition && r.topic == topic)
    }

    pub fn member(&self, group: &str, member: &str) -> Option<&NamedBox> {
        self.groups.iter().find(|g| g.id == group)?.members.iter().find(|m| m.id == member)
    }

    pub fn producer(&self, id: &str) -> Option<&NamedBox> {
        self.producers.iter().find(|p| p.id == id)
    }
}

const PAD: f64 = 16.0;
const PRODUCER_W: f64 = 150.0;
const STAGE_W: f64 = 190.0;
const LABEL_H: f64 = 28.0;
const PRODUCER_H: f64 = 40.0;
const BROKER_W: f64 = 256.0;
const BROKER_HEAD: f64 = 30.0;
const REPLICA_H: f64 = 28.0;
const REPLICA_GAP: f64 = 4.0;
const GAP: f64 = 12.0;
const COL_GAP: f64 = 26.0;
const MEMBER_H: f64 = 30.0;
const GROUP_HEAD: f64 = 28.0;
const GROUP_W: f64 = 200.0;
const STAGE_MIN_H: f64 = 180.0;

/// The width a wide layout needs with `cols` broker columns.
fn wide_width(cols: usize) -> f64 {
    PAD + PRODUCER_W + COL_GAP + STAGE_W + COL_GAP + cols as f64 * (BROKER_W + GAP) - GAP + COL_GAP + GROUP_W + PAD
}

/// Lays out the topology for `available_width` CSS pixels.
pub fn topology(view: &ClusterView, available_width: f64) -> Topology {
    let max_cols = view.brokers.len().clamp(1, 3);
    let cols = (1..=max_cols).rev().find(|&c| wide_width(c) <= available_width.max(0.0));
    match cols {
        Some(cols) => wide(view, cols),
        None => narrow(view, available_width),
    }
}

fn replicas_of(view: &ClusterView, broker: BrokerId, rect: Rect, out: &mut Vec<ReplicaBox>) {
    for (k, p) in view.replicas_on(broker).enumerate() {
        let r = Rect {
            x: rect.x + 8.0,
            y: rect.y + BROKER_HEAD + k as f64 * (REPLICA_H + REPLICA_GAP),
            w: rect.w - 16.0,
            h: REPLICA_H,
        };
        // Label on the left (~66 px), cells, then LEO/HW figures on the right.
        let cells_w = f64::from(CELLS) * (CELL_W + CELL_GAP) - CELL_GAP;
        let cells = Rect { x: r.x + 70.0, y: r.y + 5.0, w: cells_w, h: r.h - 10.0 };
        out.push(ReplicaBox {
            topic: p.topic.clone(),
            partition: p.partition,
            broker,
            leader: p.leader == Some(broker),
            rect: r,
            cells,
        });
    }
}

fn broker_height(view: &ClusterView, broker: BrokerId) -> f64 {
    BROKER_HEAD + view.replicas_on(broker).count() as f64 * (REPLICA_H + REPLICA_GAP) + 6.0
}

fn groups_at(view: &ClusterView, x: f64, mut y: f64, w: f64) -> (Vec<GroupBox>, f64) {
    let mut groups = Vec::new();
    for g in &view.groups {
        let h = GROUP_HEAD + g.members.len() as f64 * (MEMBER_H + 4.0) + 6.0;
        let rect = Rect { x, y, w, h };
        let members = g
            .members
            .iter()
            .enumerate()
            .map(|(k, m)| NamedBox {
                id: m.id.clone(),
                rect: Rect { x: x + 8.0, y: y + GROUP_HEAD + k as f64 * (MEMBER_H + 4.0), w: w - 16.0, h: MEMBER_H },
            })
            .collect();
        groups.push(GroupBox { id: g.id.clone(), rect, members });
        y += h + GAP;
    }
    (groups, y)
}

fn producers_at(view: &ClusterView, x: f64, y0: f64, w: f64, per_row: usize) -> (Vec<NamedBox>, f64) {
    let per_row = per_row.max(1);
    let col_w = (w - (per_row as f64 - 1.0) * GAP) / per_row as f64;
    let boxes: Vec<NamedBox> = view
        .producers
        .iter()
        .enumerate()
        .map(|(i, p)| NamedBox {
            id: p.id.clone(),
            rect: Rect {
                x: x + (i % per_row) as f64 * (col_w + GAP),
                y: y0 + (i / per_row) as f64 * (PRODUCER_H + 6.0),
                w: col_w,
                h: PRODUCER_H,
            },
        })
        .collect();
    let rows = view.producers.len().div_ceil(per_row);
    (boxes, y0 + rows as f64 * (PRODUCER_H + 6.0))
}

fn wide(view: &ClusterView, cols: usize) -> Topology {
    let top = LABEL_H + 8.0;
    let x_prod = PAD;
    let x_stage = x_prod + PRODUCER_W + COL_GAP;
    let x_brokers = x_stage + STAGE_W + COL_GAP;
    let x_groups = x_brokers + cols as f64 * (BROKER_W + GAP) - GAP + COL_GAP;
    // Many producers (the stress preset) go two to a row.
    let per_row = if view.producers.len() > 12 { 2 } else { 1 };
    let (producers, prod_bottom) = producers_at(view, x_prod, top, PRODUCER_W, per_row);
    let stage_h = (prod_bottom - top).clamp(STAGE_MIN_H, 320.0);
    let partitioner = Rect { x: x_stage, y: top, w: STAGE_W, h: stage_h };
    let mut brokers = Vec::new();
    let mut replicas = Vec::new();
    let mut y = top;
    for row in view.brokers.chunks(cols) {
        let h = row.iter().map(|b| broker_height(view, b.id)).fold(0.0, f64::max);
        for (c, b) in row.iter().enumerate() {
            let rect = Rect { x: x_brokers + c as f64 * (BROKER_W + GAP), y, w: BROKER_W, h };
            replicas_of(view, b.id, rect, &mut replicas);
            brokers.push(BrokerBox { id: b.id, rect });
        }
        y += h + GAP;
    }
    let (groups, groups_bottom) = groups_at(view, x_groups, top, GROUP_W);
    let labels = vec![
        (Section::Producers, x_prod, 20.0),
        (Section::Partitioner, x_stage, 20.0),
        (Section::Brokers, x_brokers, 20.0),
        (Section::Groups, x_groups, 20.0),
    ];
    let bottom = [prod_bottom, top + stage_h, y, groups_bottom].into_iter().fold(0.0, f64::max);
    Topology {
        width: wide_width(cols),
        height: bottom + PAD,
        narrow: false,
        labels,
        producers,
        partitioner,
        brokers,
        replicas,
        groups,
    }
}

fn narrow(view: &ClusterView, available_width: f64) -> Topology {
    let w = (available_width - 2.0 * PAD).max(BROKER_W);
    let x = PAD;
    let mut labels = Vec::new();
    let mut y = LABEL_H + 8.0;
    labels.push((Section::Producers, x, y - 16.0));
    let (producers, bottom) = producers_at(view, x, y, w, 2);
    y = bottom + LABEL_H;
    labels.push((Section::Partitioner, x, y - 16.0));
    let partitioner = Rect { x, y, w, h: 120.0 };
    y += partitioner.h + LABEL_H;
    labels.push((Section::Brokers, x, y - 16.0));
    let mut brokers = Vec::new();
    let mut replicas = Vec::new();
    for b in &view.brokers {
        let rect = Rect { x, y, w, h: broker_height(view, b.id) };
        replicas_of(view, b.id, rect, &mut replicas);
        brokers.push(BrokerBox { id: b.id, rect });
        y += rect.h + GAP;
    }
    y += LABEL_H - GAP;
    labels.push((Section::Groups, x, y - 16.0));
    let (groups, bottom) = groups_at(view, x, y, w);
    Topology {
        width: w + 2.0 * PAD,
        height: bottom + PAD,
        narrow: true,
        labels,
        producers,
        partitioner,
        brokers,
        replicas,
        groups,
    }
}

/// The part of the stage the learner can see, in stage coordinates, snapped
/// outwards to whole pixels and widened by `margin` (so a scroll between two
/// frames does not expose an undrawn edge); `None` when none of it is on screen.
///
/// The records canvas covers only this region: a canvas as large as the whole
/// stage (several megapixels at `stress`) is copied to the compositor on every
/// frame it changes, which cost more main-thread time than everything else the
/// page does while playing.
///
/// `stage` is where the stage's origin is on screen (client coordinates),
/// `clip` the scrolling box that shows it and `viewport` the window, both in
/// client coordinates; `size` is the stage's (width, height).
pub fn visible_region(stage: (f64, f64), clip: Rect, viewport: Rect, size: (f64, f64), margin: f64) -> Option<Rect> {
    // Entirely off screen: nothing (the margin alone does not count as visible).
    let shown = clip.intersection(&viewport)?;
    let x0 = (shown.x - stage.0 - margin).max(0.0).floor();
    let y0 = (shown.y - stage.1 - margin).max(0.0).floor();
    let x1 = (shown.x + shown.w - stage.0 + margin).min(size.0).ceil();
    let y1 = (shown.y + shown.h - stage.1 + margin).min(size.1).ceil();
    (x1 > x0 && y1 > y0).then_some(Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::config::{ClusterConfig, GroupConfig, ProducerConfig, TopicConfig, TopicSettings};
    use kafka_sim::Cluster;

    fn config(brokers: u32, partitions: u32, rf: u32) -> ClusterConfig {
        let mut c = ClusterConfig { brokers, ..ClusterConfig::default() };
        c.topics = vec![TopicConfig {
            name: "t".into(),
            partitions,
            replication_factor: rf,
            config: TopicSettings { min_insync_replicas: 1, ..Default::default() },
        }];
        c.producers = (0..3).map(|i| ProducerConfig::new(format!("p{i}"), "t", 5.0)).collect();
        c.groups = vec![GroupConfig::new("g", "t", 4), GroupConfig::new("h", "t", 2)];
        c
    }

    fn assert_sane(t: &Topology) {
        let canvas = Rect { x: 0.0, y: 0.0, w: t.width, h: t.height };
        let mut boxes: Vec<Rect> = t.producers.iter().map(|p| p.rect).collect();
        boxes.push(t.partitioner);
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
            assert!(r.rect.contains(&r.cells), "cells outside the replica {r:?}");
            assert!(r.cells.x > r.rect.x + 60.0, "cells leave room for the label");
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
        let t = topology(&view, 1400.0);
        assert!(!t.narrow);
        assert_eq!(t.brokers.len(), 3);
        assert_eq!(t.replicas.len(), 9);
        assert_eq!(t.replicas.iter().filter(|r| r.leader).count(), 3);
        assert!(t.width <= 1400.0);
        assert_sane(&t);
    }

    #[test]
    fn broker_columns_shrink_to_fit_the_width_then_sections_stack() {
        let view = Cluster::new(config(6, 6, 3)).unwrap().view();
        let wide3 = topology(&view, 1400.0);
        let wide2 = topology(&view, 1200.0);
        let wide1 = topology(&view, 950.0);
        assert!(wide3.width <= 1400.0 && wide2.width <= 1200.0 && wide1.width <= 950.0);
        assert_eq!(wide2.brokers[2].rect.x, wide2.brokers[0].rect.x, "two columns: broker 3 starts a new row");
        assert!(!wide1.narrow);
        let phone = topology(&view, 390.0);
        assert!(phone.narrow && phone.width <= 390.0, "{}", phone.width);
        let p = &phone.producers[0].rect;
        assert!(p.y + p.h <= phone.partitioner.y);
        assert!(phone.partitioner.y + phone.partitioner.h <= phone.brokers[0].rect.y);
        assert!(phone.brokers.iter().all(|b| b.rect.y + b.rect.h <= phone.groups[0].rect.y));
    }

    #[test]
    fn no_overlaps_for_1_to_10_brokers_and_up_to_32_partitions() {
        for brokers in 1..=10 {
            for partitions in [1, 3, 12, 32] {
                let rf = brokers.min(3);
                let view = Cluster::new(config(brokers, partitions, rf)).unwrap().view();
                for width in [390.0, 800.0, 1280.0, 1600.0] {
                    let t = topology(&view, width);
                    assert_eq!(t.brokers.len(), brokers as usize);
                    assert_eq!(t.replicas.len(), (partitions * rf) as usize);
                    assert!(t.width <= width.max(BROKER_W + 2.0 * PAD), "{} > {width}", t.width);
                    assert_sane(&t);
                }
            }
        }
    }

    #[test]
    fn cells_show_the_newest_offsets() {
        assert_eq!(cell_window(0, 3), 0);
        assert_eq!(cell_window(0, 20), 12);
        assert_eq!(cell_window(15, 20), 15);
        let view = Cluster::new(ClusterConfig::default()).unwrap().view();
        let t = topology(&view, 1400.0);
        let r = &t.replicas[0];
        assert!(r.cell(0).x < r.cell(1).x && r.cell(CELLS - 1).x + r.cell(CELLS - 1).w <= r.cells.x + r.cells.w + 0.01);
    }

    fn r(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn visible_region_is_the_part_on_screen() {
        let window = r(0.0, 0.0, 1400.0, 900.0);
        // A 1318 × 3000 stage whose scroll box starts 150 px down the page.
        let size = (1318.0, 3000.0);
        let clip = r(13.0, 150.0, 1318.0, 3000.0);
        assert_eq!(visible_region((13.0, 150.0), clip, window, size, 0.0), Some(r(0.0, 0.0, 1318.0, 750.0)));
        // The page scrolled 1,000 px: the stage's top is off screen.
        let clip = r(13.0, -850.0, 1318.0, 3000.0);
        assert_eq!(visible_region((13.0, -850.0), clip, window, size, 0.0), Some(r(0.0, 850.0, 1318.0, 900.0)));
        // A margin widens it, but never past the stage.
        assert_eq!(visible_region((13.0, -850.0), clip, window, size, 64.0), Some(r(0.0, 786.0, 1318.0, 1028.0)));
    }

    #[test]
    fn visible_region_follows_the_stage_scroll_box() {
        // Phone: a 390 px window, a 360 px scroll box showing a 700 px wide stage
        // scrolled 200.5 px to the right.
        let window = r(0.0, 0.0, 390.0, 844.0);
        let clip = r(15.0, 300.0, 360.0, 2000.0);
        let got = visible_region((15.0 - 200.5, 300.0), clip, window, (700.0, 2000.0), 0.0).unwrap();
        // Snapped outwards to whole pixels: 200.5 → 200, 560.5 → 561.
        assert_eq!(got, r(200.0, 0.0, 361.0, 544.0));
    }

    #[test]
    fn visible_region_is_none_off_screen() {
        let window = r(0.0, 0.0, 1400.0, 900.0);
        // Scrolled far below the stage: even with a margin there is nothing to draw.
        let clip = r(13.0, -3200.0, 1318.0, 3000.0);
        assert_eq!(visible_region((13.0, -3200.0), clip, window, (1318.0, 3000.0), 64.0), None);
        // A scroll box of zero height (collapsed) shows nothing.
        let clip = r(13.0, 100.0, 1318.0, 0.0);
        assert_eq!(visible_region((13.0, 100.0), clip, window, (1318.0, 3000.0), 64.0), None);
    }
}
