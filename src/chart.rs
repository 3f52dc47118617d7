//! The lag charts' maths, pure and tested natively: scales, the least-squares
//! trend, "nice" axis maxima, picking a sample from a click or a key, polylines
//! with gaps, and the number formats the Lag tab shows.

use kafka_sim::fixed::fixed;

/// Samples the trend is fitted over (one per simulated second).
pub const TREND_SAMPLES: usize = 30;
/// A slope smaller than this (records/s, either way) counts as steady.
pub const STEADY_BELOW: f64 = 0.5;
/// The charts' SVG coordinate box.
pub const CHART_W: f64 = 320.0;
pub const CHART_H: f64 = 118.0;
/// Their `viewBox` as text, CHART_W × CHART_H (no float formatting per render).
pub const CHART_VIEW_BOX: &str = "0 0 320 118";
/// The plot area inside a chart (room for the axis labels around it).
pub const PLOT: ChartBox = ChartBox { left: 36.0, top: 8.0, width: 276.0, height: 88.0 };

/// A rectangle in SVG coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Maps simulated time (x) and lag (y, from 0 up) onto a plot box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub t0: u64,
    pub t1: u64,
    pub v_max: u64,
    pub plot: ChartBox,
}

impl Scale {
    /// Spans the samples' times and 0 up to a round number at or above `max_value`.
    pub fn fit(ts: &[u64], max_value: u64, plot: ChartBox) -> Scale {
        Scale {
            t0: ts.first().copied().unwrap_or(0),
            t1: ts.last().copied().unwrap_or(0),
            v_max: nice_max(max_value),
            plot,
        }
    }

    /// The x of a time; a single instant sits at the right edge (the newest).
    pub fn x(&self, t_ms: u64) -> f64 {
        if self.t1 <= self.t0 {
            return self.plot.left + self.plot.width;
        }
        let f = (t_ms.clamp(self.t0, self.t1) - self.t0) as f64 / (self.t1 - self.t0) as f64;
        self.plot.left + f * self.plot.width
    }

    /// The y of a value (0 at the bottom of the box), clamped into the box.
    pub fn y(&self, v: f64) -> f64 {
        let f = (v / self.v_max.max(1) as f64).clamp(0.0, 1.0);
        self.plot.top + self.plot.height - f * self.plot.height
    }

    /// The time under an x coordinate (clamped to the span).
    pub fn t_at(&self, x: f64) -> f64 {
        if self.t1 <= self.t0 {
            return self.t1 as f64;
        }
        let f = ((x - self.plot.left) / self.plot.width).clamp(0.0, 1.0);
        self.t0 as f64 + f * (self.t1 - self.t0) as f64
    }

