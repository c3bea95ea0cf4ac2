//! Kaplan–Meier survival and Aalen–Johansen cumulative incidence, with log(-log)
//! confidence intervals (Greenwood for Kaplan–Meier, the delta method of Marubini and
//! Valsecchi for Aalen–Johansen) and medians with intervals read off the bands
//! (Brookmeyer–Crowley style).

/// Which curve a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimator {
    /// Probability of no event of the cause of interest yet (other causes censored).
    KaplanMeier,
    /// Cumulative incidence of one cause, other causes competing.
    AalenJohansen,
}

impl Estimator {
    pub fn name(self) -> &'static str {
        match self {
            Estimator::KaplanMeier => "kaplan_meier",
            Estimator::AalenJohansen => "aalen_johansen",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurveRow {
    pub estimator: Estimator,
    /// 0 = the event of interest, k = the k-th competing event.
    pub cause: u8,
    pub time: i32,
    pub at_risk: u64,
    pub events: u64,
    pub censored: u64,
    pub estimate: f64,
    pub lo: f64,
    pub hi: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MedianRow {
    pub estimator: Estimator,
    pub cause: u8,
    pub subjects: u64,
    pub events: u64,
    pub median: Option<i32>,
    pub lo: Option<i32>,
    pub hi: Option<i32>,
}

/// log(-log) interval of a probability `p` whose variance is `var`.
fn loglog_interval(p: f64, var: f64, z: f64) -> (f64, f64) {
    if p >= 1.0 {
        return (1.0, 1.0);
    }
    if p <= 0.0 {
        return (0.0, 0.0);
    }
    let lp = p.ln();
    let se = var.max(0.0).sqrt() / (p * lp.abs());
    let theta = (-lp).ln();
    let a = (-(theta + z * se).exp()).exp();
    let b = (-(theta - z * se).exp()).exp();
    (a.min(b), a.max(b))
}

struct Step {
    time: i32,
    at_risk: u64,
    /// events per cause
    events: Vec<u64>,
    censored: u64,
}

fn steps(subjects: &mut [(i32, u8)], causes: usize) -> Vec<Step> {
    subjects.sort_unstable();
    let mut at_risk = subjects.len() as u64;
    let mut out = Vec::new();
    for run in subjects.chunk_by(|a, b| a.0 == b.0) {
        let mut events = vec![0u64; causes];
        let mut censored = 0;
        for &(_, status) in run {
            if status == 0 {
                censored += 1;
            } else {
                events[status as usize - 1] += 1;
            }
        }
        out.push(Step {
            time: run[0].0,
            at_risk,
            events,
            censored,
        });
        at_risk -= run.len() as u64;
    }
    if out.first().is_none_or(|s| s.time > 0) {
        out.insert(
            0,
            Step {
                time: 0,
                at_risk: subjects.len() as u64,
                events: vec![0; causes],
                censored: 0,
            },
        );
    }
    out
}

/// The first time a curve reaches `target` (from above when `falling`).
fn crossing(
    times: &[i32],
    values: impl Iterator<Item = f64>,
    target: f64,
    falling: bool,
) -> Option<i32> {
    times
        .iter()
        .zip(values)
        .find(|(_, v)| if falling { *v <= target } else { *v >= target })
        .map(|(t, _)| *t)
}

fn medians(
    estimator: Estimator,
    cause: u8,
    rows: &[CurveRow],
    subjects: u64,
    falling: bool,
) -> MedianRow {
    let times: Vec<i32> = rows.iter().map(|r| r.time).collect();
    let at = |f: fn(&CurveRow) -> f64| crossing(&times, rows.iter().map(f), 0.5, falling);
    // The median's interval: where each band crosses one half (a falling curve's lower
    // band crosses first, a rising curve's upper band).
    let (lo, hi) = if falling {
        (at(|r| r.lo), at(|r| r.hi))
    } else {
        (at(|r| r.hi), at(|r| r.lo))
    };
    MedianRow {
        estimator,
        cause,
        subjects,
        events: rows.iter().map(|r| r.events).sum(),
        median: at(|r| r.estimate),
        lo,
        hi,
    }
}

/// Curves and medians of subjects `(time, status)`: status 0 is censored, k in
/// 1..=causes the k-th cause (1 = the event of interest). Kaplan–Meier is for cause 1
/// (the others censored); Aalen–Johansen for every cause. `z` is the critical value.
pub fn analyse(
    subjects: &mut [(i32, u8)],
    causes: usize,
    z: f64,
) -> (Vec<CurveRow>, Vec<MedianRow>) {
    let n = subjects.len() as u64;
    let steps = steps(subjects, causes);
    let mut rows = Vec::with_capacity(steps.len() * (causes + 1));
    let mut meds = Vec::with_capacity(causes + 1);

    // Kaplan–Meier for the event of interest.
    let (mut s, mut greenwood) = (1.0f64, 0.0f64);
    for st in &steps {
        let (n_j, d) = (st.at_risk as f64, st.events[0] as f64);
        if d > 0.0 {
            s *= 1.0 - d / n_j;
            if n_j > d {
                greenwood += d / (n_j * (n_j - d));
            }
        }
        let (lo, hi) = loglog_interval(s, s * s * greenwood, z);
        rows.push(CurveRow {
            estimator: Estimator::KaplanMeier,
            cause: 0,
            time: st.time,
            at_risk: st.at_risk,
            events: st.events[0],
            censored: st.censored + st.events[1..].iter().sum::<u64>(),
            estimate: s,
            lo,
            hi,
        });
    }
    meds.push(medians(Estimator::KaplanMeier, 0, &rows, n, true));

    // Aalen–Johansen: S(t-) from all causes; F_k(t) = sum S(tj-) d_kj / n_j.
    let mut before = Vec::with_capacity(steps.len()); // S(tj-)
    let mut all = 1.0f64;
    for st in &steps {
        before.push(all);
        let d: u64 = st.events.iter().sum();
        if d > 0 {
            all *= 1.0 - d as f64 / st.at_risk as f64;
        }
    }
    for k in 0..causes {
        let start = rows.len();
        // Delta-method variance, Var F(t) = sum_j [F(t)-F_j]^2 a_j + sum_j c_j
        //   - 2 sum_j [F(t)-F_j] b_j, expanded into running sums:
        // a_j = d_j/(n_j (n_j - d_j)), b_j = S(tj-) d_kj / n_j^2,
        // c_j = S(tj-)^2 d_kj (n_j - d_kj) / n_j^3.
        let (mut f, mut sa, mut saf, mut saff, mut sb, mut sbf, mut sc) =
            (0.0f64, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for (j, st) in steps.iter().enumerate() {
            let n_j = st.at_risk as f64;
            let d_all = st.events.iter().sum::<u64>() as f64;
            let d_k = st.events[k] as f64;
            if n_j > 0.0 {
                f += before[j] * d_k / n_j;
            }
            if n_j > d_all && d_all > 0.0 {
                let a = d_all / (n_j * (n_j - d_all));
                sa += a;
                saf += a * f;
                saff += a * f * f;
            }
            if d_k > 0.0 {
                let b = before[j] * d_k / (n_j * n_j);
                sb += b;
                sbf += b * f;
                sc += before[j] * before[j] * d_k * (n_j - d_k) / (n_j * n_j * n_j);
            }
            let var = f * f * sa - 2.0 * f * saf + saff + sc - 2.0 * (f * sb - sbf);
            let (lo, hi) = loglog_interval(f, var, z);
            rows.push(CurveRow {
                estimator: Estimator::AalenJohansen,
                cause: k as u8,
                time: st.time,
                at_risk: st.at_risk,
                events: st.events[k],
                censored: st.censored,
                estimate: f,
                lo,
                hi,
            });
        }
        meds.push(medians(
            Estimator::AalenJohansen,
            k as u8,
            &rows[start..],
            n,
            false,
        ));
    }
    (rows, meds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const Z: f64 = 1.959_963_984_540_054;

    fn split(rows: &[CurveRow]) -> (Vec<&CurveRow>, Vec<&CurveRow>) {
        rows.iter()
            .partition(|r| r.estimator == Estimator::KaplanMeier)
    }

    fn km(rows: &[CurveRow]) -> Vec<(i32, f64)> {
        rows.iter()
            .filter(|r| r.estimator == Estimator::KaplanMeier)
            .map(|r| (r.time, r.estimate))
            .collect()
    }

    #[test]
    fn kaplan_meier_by_hand() {
        // times 1,2,2,3(censored),4 ; events at 1, 2 (one of two), 4
        let mut s = vec![(1, 1), (2, 1), (2, 0), (3, 0), (4, 1)];
        let (rows, meds) = analyse(&mut s, 1, Z);
        let k = km(&rows);
        assert_eq!(k[0], (0, 1.0));
        assert!((k[1].1 - 0.8).abs() < 1e-12);
        assert!((k[2].1 - 0.8 * 0.75).abs() < 1e-12);
        assert!((k[3].1 - 0.6).abs() < 1e-12);
        assert_eq!(k[4].1, 0.0);
        assert_eq!(meds[0].median, Some(4));
        for m in &meds {
            if let (Some(lo), Some(med)) = (m.lo, m.median) {
                assert!(lo <= med && m.hi.is_none_or(|hi| med <= hi));
            }
        }
        // monotone, bands contain the estimate
        for w in k.windows(2) {
            assert!(w[1].1 <= w[0].1);
        }
        for r in &rows {
            assert!(r.lo <= r.estimate + 1e-12 && r.estimate <= r.hi + 1e-12);
        }
    }

    #[test]
    fn one_cause_aalen_johansen_is_one_minus_kaplan_meier() {
        let mut s: Vec<(i32, u8)> = (0..60)
            .map(|i| ((i * 37 % 23) + 1, (i % 3 != 0) as u8))
            .collect();
        let (rows, _) = analyse(&mut s, 1, Z);
        let (km, aj) = split(&rows);
        assert_eq!(km.len(), aj.len());
        for (a, b) in km.iter().zip(&aj) {
            assert!((a.estimate + b.estimate - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn delta_method_variance_matches_greenwood_for_one_cause() {
        // With one cause F = 1 - S, so the delta-method variance must equal Greenwood's.
        let mut s: Vec<(i32, u8)> = (0..40)
            .map(|i| ((i * 7 % 11) + 1, (i % 4 != 0) as u8))
            .collect();
        let (rows, _) = analyse(&mut s, 1, Z);
        let (km, aj) = split(&rows);
        for (a, b) in km.iter().zip(&aj) {
            if a.estimate <= 0.0 || a.estimate >= 1.0 {
                continue;
            }
            // recover the variance from each band
            let var_of = |p: f64, hi: f64| {
                let theta = (-p.ln()).ln();
                let se = (theta - (-hi.ln()).ln()) / Z;
                (se * p * p.ln().abs()).powi(2)
            };
            let v_s = var_of(a.estimate, a.hi);
            let v_f = var_of(b.estimate, b.hi);
            assert!((v_s - v_f).abs() < 1e-9 * v_s.max(1e-12), "{v_s} vs {v_f}");
        }
    }

    #[test]
    fn cumulative_incidences_and_survival_add_up() {
        let mut s: Vec<(i32, u8)> = (0..90)
            .map(|i| ((i * 13 % 29) + 1, (i % 4) as u8))
            .collect();
        let (rows, meds) = analyse(&mut s, 3, Z);
        let times: Vec<i32> = rows
            .iter()
            .filter(|r| r.estimator == Estimator::KaplanMeier)
            .map(|r| r.time)
            .collect();
        for (j, _) in times.iter().enumerate() {
            let total: f64 = (0..3)
                .map(|k| {
                    rows.iter()
                        .filter(|r| r.estimator == Estimator::AalenJohansen && r.cause == k)
                        .nth(j)
                        .unwrap()
                        .estimate
                })
                .sum();
            assert!(total <= 1.0 + 1e-12);
        }
        assert_eq!(meds.len(), 4);
        assert_eq!(meds[0].subjects, 90);
    }
}
