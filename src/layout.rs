//! Where things go on screen: a pure function of the simulation's view and the
//! available width, tested natively (no overlaps, everything inside).
//!
//! Wide screens read left to right — producers, the partitioner stage, brokers
//! (as many columns as fit, up to three), consumer groups. Narrow screens
//! (phones) stack the same sections top to bottom.
//!
//! Several topics share the stage: every replica is labelled `topic-partition`
//! (how Kafka writes a `TopicPartition`) and carries its topic's colour bar, a
//! broker lists its replicas topic by topic, and each producer and group shows
//! a chip with the topic it uses. Text is placed with a conservative width per
//! character (labels are monospace), so the tests can check that no label runs
//! into another box.

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
    /// The topic's index in the view (its colour, `palette::topic_colour`).
    pub topic_index: usize,
    pub partition: u32,
    pub broker: BrokerId,
    pub leader: bool,
    pub rect: Rect,
    /// `clicks-0`, shortened in the middle of the topic name only when it
    /// cannot fit (the partition number always stays).
    pub label: String,
    /// Where the label (and the role under it) is written.
    pub label_rect: Rect,
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

/// A small topic tag: the topic's colour and as much of its name as fits.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    /// The topic's index in the view (its colour).
    pub topic: usize,
    pub rect: Rect,
    /// The name shown (shortened in the middle when it cannot fit; empty when
    /// only the colour fits).
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NamedBox {
    pub id: String,
    pub rect: Rect,
    /// A producer's topic (members have none: their group shows it).
    pub chip: Option<Chip>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupBox {
    pub id: String,
    pub rect: Rect,
    /// The topic the group consumes.
    pub chip: Chip,
    /// Where the generation and lag figures go (right-aligned), beside the chip.
    pub meta: Rect,
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
    /// The topics' names, in view order (index = colour).
    pub topics: Vec<String>,
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
/// The partitioner stage (wide layouts).
pub const STAGE_W: f64 = 210.0;
const LABEL_H: f64 = 28.0;
/// Three rows: marker and name, topic chip, acks/keys/rate.
const PRODUCER_H: f64 = 56.0;
/// Baselines of a producer's name and meta rows (the chip sits between them).
pub const PRODUCER_NAME_Y: f64 = 17.0;
pub const PRODUCER_META_Y: f64 = 50.0;
const PRODUCER_CHIP_Y: f64 = 23.0;
const CHIP_H: f64 = 14.0;
const BROKER_HEAD: f64 = 30.0;
const REPLICA_H: f64 = 28.0;
const REPLICA_GAP: f64 = 4.0;
/// Extra space where a broker's replicas of one topic end and the next begin.
const TOPIC_GAP: f64 = 6.0;
const GAP: f64 = 12.0;
const COL_GAP: f64 = 26.0;
const MEMBER_H: f64 = 30.0;
/// Two rows: swatch and name; topic chip and generation/lag.
const GROUP_HEAD: f64 = 46.0;
pub const GROUP_NAME_Y: f64 = 18.0;
const GROUP_CHIP_Y: f64 = 25.0;
const GROUP_W: f64 = 200.0;
const STAGE_MIN_H: f64 = 180.0;

/// Width of one character of the monospace labels (replica names at 10.5 px,
/// chips at 10 px; ui-monospace advances 0.6 em), rounded up.
pub const LABEL_CHAR_W: f64 = 6.4;
pub const CHIP_CHAR_W: f64 = 6.1;
/// A chip around its text: 3 px, an 8 px square, 4 px (the text starts at
/// [`CHIP_TEXT_X`]), then 3 px after it.
pub const CHIP_TEXT_X: f64 = 15.0;
const CHIP_PAD_W: f64 = CHIP_TEXT_X + 3.0;
/// The colour bar on a replica's left edge.
pub const TOPIC_BAR_W: f64 = 4.0;
/// A replica: bar and padding, label, gap, cells, gap, the LEO/HW figures.
const LABEL_X: f64 = TOPIC_BAR_W + 4.0;
const LABEL_MIN_W: f64 = 58.0;
const CELLS_W: f64 = CELLS as f64 * (CELL_W + CELL_GAP) - CELL_GAP;
const FIGURES_W: f64 = 48.0;
/// Longest replica label on wide screens (`a-15-char-topic-31`); phones fit fewer.
const LABEL_MAX_CHARS: usize = 18;
/// The narrowest broker a phone layout gives (a 360 px phone's stage box).
const NARROW_BROKER_MIN_W: f64 = 286.0;

/// The label column's width for labels of `chars` characters.
fn label_w(chars: usize) -> f64 {
    (chars as f64 * LABEL_CHAR_W + 2.0).max(LABEL_MIN_W)
}

/// A broker's width when its label column holds `chars` characters.
fn broker_w(chars: usize) -> f64 {
    16.0 + LABEL_X + label_w(chars) + 4.0 + CELLS_W + 4.0 + FIGURES_W
}

/// The most label characters a broker `w` wide fits.
fn label_chars_for(w: f64) -> usize {
    let room = w - broker_w(0) + LABEL_MIN_W - 2.0;
    (room / LABEL_CHAR_W).floor().max(1.0) as usize
}

/// Whether `text` (a name with parts left out at each `…`) can be read as `name`.
pub fn abbreviates(text: &str, name: &str) -> bool {
    let mut parts = text.split('…');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = name.strip_prefix(first) else { return false };
    let mut parts = parts.peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// `names[i]` in at most `max` characters, readable as no other of `names`:
/// whole when it fits, else its start and end around a `…`, split where it
/// differs from the others (topics often share a prefix, like `payments-eu`
/// and `payments-us`, or a suffix); failing that, the part around its first
/// difference between two `…`.
pub fn shorten(names: &[&str], i: usize, max: usize) -> String {
    let name = names[i];
    let n = name.chars().count();
    if n <= max {
        return name.to_string();
    }
    if max < 2 {
        return String::new();
    }
    let chars: Vec<char> = name.chars().collect();
    let keep = max - 1;
    let unique = |t: &str| names.iter().enumerate().all(|(j, o)| j == i || !abbreviates(t, o));
    let balanced = keep.div_ceil(2);
    // Balanced first, then moving the cut towards either end.
    let heads = (0..=keep).map(|d| if d % 2 == 0 { balanced + d / 2 } else { balanced.wrapping_sub(d / 2 + 1) });
    for head in heads.filter(|&h| h <= keep) {
        let tail = keep - head;
        let t: String = chars[..head].iter().chain(std::iter::once(&'…')).chain(&chars[n - tail..]).collect();
        if unique(&t) {
            return t;
        }
    }
    // The window of `max - 2` characters around the first difference from another name.
    let diff = names
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .filter_map(|(_, o)| chars.iter().zip(o.chars()).position(|(a, b)| *a != b))
        .max()
        .unwrap_or(0);
    let w = (max - 2).max(1);
    let start = diff.saturating_sub(w / 2).min(n - w);
    let mut t = String::from('…');
    t.extend(&chars[start..start + w]);
    t.push('…');
    t
}

/// A conservative width of `text` at `px` pixels in the stage's sans-serif,
/// from DejaVu Sans' advances (the widest of the usual system fonts), rounded
/// up; Hangul and other wide characters take a full em.
pub fn text_width(text: &str, px: f64) -> f64 {
    let em = |c: char| match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.34,
        ' ' | '·' => 0.34,
        '-' | '(' | ')' | '[' | ']' | '/' => 0.4,
        'f' | 't' | 'r' => 0.45,
        '"' => 0.47,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 1.0,
        'A'..='Z' => 0.78,
        '=' | '+' | '<' | '>' | '→' => 0.84,
        c if c.is_ascii() => 0.64,
        _ => 1.0,
    };
    text.chars().map(em).sum::<f64>() * px
}

/// `text` as it fits in `room` pixels at `px` ([`text_width`]): whole, or its
/// start and end around a `…` (a member's `-c2`, a key's last digits stay).
pub fn fit(text: &str, px: f64, room: f64) -> String {
    if text_width(text, px) <= room {
        return text.to_string();
    }
    let mut max = text.chars().count();
    while max > 2 {
        max -= 1;
        let t = shorten(&[text], 0, max);
        if text_width(&t, px) <= room {
            return t;
        }
    }
    shorten(&[text], 0, 2)
}

/// `text` broken at spaces into lines of at most `width` pixels at `px`
/// ([`text_width`]); a word longer than a line stays whole on its own.
pub fn wrap(text: &str, px: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if text_width(line, px) + text_width(" ", px) + text_width(word, px) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A replica's label, `topic-partition` as Kafka's `TopicPartition.toString`
/// writes it; `short` is the topic's name as it fits ([`shorten`]).
pub fn replica_label(short: &str, partition: u32) -> String {
    format!("{short}-{partition}")
}

fn digits(n: usize) -> usize {
    n.max(1).ilog10() as usize + 1
}

/// Each topic's name as its replica labels show it, in labels of at most
/// `chars` characters (the partition number is never shortened).
fn label_names(view: &ClusterView, chars: usize) -> Vec<String> {
    let names: Vec<&str> = view.topics.iter().map(|t| t.name.as_str()).collect();
    view.topics
        .iter()
        .enumerate()
        .map(|(i, t)| shorten(&names, i, chars.saturating_sub(1 + digits(t.partitions.len().saturating_sub(1))).max(3)))
        .collect()
}

/// The longest label any replica of `view` needs, in characters.
fn longest_label(view: &ClusterView) -> usize {
    view.topics
        .iter()
        .map(|t| t.name.chars().count() + 1 + digits(t.partitions.len().saturating_sub(1)))
        .max()
        .unwrap_or(0)
}

/// A chip for topic `topic` starting at (x, y), at most `max_w` wide: a colour
/// square, then as much of the name as fits.
fn chip(view: &ClusterView, topic: usize, x: f64, y: f64, max_w: f64) -> Chip {
    let names: Vec<&str> = view.topics.iter().map(|t| t.name.as_str()).collect();
    let fits = ((max_w - CHIP_PAD_W) / CHIP_CHAR_W).floor().max(0.0) as usize;
    let text = if fits >= 3 && topic < names.len() { shorten(&names, topic, fits) } else { String::new() };
    let w = if text.is_empty() { 14.0 } else { CHIP_PAD_W + text.chars().count() as f64 * CHIP_CHAR_W };
    Chip { topic, rect: Rect { x, y, w, h: CHIP_H }, text }
}

fn topic_index(view: &ClusterView, name: &str) -> usize {
    view.topics.iter().position(|t| t.name == name).unwrap_or(0)
}

/// The width a wide layout needs with `cols` broker columns `bw` wide.
fn wide_width(cols: usize, bw: f64) -> f64 {
    PAD + PRODUCER_W + COL_GAP + STAGE_W + COL_GAP + cols as f64 * (bw + GAP) - GAP + COL_GAP + GROUP_W + PAD
}

/// Lays out the topology for `available_width` CSS pixels.
pub fn topology(view: &ClusterView, available_width: f64) -> Topology {
    let chars = longest_label(view).min(LABEL_MAX_CHARS);
    let bw = broker_w(chars);
    let max_cols = view.brokers.len().clamp(1, 3);
    let cols = (1..=max_cols).rev().find(|&c| wide_width(c, bw) <= available_width.max(0.0));
    match cols {
        Some(cols) => wide(view, cols, bw, chars),
        None => narrow(view, available_width),
    }
}

/// Where each replica on `broker` goes, top to bottom: (y offset from the
/// broker's top, partition). A broker lists its replicas topic by topic, with a
/// little space between topics.
fn replica_rows(view: &ClusterView, broker: BrokerId) -> impl Iterator<Item = (f64, &kafka_sim::view::PartitionView)> {
    let mut y = BROKER_HEAD;
    let mut last: Option<&str> = None;
    view.replicas_on(broker).map(move |p| {
        if last.is_some_and(|t| t != p.topic) {
            y += TOPIC_GAP;
        }
        last = Some(&p.topic);
        let at = y;
        y += REPLICA_H + REPLICA_GAP;
        (at, p)
    })
}

fn replicas_of(view: &ClusterView, broker: BrokerId, rect: Rect, chars: usize, out: &mut Vec<ReplicaBox>) {
    let lw = label_w(chars);
    let names = label_names(view, chars);
    for (dy, p) in replica_rows(view, broker) {
        let r = Rect { x: rect.x + 8.0, y: rect.y + dy, w: rect.w - 16.0, h: REPLICA_H };
        let label_rect = Rect { x: r.x + LABEL_X, y: r.y + 2.0, w: lw, h: r.h - 4.0 };
        let cells = Rect { x: label_rect.x + lw + 4.0, y: r.y + 5.0, w: CELLS_W, h: r.h - 10.0 };
        let topic_index = topic_index(view, &p.topic);
        out.push(ReplicaBox {
            topic: p.topic.clone(),
            topic_index,
            partition: p.partition,
            broker,
            leader: p.leader == Some(broker),
            rect: r,
            label: replica_label(&names[topic_index], p.partition),
            label_rect,
            cells,
        });
    }
}

fn broker_height(view: &ClusterView, broker: BrokerId) -> f64 {
    replica_rows(view, broker).last().map_or(BROKER_HEAD, |(y, _)| y + REPLICA_H + REPLICA_GAP) + 6.0
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
                chip: None,
            })
            .collect();
        // The chip takes at most 45% of the row; generation and lag the rest.
        let chip = chip(view, topic_index(view, &g.topic), x + 8.0, y + GROUP_CHIP_Y, (w - 16.0) * 0.45);
        let meta_x = chip.rect.x + chip.rect.w + 6.0;
        let meta = Rect { x: meta_x, y: y + GROUP_CHIP_Y, w: x + w - 8.0 - meta_x, h: CHIP_H };
        groups.push(GroupBox { id: g.id.clone(), rect, chip, meta, members });
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
        .map(|(i, p)| {
            let rect = Rect {
                x: x + (i % per_row) as f64 * (col_w + GAP),
                y: y0 + (i / per_row) as f64 * (PRODUCER_H + 6.0),
                w: col_w,
                h: PRODUCER_H,
            };
            let chip = chip(view, topic_index(view, &p.topic), rect.x + 6.0, rect.y + PRODUCER_CHIP_Y, rect.w - 12.0);
            NamedBox { id: p.id.clone(), rect, chip: Some(chip) }
        })
        .collect();
    let rows = view.producers.len().div_ceil(per_row);
    (boxes, y0 + rows as f64 * (PRODUCER_H + 6.0))
}

fn wide(view: &ClusterView, cols: usize, bw: f64, chars: usize) -> Topology {
    let top = LABEL_H + 8.0;
    let x_prod = PAD;
    let x_stage = x_prod + PRODUCER_W + COL_GAP;
    let x_brokers = x_stage + STAGE_W + COL_GAP;
    let x_groups = x_brokers + cols as f64 * (bw + GAP) - GAP + COL_GAP;
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
            let rect = Rect { x: x_brokers + c as f64 * (bw + GAP), y, w: bw, h };
            replicas_of(view, b.id, rect, chars, &mut replicas);
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
        width: wide_width(cols, bw),
        height: bottom + PAD,
        narrow: false,
        labels,
        topics: topic_names(view),
        producers,
        partitioner,
        brokers,
        replicas,
        groups,
    }
}