    /// The index of the sample nearest to `x` (`ts` sorted ascending).
    pub fn nearest(&self, ts: &[u64], x: f64) -> Option<usize> {
        if ts.is_empty() {
            return None;
        }
        let t = self.t_at(x);
        let i = ts.partition_point(|&s| (s as f64) < t);
        Some(match i {
            0 => 0,
            i if i >= ts.len() => ts.len() - 1,
            i if t - ts[i - 1] as f64 <= ts[i] as f64 - t => i - 1,
            i => i,
        })
    }
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `v` (at least 1): the y-axis top.
pub fn nice_max(v: u64) -> u64 {
    let mut base: u64 = 1;
    loop {
        for m in [1, 2, 5] {
            let c = base.saturating_mul(m);
            if c >= v {
                return c;
            }
        }
        if base > u64::MAX / 10 {
            return u64::MAX;
        }
        base *= 10;
    }
}

/// Least-squares slope of `(t_ms, value)` points, in value per second; `None`
/// for fewer than two points or a single instant.
pub fn slope_per_s(points: &[(u64, f64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let t0 = points[0].0;
    let x = |t: u64| (t - t0) as f64 / 1000.0;
    // Plain loops: less wasm than the iterator chains, the same sums in the same order.
    let (mut sum_x, mut sum_y) = (0.0, 0.0);
    for &(t, y) in points {
        sum_x += x(t);
        sum_y += y;
    }
    let (mean_x, mean_y) = (sum_x / n, sum_y / n);
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for &(t, y) in points {
        let dx = x(t) - mean_x;
        sxy += dx * (y - mean_y);
        sxx += dx * dx;
    }
    (sxx > 0.0).then(|| sxy / sxx)
}

/// The last `n` points of a series that have a value.
pub fn last_points(series: &[(u64, Option<u64>)], n: usize) -> Vec<(u64, f64)> {
    let from = series.len().saturating_sub(n);
    let mut out = Vec::new();
    for &(t, v) in &series[from..] {
        if let Some(v) = v {
            out.push((t, v as f64));
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trend {
    Growing(f64),
    Shrinking(f64),
    Steady,
}

/// Words for a slope: within ±[`STEADY_BELOW`] records/s it is steady.
pub fn trend(slope: f64) -> Trend {
    if slope >= STEADY_BELOW {
        Trend::Growing(slope)
    } else if slope <= -STEADY_BELOW {
        Trend::Shrinking(slope)
    } else {
        Trend::Steady
    }
}

/// A rate with its sign: `+12`, `−3.5`, `+0.8`.
pub fn signed_rate(r: f64) -> String {
    let sign = if r < 0.0 { "\u{2212}" } else { "+" };
    let a = r.abs();
    format!("{sign}{}", fixed(a, if a >= 10.0 { 0 } else { 1 }))
}

/// The arrow for a trend.
pub fn arrow(t: Trend) -> &'static str {
    match t {
        Trend::Growing(_) => "↗",
        Trend::Shrinking(_) => "↘",
        Trend::Steady => "→",
    }
}

/// A mouse x in CSS pixels to the SVG's own x, for an SVG `view_w` units wide
/// drawn `width` pixels wide from `left` (its aspect ratio is kept).
pub fn to_view_x(client_x: f64, left: f64, width: f64, view_w: f64) -> Option<f64> {
    (width > 0.0).then(|| (client_x - left) * view_w / width)
}

/// What a key does to the selected sample: `Some(new selection)` (where `None`
/// means "follow the newest"), or `None` for a key the chart does not use.
pub fn key_move(key: &str, selected: Option<usize>, len: usize) -> Option<Option<usize>> {
    if len == 0 {
        return None;
    }
    let at = selected.unwrap_or(len - 1).min(len - 1);
    match key {
        "ArrowLeft" => Some(Some(at.saturating_sub(1))),
        // Stepping onto the newest sample goes back to following it.
        "ArrowRight" => Some(if at + 2 >= len { None } else { Some(at + 1) }),
        "Home" => Some(Some(0)),
        "End" | "Escape" => Some(None),
        _ => None,
    }
}

/// A series as polyline point lists, split where a value is missing.
pub fn polylines(series: &[(u64, Option<u64>)], scale: &Scale) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for (t, v) in series {
        match v {
            Some(v) => {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(&format!("{},{}", fixed(scale.x(*t), 1), fixed(scale.y(*v as f64), 1)));
            }
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Where `offset` falls between `start` and `end`, as a fraction 0..=1 (an
/// empty range puts everything at its end).
pub fn fraction(offset: u64, start: u64, end: u64) -> f64 {
    if end <= start {
        1.0
    } else {
        (offset.clamp(start, end) - start) as f64 / (end - start) as f64
    }
}

/// A time lag as the panel shows it: `3.2 s`, `125 s`.
pub fn format_lag_time(ms: u64) -> String {
    if ms < 100_000 {
        format!("{} s", fixed(ms as f64 / 1000.0, 1))
    } else {
        format!("{} s", ms / 1000)
    }
}

/// Simulated time on the chart axis: `42 s`.
pub fn format_t(t_ms: u64) -> String {
    if t_ms % 1000 == 0 {
        format!("{} s", t_ms / 1000)
    } else {
        format!("{} s", fixed(t_ms as f64 / 1000.0, 1))
    }
}

/// A share as a whole percentage: `100%`.
pub fn percent(f: f64) -> String {
    format!("{}%", fixed((f * 100.0).clamp(0.0, 100.0), 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: ChartBox = ChartBox { left: 10.0, top: 0.0, width: 100.0, height: 50.0 };

    #[test]
    fn slope_is_the_least_squares_fit_in_records_per_second() {
        let line: Vec<(u64, f64)> = (0..30).map(|i| (i * 1000, 5.0 + 12.0 * i as f64)).collect();
        assert!((slope_per_s(&line).unwrap() - 12.0).abs() < 1e-9);
        let down: Vec<(u64, f64)> = (0..10).map(|i| (40_000 + i * 1000, 100.0 - 3.0 * i as f64)).collect();
        assert!((slope_per_s(&down).unwrap() + 3.0).abs() < 1e-9);
        // Noise around a flat line fits to ~0.
        let flat: Vec<(u64, f64)> = (0..30).map(|i| (i * 1000, if i % 2 == 0 { 4.0 } else { 6.0 })).collect();
        assert!(slope_per_s(&flat).unwrap().abs() < 0.1);
        assert_eq!(slope_per_s(&[(0, 1.0)]), None);
        assert_eq!(slope_per_s(&[(5, 1.0), (5, 9.0)]), None, "one instant has no slope");
    }

    #[test]
    fn trend_words_follow_the_slope() {
        assert_eq!(trend(12.0), Trend::Growing(12.0));
        assert_eq!(trend(-2.0), Trend::Shrinking(-2.0));
        assert_eq!(trend(0.2), Trend::Steady);
        assert_eq!(signed_rate(12.4), "+12");
        assert_eq!(signed_rate(-3.46), "\u{2212}3.5");
        assert_eq!(arrow(Trend::Steady), "→");
    }

    #[test]
    fn last_points_skip_missing_values() {
        let s = vec![(0, None), (1000, Some(3)), (2000, Some(5)), (3000, None)];
        assert_eq!(last_points(&s, 3), vec![(1000, 3.0), (2000, 5.0)]);
        assert_eq!(last_points(&s, 10).len(), 2);
    }

    #[test]
    fn scale_maps_time_and_value_into_the_box() {
        let sc = Scale::fit(&[1000, 2000, 3000], 37, BOX);
        assert_eq!(sc.v_max, 50);
        assert_eq!(sc.x(1000), 10.0);
        assert_eq!(sc.x(3000), 110.0);
        assert_eq!(sc.x(2000), 60.0);
        assert_eq!(sc.y(0.0), 50.0);
        assert_eq!(sc.y(50.0), 0.0);
        assert_eq!(sc.y(500.0), 0.0, "clamped");
        assert_eq!(sc.t_at(60.0), 2000.0);
        // A single sample sits at the right edge.
        let one = Scale::fit(&[7000], 0, BOX);
        assert_eq!((one.x(7000), one.v_max), (110.0, 1));
    }

    #[test]
    fn nice_max_rounds_up_to_1_2_5() {
        let got: Vec<u64> = [0, 1, 2, 3, 6, 10, 11, 120, 501, 999].map(nice_max).to_vec();
        assert_eq!(got, vec![1, 1, 2, 5, 10, 10, 20, 200, 1000, 1000]);
        assert_eq!(nice_max(u64::MAX), u64::MAX);
    }

    #[test]
    fn the_nearest_sample_is_picked_from_an_x() {
        let ts = [0, 1000, 2000, 3000, 4000];
        let sc = Scale::fit(&ts, 10, BOX);
        assert_eq!(sc.nearest(&ts, 10.0), Some(0));
        assert_eq!(sc.nearest(&ts, 0.0), Some(0), "left of the plot");
        assert_eq!(sc.nearest(&ts, 36.0), Some(1));
        assert_eq!(sc.nearest(&ts, 47.0), Some(1));
        assert_eq!(sc.nearest(&ts, 48.0), Some(2));
        assert_eq!(sc.nearest(&ts, 500.0), Some(4), "right of the plot");
        assert_eq!(sc.nearest(&[], 50.0), None);
        // CSS pixels to SVG units: a 640 px wide drawing of a 320-unit chart.
        assert_eq!(to_view_x(420.0, 100.0, 640.0, 320.0), Some(160.0));
        assert_eq!(to_view_x(1.0, 0.0, 0.0, 320.0), None);
    }

    #[test]
    fn keys_move_the_selected_sample() {
        assert_eq!(key_move("ArrowLeft", None, 5), Some(Some(3)));
        assert_eq!(key_move("ArrowLeft", Some(0), 5), Some(Some(0)));
        assert_eq!(key_move("ArrowRight", Some(2), 5), Some(Some(3)));
        assert_eq!(key_move("ArrowRight", Some(3), 5), Some(None), "past the end follows the newest");
        assert_eq!(key_move("Home", None, 5), Some(Some(0)));
        assert_eq!(key_move("Escape", Some(1), 5), Some(None));
        assert_eq!(key_move("a", Some(1), 5), None);
        assert_eq!(key_move("ArrowLeft", None, 0), None);
    }

    #[test]
    fn polylines_break_at_missing_values() {
        let sc = Scale::fit(&[0, 1000, 2000, 3000], 10, BOX);
        let series = vec![(0, Some(0)), (1000, Some(10)), (2000, None), (3000, Some(5))];
        assert_eq!(polylines(&series, &sc), vec!["10.0,50.0 43.3,0.0".to_string(), "110.0,25.0".to_string()]);
        assert!(polylines(&[(0, None)], &sc).is_empty());
    }

    #[test]
    fn bars_and_formats() {
        assert_eq!(fraction(50, 0, 100), 0.5);
        assert_eq!(fraction(5, 10, 100), 0.0, "below the log start (deleted by retention)");
        assert_eq!(fraction(3, 3, 3), 1.0);
        assert_eq!(format_lag_time(3210), "3.2 s");
        assert_eq!(format_lag_time(0), "0.0 s");
        assert_eq!(format_lag_time(125_000), "125 s");
        assert_eq!(format_t(42_000), "42 s");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.333), "33%");
    }
}
