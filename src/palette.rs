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

/// Topics' colours, in topic order: the bar on each replica, the chips on
/// producers and groups, the legend. Mid-tone hues none of the producer or
/// group colours use, so a topic never reads as a producer; each keeps a 3:1
/// contrast (WCAG 2.x, non-text) on the light and the dark panel (the fifth
/// and sixth a little less on the dark one; the chips' text is `--ink`).
pub const TOPIC_COLOURS: [&str; 6] = ["#6D8F00", "#EC407A", "#607D8B", "#8C6D1F", "#A64D79", "#3F7F9F"];

/// The colour of topic `i` (by its index in the view).
pub fn topic_colour(i: usize) -> &'static str {
    TOPIC_COLOURS[i % TOPIC_COLOURS.len()]
}

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

    fn rgb(hex: &str) -> [f64; 3] {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(f64::from)
    }

    fn distance(a: &str, b: &str) -> f64 {
        let (a, b) = (rgb(a), rgb(b));
        (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>().sqrt()
    }

    /// WCAG 2.x contrast ratio.
    fn contrast(a: &str, b: &str) -> f64 {
        let lum = |h: &str| {
            let c = rgb(h).map(|x| {
                let x = x / 255.0;
                if x <= 0.03928 {
                    x / 12.92
                } else {
                    ((x + 0.055) / 1.055).powf(2.4)
                }
            });
            0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Topic colours stay apart from every producer and group colour and from
    /// each other, and show on the light (`--panel` #ffffff, `--follower-bg`
    /// #f1f3f8) and dark (#161d29, #1d2636) backgrounds of static/style.css.
    #[test]
    fn topic_colours_are_distinct_and_readable_in_both_themes() {
        for (i, t) in TOPIC_COLOURS.iter().enumerate() {
            for p in PALETTE.iter().chain(&GROUP_COLOURS) {
                assert!(distance(t, p) >= 65.0, "topic {t} looks like {p}");
            }
            for o in &TOPIC_COLOURS[i + 1..] {
                assert!(distance(t, o) >= 35.0, "topics {t} and {o} look alike");
            }
            for bg in ["#ffffff", "#f1f3f8", "#161d29", "#1d2636"] {
                let min = if i < 4 { 3.0 } else { 2.8 };
                assert!(contrast(t, bg) >= min, "topic {t} on {bg}: {:.2}", contrast(t, bg));
            }
        }
        // The first two (the shop's clicks and payments) are far apart, the first four apart.
        assert!(distance(TOPIC_COLOURS[0], TOPIC_COLOURS[1]) >= 150.0);
        for (i, t) in TOPIC_COLOURS[..4].iter().enumerate() {
            for o in &TOPIC_COLOURS[i + 1..4] {
                assert!(distance(t, o) >= 55.0, "topics {t} and {o} look alike");
            }
        }
        assert_eq!(topic_colour(7), TOPIC_COLOURS[1]);
    }
}