fn topic_names(view: &ClusterView) -> Vec<String> {
    view.topics.iter().map(|t| t.name.clone()).collect()
}

fn narrow(view: &ClusterView, available_width: f64) -> Topology {
    let w = (available_width - 2.0 * PAD).max(NARROW_BROKER_MIN_W);
    let chars = longest_label(view).min(LABEL_MAX_CHARS).min(label_chars_for(w));
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
        replicas_of(view, b.id, rect, chars, &mut replicas);
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
        topics: topic_names(view),
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
        // Section headings: 12 px of text above their baseline, up to 110 px wide.
        let headings: Vec<Rect> =
            t.labels.iter().map(|(_, x, y)| Rect { x: *x, y: y - 12.0, w: 110.0, h: 15.0 }).collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(canvas.contains(a), "{a:?} outside {canvas:?}");
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            for h in &headings {
                assert!(!a.overlaps(h), "heading {h:?} overlaps {a:?}");
            }
        }
        for h in &headings {
            assert!(canvas.contains(h), "heading {h:?} outside {canvas:?}");
        }
        for r in &t.replicas {
            let b = t.brokers.iter().find(|b| b.id == r.broker).unwrap();
            assert!(b.rect.contains(&r.rect), "replica {r:?} outside its broker");
            assert!(r.rect.y >= b.rect.y + BROKER_HEAD, "replica {r:?} under its broker's heading");
            assert!(r.rect.contains(&r.cells), "cells outside the replica {r:?}");
            assert!(r.rect.contains(&r.label_rect), "label outside the replica {r:?}");
            assert!(r.label_rect.x >= r.rect.x + TOPIC_BAR_W, "label over the topic bar {r:?}");
            assert!(!r.label_rect.overlaps(&r.cells), "label runs into the cells {r:?}");
            assert!(r.cells.x + r.cells.w + FIGURES_W <= r.rect.x + r.rect.w + 1e-9, "no room for LEO/HW {r:?}");
            let chars = r.label.chars().count() as f64;
            assert!(chars * LABEL_CHAR_W <= r.label_rect.w, "label {:?} wider than its column {r:?}", r.label);
            let short = r.label.strip_suffix(&format!("-{}", r.partition)).expect("the label keeps the partition");
            assert_eq!(t.topics[r.topic_index], r.topic);
            assert_names_one_topic(short, r.topic_index, t);
        }
        for (i, a) in t.replicas.iter().enumerate() {
            for b in &t.replicas[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
                // A label names one partition of one topic.
                assert!(a.label != b.label || (a.topic == b.topic && a.partition == b.partition), "{a:?} vs {b:?}");
            }
        }
        // A broker lists its replicas topic by topic.
        for b in &t.brokers {
            let order: Vec<usize> = t.replicas.iter().filter(|r| r.broker == b.id).map(|r| r.topic_index).collect();
            assert!(order.windows(2).all(|w| w[0] <= w[1]), "broker {} mixes topics: {order:?}", b.id);
        }
        for p in &t.producers {
            let c = p.chip.as_ref().expect("a producer shows its topic");
            assert_chip(c, &p.rect, t);
            // Between the name row and the meta row (10 px text above its baseline).
            assert!(c.rect.y >= p.rect.y + PRODUCER_NAME_Y + 3.0, "{p:?}");
            assert!(c.rect.y + c.rect.h <= p.rect.y + PRODUCER_META_Y - 9.0, "{p:?}");
        }
        for g in &t.groups {
            assert_chip(&g.chip, &g.rect, t);
            assert!(g.chip.rect.y >= g.rect.y + GROUP_NAME_Y + 3.0, "{g:?}");
            assert!(g.rect.contains(&g.meta) && !g.meta.overlaps(&g.chip.rect), "{g:?}");
            // "gen 12 · lag 123456" at 10.5 px.
            assert!(g.meta.w >= 80.0, "no room for the generation and lag {g:?}");
            for m in &g.members {
                assert!(g.rect.contains(&m.rect));
                assert!(!m.rect.overlaps(&g.chip.rect) && !m.rect.overlaps(&g.meta), "{g:?}");
            }
        }
    }

    fn assert_chip(c: &Chip, owner: &Rect, t: &Topology) {
        assert!(owner.contains(&c.rect), "chip {c:?} outside {owner:?}");
        assert!(c.topic < t.topics.len());
        assert!(CHIP_PAD_W + c.text.chars().count() as f64 * CHIP_CHAR_W <= c.rect.w + 1e-9, "{c:?}");
        assert!(!c.text.is_empty(), "{c:?}: the name fits at these sizes");
        assert_names_one_topic(&c.text, c.topic, t);
    }

    /// `text` reads as topic `i`'s name and as no other topic's.
    fn assert_names_one_topic(text: &str, i: usize, t: &Topology) {
        for (j, name) in t.topics.iter().enumerate() {
            assert_eq!(abbreviates(text, name), i == j, "{text:?} vs topic {name:?} ({:?})", t.topics);
        }
    }

    /// A cluster with `topics` (name, partitions, RF), a producer and a group
    /// on each topic.
    fn multi(brokers: u32, topics: &[(&str, u32, u32)]) -> ClusterConfig {
        let mut c = ClusterConfig { brokers, ..ClusterConfig::default() };
        c.topics = topics
            .iter()
            .map(|&(name, partitions, rf)| TopicConfig {
                name: name.into(),
                partitions,
                replication_factor: rf,
                config: TopicSettings { min_insync_replicas: 1, ..Default::default() },
            })
            .collect();
        c.producers =
            topics.iter().map(|(name, ..)| ProducerConfig::new(format!("producer-{name}"), *name, 5.0)).collect();
        c.groups =
            topics.iter().map(|(name, p, _)| GroupConfig::new(format!("g-{name}"), *name, (*p).min(3))).collect();
        c
    }

    /// Every replica of the view is on the stage exactly once.
    fn assert_every_replica_once(view: &ClusterView, t: &Topology) {
        let mut want = 0;
        for topic in &view.topics {
            for p in &topic.partitions {
                for &b in &p.replicas {
                    want += 1;
                    let n = t
                        .replicas
                        .iter()
                        .filter(|r| r.topic == topic.name && r.partition == p.partition && r.broker == b)
                        .count();
                    assert_eq!(n, 1, "{}-{} on broker {b}", topic.name, p.partition);
                }
            }
        }
        assert_eq!(t.replicas.len(), want);
    }

    /// Topic names that look alike (shared prefixes and suffixes) or are long.
    const NAMES: [&str; 8] =
        ["clicks", "payments", "orders.v2", "payments-eu-retry", "payments-us-retry", "a", "inventory-updates", "x_y"];

    /// Seeded configurations: 1–4 topics, up to 32 partitions in all, RF 1–3,
    /// 3–5 brokers, each laid out at phone and wide widths.
    #[test]
    fn several_topics_never_overlap_at_phone_and_wide_widths() {
        let mut rng = kafka_sim::rng::SimRng::new(13);
        let mut pick = |n: u32| (rng.next_u64() % u64::from(n)) as u32;
        let mut seen_topics = [false; 5];
        for case in 0..60 {
            let brokers = 3 + pick(3);
            let topics = 1 + (case % 4) as usize;
            // Split up to 32 partitions over the topics, at least one each.
            let total = topics as u32 + pick(33 - topics as u32);
            let mut left = total;
            let first = pick(NAMES.len() as u32) as usize;
            let spec: Vec<(&str, u32, u32)> = (0..topics)
                .map(|i| {
                    let parts = if i + 1 == topics { left } else { 1 + pick(left - (topics - i) as u32 + 1) };
                    left -= parts;
                    (NAMES[(first + i) % NAMES.len()], parts, 1 + pick(3))
                })
                .collect();
            assert!(spec.iter().map(|s| s.1).sum::<u32>() <= 32);
            seen_topics[topics] = true;
            let view = Cluster::new(multi(brokers, &spec)).unwrap().view();
            assert_eq!(view.topics.len(), topics, "{spec:?}");
            for width in [360.0, 375.0, 390.0, 414.0, 1280.0, 1440.0, 1600.0, 1920.0] {
                // The stage box of a `width` window (app.rs `stage_width`) is ~42 px narrower.
                let t = topology(&view, width - 42.0);
                assert_eq!(t.narrow, width < 1000.0, "{spec:?} at {width}");
                assert!(t.width <= width - 42.0, "{spec:?} at {width}: {} wide", t.width);
                assert_eq!(t.topics.len(), topics);
                assert_every_replica_once(&view, &t);
                assert_sane(&t);
            }
        }
        assert_eq!(seen_topics, [false, true, true, true, true]);
    }

    /// The shop preset: both topics on every broker, grouped, with their own
    /// colours, and full labels.
    #[test]
    fn shop_shows_clicks_and_payments() {
        let view = Cluster::new(crate::presets::Preset::Shop.config(1)).unwrap().view();
        for width in [318.0, 1398.0] {
            let t = topology(&view, width);
            assert_eq!(t.topics, ["clicks", "payments"]);
            assert_eq!(t.replicas.len(), 6 * 3 + 3 * 3);
            assert!(t.replicas.iter().any(|r| r.label == "clicks-5" && r.topic_index == 0));
            assert!(t.replicas.iter().any(|r| r.label == "payments-2" && r.topic_index == 1));
            let chips: Vec<&str> = t.producers.iter().map(|p| p.chip.as_ref().unwrap().text.as_str()).collect();
            assert_eq!(chips, ["clicks", "clicks", "payments"]);
            let groups: Vec<usize> = t.groups.iter().map(|g| g.chip.topic).collect();
            assert_eq!(groups, [0, 0, 1, 1]);
            assert_every_replica_once(&view, &t);
            assert_sane(&t);
        }
    }

    #[test]
    fn text_wraps_at_spaces() {
        let ko = "아직 레코드가 없습니다: 재생이나 한 단계를 누르세요.";
        let lines = wrap(ko, 11.0, 190.0);
        assert!(lines.len() >= 2 && lines.iter().all(|l| text_width(l, 11.0) <= 190.0), "{lines:?}");
        assert_eq!(lines.join(" "), ko);
        assert_eq!(wrap("No records yet", 11.0, 500.0), ["No records yet"]);
    }

    #[test]
    fn text_fits_its_room() {
        assert_eq!(fit("analytics-c1", 12.0, 200.0), "analytics-c1");
        let t = fit("recommendations-c1", 12.0, 80.0);
        assert!(text_width(&t, 12.0) <= 80.0 && t.ends_with("-c1") && t.starts_with("rec"), "{t}");
        assert!(text_width("세대", 10.0) > text_width("gen", 10.0));
    }

    /// Stress's narrow producer boxes (two to a row) still name their topic.
    #[test]
    fn stress_producers_name_their_topic() {
        let view = Cluster::new(crate::presets::Preset::Stress.config(1)).unwrap().view();
        for width in [318.0, 1558.0] {
            let t = topology(&view, width);
            assert!(t.producers.iter().all(|p| p.chip.as_ref().unwrap().text == "events"), "at {width}");
            assert_every_replica_once(&view, &t);
            assert_sane(&t);
        }
    }

    #[test]
    fn names_shorten_where_they_differ_and_read_as_one_topic() {
        let names = ["payments-eu-retry", "payments-us-retry", "clicks", "orders.v2"];
        assert_eq!(shorten(&names, 2, 9), "clicks");
        assert_eq!(replica_label(&shorten(&names, 2, 9), 0), "clicks-0");
        // A balanced cut would read "paym…etry" for both: the cut moves to keep "eu"/"us".
        assert_eq!(shorten(&names, 0, 9), "p…u-retry");
        assert_eq!(shorten(&names, 1, 9), "p…s-retry");
        assert_eq!(shorten(&names, 3, 5), "or…v2");
        // Too short for any cut: the window around the difference.
        let shared = ["a-long-prefix-1-long-suffix", "a-long-prefix-2-long-suffix"];
        assert_eq!(shorten(&shared, 0, 7), "…x-1-l…");
        assert_eq!(shorten(&shared, 1, 7), "…x-2-l…");
        for (i, n) in names.iter().chain(&shared).enumerate() {
            let all: Vec<&str> = names.iter().chain(&shared).copied().collect();
            for max in 4..20 {
                let t = shorten(&all, i, max);
                assert!(t.chars().count() <= max && abbreviates(&t, n), "{t:?} for {n}");
            }
        }
        assert!(abbreviates("pay…ts", "payments") && !abbreviates("pay…ts", "payment"));
        assert!(
            abbreviates("…x-1-l…", "a-long-prefix-1-long-suffix")
                && !abbreviates("…x-1-l…", "a-long-prefix-2-long-suffix")
        );
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
                    assert!(t.width <= width.max(NARROW_BROKER_MIN_W + 2.0 * PAD), "{} > {width}", t.width);
                    assert_every_replica_once(&view, &t);
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
