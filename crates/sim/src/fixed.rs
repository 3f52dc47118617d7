//! Fixed-point decimal text of an `f64`, exactly as `format!("{v:.N}")` writes
//! it (the binary value's exact decimal expansion, rounded half to even; the
//! sign kept on negative zero; `NaN`, `inf`, `-inf`).
//!
//! Why not `format!`: any `{:.N}` or `{}` of a float links core's float
//! printing (Grisu with a Dragon fallback and their power-of-ten tables, about
//! 12 KB of wasm), and every number the engine and the app print has at most a
//! few decimals. The exact integer arithmetic below is a few hundred bytes.

/// `v` with `decimals` digits after the point, byte-for-byte what
/// `format!("{v:.decimals$}")` gives. `decimals` is clamped to 0..=17.
pub fn fixed(v: f64, decimals: usize) -> String {
    let mut out = String::new();
    push_fixed(&mut out, v, decimals);
    out
}

/// How an exact tie between two last digits is broken: `{:.N}` rounds half to
/// even, `{}`'s shortest text rounds half up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ties {
    Even,
    Up,
}

/// [`fixed`] appended to `out` (no allocation of its own).
pub fn push_fixed(out: &mut String, v: f64, decimals: usize) {
    push_rounded(out, v, decimals, Ties::Even);
}

fn push_rounded(out: &mut String, v: f64, decimals: usize, ties: Ties) {
    if v.is_nan() {
        out.push_str("NaN");
        return;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return;
    }
    let d = decimals.min(17);
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // v = m * 2^e exactly (subnormals have no implicit bit).
    let (m, e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1 << 52), exp_bits - 1075) };
    let scale = 10u128.pow(d as u32);
    // The value times 10^d, rounded half to even, as decimal digits.
    let digits = if e >= 0 {
        let n = u128::from(m) * scale;
        if (e as u32) < n.leading_zeros() {
            (n << e).to_string()
        } else {
            shifted_digits(n, e as u32)
        }
    } else {
        let s = (-e) as u32;
        let n = u128::from(m) * scale; // < 2^53 * 10^17 < 2^110
        if s >= 111 {
            // n < 2^110 <= 2^(s - 1), so n / 2^s < 1/2: rounds to zero.
            "0".to_string()
        } else {
            let q = n >> s;
            let r = n & ((1u128 << s) - 1);
            let half = 1u128 << (s - 1);
            let up = r > half || (r == half && (ties == Ties::Up || q & 1 == 1));
            (q + u128::from(up)).to_string()
        }
    };
    // Pad so there is at least one digit before the point.
    if digits.len() <= d {
        out.push('0');
        if d > 0 {
            out.push('.');
            out.extend(std::iter::repeat_n('0', d - digits.len()));
            out.push_str(&digits);
        }
    } else {
        let (int, dec) = digits.split_at(digits.len() - d);
        out.push_str(int);
        if d > 0 {
            out.push('.');
            out.push_str(dec);
        }
    }
}

/// `v` as `format!("{v}")` writes it (the shortest text that reads back as
/// `v`), for every `v` whose shortest text has at most 17 decimals: the first
/// of `fixed(v, 0..=17)` that parses back to `v`. Tinier values (below about
/// 1e-17) print with 17 decimals.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return fixed(v, 0);
    }
    let mut s = String::new();
    for d in 0..=17 {
        s.clear();
        push_rounded(&mut s, v, d, Ties::Up);
        if s.parse::<f64>().ok() == Some(v) {
            break;
        }
    }
    s
}

