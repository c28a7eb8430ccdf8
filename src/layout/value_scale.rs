//! Linear scales from values to device pixels, and round tick values.

/// Maps a value domain onto a pixel range (which may run backwards, as a
/// y axis does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (i32, i32),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (i32, i32)) -> Self {
        Linear { domain, range }
    }

    /// The pixel for `value`, clamped to the range so that an absurd value
    /// can never send a mark to the far end of the coordinate space.
    pub fn at(&self, value: f64) -> i32 {
        let (d0, d1) = self.domain;
        let (r0, r1) = (f64::from(self.range.0), f64::from(self.range.1));
        let span = d1 - d0;
        let t = if span.abs() > f64::EPSILON && value.is_finite() {
            (value - d0) / span
        } else {
            0.0
        };
        let pixel = r0 + t.clamp(0.0, 1.0) * (r1 - r0);
        pixel.round() as i32
    }
}

/// Tick values from `low` to `high` at a round step (1, 2 or 5 × 10ⁿ), about
/// `count` of them, covering the interval; the step is returned too.
pub fn nice_ticks(low: f64, high: f64, count: usize) -> (Vec<f64>, f64) {
    let (low, high) = if low.is_finite() && high.is_finite() {
        (low, high)
    } else {
        (0.0, 1.0)
    };
    let span = (high - low).abs().max(f64::MIN_POSITIVE * 1e10);
    let rough = span / count.max(1) as f64;
    let magnitude = power_of_ten_below(rough);
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude);
    let first = (low.min(high) / step).floor();
    let last = (low.max(high) / step).ceil();
    // A degenerate domain (such as 1e308 wide) must not produce a huge list.
    let n = ((last - first) as usize).min(50);
    let ticks = (0..=n).map(|i| (first + i as f64) * step).collect();
    (ticks, step)
}

/// The largest power of ten not above `value` (positive and finite), by
/// steps rather than `log10` and `powf`, which would add libm to the WASM.
fn power_of_ten_below(value: f64) -> f64 {
    let mut power = 1.0;
    while power > value && power > 1e-300 {
        power /= 10.0;
    }
    while power * 10.0 <= value && power < 1e300 {
        power *= 10.0;
    }
    power
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(
            nice_ticks(0.0, 7.7, 4),
            (vec![0.0, 2.0, 4.0, 6.0, 8.0], 2.0)
        );
        assert_eq!(nice_ticks(-4.2, 1.2, 5).0, vec![-6.0, -4.0, -2.0, 0.0, 2.0]);
        assert_eq!(nice_ticks(0.0, 250.0, 4).0, vec![0.0, 100.0, 200.0, 300.0]);
    }

    #[test]
    fn powers_of_ten() {
        assert_eq!(power_of_ten_below(7.7), 1.0);
        assert_eq!(power_of_ten_below(250.0), 100.0);
        assert_eq!(power_of_ten_below(0.05), 0.01);
        assert_eq!(power_of_ten_below(1000.0), 1000.0);
    }

    #[test]
    fn degenerate_domains_stay_small() {
        assert!(nice_ticks(0.0, 0.0, 4).0.len() <= 51);
        assert!(nice_ticks(-1e308, 1e308, 4).0.len() <= 51);
        assert!(nice_ticks(f64::NAN, 1.0, 4).0.len() <= 51);
    }

    #[test]
    fn scales_clamp() {
        let y = Linear::new((0.0, 10.0), (100, 0));
        assert_eq!(y.at(0.0), 100);
        assert_eq!(y.at(5.0), 50);
        assert_eq!(y.at(1e308), 0);
        assert_eq!(y.at(f64::NAN), 100);
    }
}
