//! Small statistics: the normal quantile, Wilson score intervals, medians.
use crate::errors::{CoreError, Result};

/// The standard normal quantile (Acklam's rational approximation, relative error below
/// 1.2e-9: far below what any interval here needs).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.02425;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// The two-sided critical value for a confidence level in (0, 1), e.g. 1.96 for 0.95.
pub fn critical_value(confidence: f64) -> Result<f64> {
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(CoreError::InvalidInput(format!(
            "confidence must be in (0, 1), got {confidence}; e.g. confidence=0.95"
        )));
    }
    Ok(normal_quantile(0.5 + confidence / 2.0))
}

/// A ratio with its Wilson score interval; all None when there are no trials.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proportion {
    pub ratio: Option<f64>,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
}

/// `successes / trials` with the Wilson score interval at critical value `z`.
pub fn wilson(successes: u64, trials: u64, z: f64) -> Proportion {
    if trials == 0 {
        return Proportion {
            ratio: None,
            lo: None,
            hi: None,
        };
    }
    let n = trials as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Proportion {
        ratio: Some(p),
        lo: Some((centre - half).clamp(0.0, p)),
        hi: Some((centre + half).clamp(p, 1.0)),
    }
}

/// The median of sorted values (the mean of the two middle ones for an even count).
pub fn median_sorted(values: &[f64]) -> Option<f64> {
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles() {
        assert!((normal_quantile(0.975) - 1.959_963_984_540_054).abs() < 1e-8);
        assert!((normal_quantile(0.5)).abs() < 1e-12);
        assert!((normal_quantile(0.01) + 2.326_347_874_040_841).abs() < 1e-8);
        assert!((normal_quantile(0.999) - 3.090_232_306_167_813).abs() < 1e-8);
        assert!(critical_value(1.0).is_err());
    }

    #[test]
    fn wilson_interval() {
        // 81 of 263 at 95 %: the textbook example gives (0.2553, 0.3662).
        let w = wilson(81, 263, 1.959_964);
        assert!((w.lo.unwrap() - 0.2553).abs() < 1e-4);
        assert!((w.hi.unwrap() - 0.3662).abs() < 1e-4);
        let all = wilson(10, 10, 1.96);
        assert_eq!(all.hi, Some(1.0));
        assert!(all.lo.unwrap() < 1.0);
        assert_eq!(wilson(0, 0, 1.96).ratio, None);
        assert_eq!(wilson(0, 5, 1.96).lo, Some(0.0));
    }

    #[test]
    fn medians() {
        assert_eq!(median_sorted(&[]), None);
        assert_eq!(median_sorted(&[1.0, 2.0, 10.0]), Some(2.0));
        assert_eq!(median_sorted(&[1.0, 2.0, 3.0, 10.0]), Some(2.5));
    }
}