/// Decimal digits of `n * 2^shift` for shifts past u128 (only |v| >= 2^64,
/// never hot): little-endian base-10^9 limbs multiplied by up to 2^29 a pass.
fn shifted_digits(n: u128, mut shift: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = Vec::new();
    let mut rest = n;
    while rest > 0 {
        limbs.push((rest % u128::from(BASE)) as u64);
        rest /= u128::from(BASE);
    }
    while shift > 0 {
        let k = shift.min(29);
        shift -= k;
        let mut carry = 0u64;
        for limb in limbs.iter_mut() {
            let x = (*limb << k) + carry; // < 10^9 * 2^29 + carry < 2^60
            *limb = x % BASE;
            carry = x / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = limbs.last().map_or_else(String::new, u64::to_string);
    for limb in limbs.iter().rev().skip(1) {
        let s = limb.to_string();
        out.extend(std::iter::repeat_n('0', 9 - s.len()));
        out.push_str(&s);
    }
    out
}

/// Bytes in human units, 1024-based, one decimal below 100 of a unit, read
/// with integers only (no float printing): `0 B`, `512 B`, `1.5 KB`, `120 KB`, `3.2 MB`.
pub fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut scale: u128 = 1;
    while unit + 1 < UNITS.len() && u128::from(b) >= scale * 1024 {
        scale *= 1024;
        unit += 1;
    }
    if unit == 0 {
        return format!("{b} B");
    }
    // Rounded to tenths of the unit, half up.
    let t = (u128::from(b) * 10 + scale / 2) / scale;
    if t >= 1000 {
        format!("{} {}", (u128::from(b) + scale / 2) / scale, UNITS[unit])
    } else {
        format!("{}.{} {}", t / 10, t % 10, UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small seeded generator (splitmix64) so the comparison is reproducible.
    fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn check(v: f64) {
        for d in [0, 1, 2, 3, 6, 9, 17] {
            assert_eq!(fixed(v, d), format!("{v:.d$}"), "v = {v:e} ({:#x}), {d} decimals", v.to_bits());
        }
    }

    #[test]
    fn ties_round_to_even_on_the_exact_binary_value() {
        // 0.25 and 2.5 are exact ties (to even); 0.35 is just below its tie,
        // 0.05 and 0.45 just above theirs.
        assert_eq!(fixed(0.25, 1), "0.2");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(1.5, 0), "2");
        assert_eq!(fixed(0.35, 1), "0.3");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(0.45, 1), "0.5");
        assert_eq!(fixed(-0.0, 1), "-0.0");
        assert_eq!(fixed(-0.01, 1), "-0.0");
        assert_eq!(fixed(66.666, 1), "66.7");
        for v in [0.25, 2.5, 0.35, 0.05, 0.45, -0.0, 2.675, 1e20, f64::MAX, f64::MIN_POSITIVE, 5e-324] {
            check(v);
        }
    }

    #[test]
    fn short_is_what_display_writes() {
        for v in [0.0, -0.0, 1.0, 0.1, 2.5, 0.25, 100_000.0, 1e20, 1.0 / 3.0, 66.6, 1e-7, -3.75, 7.5, 0.3] {
            assert_eq!(short(v), format!("{v}"), "{v:e}");
        }
        let mut s = 0x5707;
        for _ in 0..20_000 {
            // Any value from 1 to 1e12 (shortest text: at most 16 decimals), and
            // decimals as people type them.
            let v = 1.0 + (splitmix(&mut s) >> 11) as f64 / (1u64 << 53) as f64 * 1e12;
            assert_eq!(short(v), format!("{v}"), "{v:e}");
            let typed = (splitmix(&mut s) % 100_000_000) as f64 / 10f64.powi((splitmix(&mut s) % 7) as i32);
            assert_eq!(short(typed), format!("{typed}"), "{typed:e}");
        }
    }

    #[test]
    fn not_finite_values_read_as_rust_writes_them() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            check(v);
        }
    }

    #[test]
    fn matches_format_on_random_values_of_every_magnitude() {
        let mut s = 0x5eed;
        for _ in 0..20_000 {
            // Random bit patterns cover every exponent; numbers near the
            // project's scale (pixels, seconds, percentages) cover the ties.
            check(f64::from_bits(splitmix(&mut s)));
            let small = (splitmix(&mut s) % 2_000_000) as f64 / 1000.0 - 1000.0;
            check(small);
            check(small / 8.0);
        }
    }
}
