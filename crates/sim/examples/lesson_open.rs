//! How long opening a lesson step takes: `course::Player::open` replays the
//! lesson from its seed to the step's start (what "back", "retry", a share link
//! and `?lesson=…&step=…` do), plus the view the app draws first.
//!
//! ```text
//! cargo run --release --example lesson_open -p kafka-sim     # native
//! scripts/bench.sh                                            # native and wasm32-wasip1 under Node
//! ```
//!
//! Prints, per step, the median over `REPETITIONS` (default 5) in ms, then the
//! slowest step; the budget is 100 ms (issue 12).

use kafka_sim::course::{self, Player};
use std::time::Instant;

// Benchmarks may read the clock; the simulation may not (clippy.toml).
#[allow(clippy::disallowed_methods)]
fn main() {
    let reps: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5).max(1);
    let mut worst = (0.0f64, String::new());
    for lesson in course::lessons() {
        let mut line = format!("{:<4}", lesson.id);
        for k in 0..lesson.steps.len() {
            let mut times: Vec<f64> = (0..reps)
                .map(|_| {
                    let t = Instant::now();
                    let p = Player::open(lesson, k).expect("lessons open");
                    std::hint::black_box(p.cluster().view());
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            let median = times[times.len() / 2];
            line.push_str(&format!(" {median:6.1}"));
            if median > worst.0 {
                worst = (median, format!("{} step {}", lesson.id, k + 1));
            }
        }
        println!("{line}");
    }
    println!("slowest: {:.1} ms ({})", worst.0, worst.1);
}
