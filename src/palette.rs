//! Colours and dot shapes shared by the SVG stage and the records canvas (one
//! place, so neither component imports the other). Okabe–Ito colours, which stay
//! distinguishable with the common colour-vision deficiencies; the shape repeats
//! the distinction for more than seven producers.

/// Producers' colours, in producer order.
pub const PALETTE: [&str; 7] = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442"];
/// Colours of consumer groups' commit markers.
pub const GROUP_COLOURS: [&str; 4] = ["#7B3FBF", "#0B7A5B", "#B42318", "#1F6FEB"];

/// Line colours of the partitions (Okabe–Ito, then two neutrals).
pub const PART_COLOURS: [&str; 8] =
    ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#7F7F7F"];

/// The style of a consumer's dots (leader → consumer).
pub const CONSUME_STYLE: u32 = u32::MAX;
/// The style of a replication dot (leader → follower).
pub const REPLICATE_STYLE: u32 = u32::MAX - 1;

/// Colour and shape (0 circle, 1 square, 2 triangle, 3 diamond) of a style: a
/// producer's index, or one of the two fixed styles above.
pub fn style_of(i: u32) -> (&'static str, u32) {
    match i {
        CONSUME_STYLE => ("var(--group)", 0),
        REPLICATE_STYLE => ("var(--leader)", 0),
        i => (PALETTE[i as usize % PALETTE.len()], (i / PALETTE.len() as u32) % 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Up to 28 producers get distinct (colour, shape) pairs; the fixed styles
    /// never collide with a producer's.
    #[test]
    fn producer_styles_are_distinct() {
        let styles: Vec<_> = (0..28).map(style_of).collect();
        for (i, a) in styles.iter().enumerate() {
            assert!(styles[i + 1..].iter().all(|b| b != a), "producer {i} repeats {a:?}");
            assert_ne!(*a, style_of(CONSUME_STYLE));
            assert_ne!(*a, style_of(REPLICATE_STYLE));
        }
    }
}
