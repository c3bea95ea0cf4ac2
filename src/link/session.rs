//! A link session: one set of records ready to link, in an order fixed by their content
//! and ids (so results never depend on row order), with the maps between input rows,
//! data set positions and record ids that every result needs.
//!
//! The rules that make results reproducible live here: the data set order, which id of
//! a pair is on the left (the smaller), and an entity's id (its smallest record id).
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::dataset::{link_order, Dataset};
use super::levels::NULL;
use super::model::{probability, Model};
use super::settings::{LinkType, Settings};
use super::{explain, Constraints, MatchIndex, ScoredPair};
use crate::encode::{row_index, FastMap};
use crate::errors::CoreError;
use crate::standardise::Standardised;

/// The records of one session; build it with [`LinkSession::new`].
pub struct LinkSession {
    /// Shared with worker threads of interruptible calls.
    ds: Arc<Dataset>,
    /// Record ids in data set order (by name keys, birth year, then id).
    ids: Vec<String>,
    /// Rank of each data set record's id among all ids (to order pairs and name entities).
    id_rank: Vec<u32>,
    /// Data set index of each input row.
    position: Vec<u32>,
    /// Data set index of each id, built on first lookup (most runs never look one up).
    /// `Err` holds an id given twice.
    by_id: OnceLock<Result<FastMap<String, u32>, String>>,
    /// Comparisons and rules dropped because the records lack their inputs.
    dropped: Vec<String>,
    index: OnceLock<MatchIndex>,
}

/// The records as read from the input, each vector in input row order.
pub struct SessionInput<'a> {
    pub ids: Vec<String>,
    pub standardised: &'a [Standardised],
    /// One vector per generic column of the settings ([`Settings::generic_columns`]).
    pub generic: Vec<Vec<Option<String>>>,
    /// Which set each record is from (0 left, 1 right) when linking two sets.
    pub sides: Option<Vec<u8>>,
}

/// The scored pairs as columns: data set indices of the smaller (`left`) and larger
/// (`right`) id, match weight and probability, and per comparison its level (`None` when
/// a value is missing) and its weight of evidence.
pub struct PairTable {
    pub left: Vec<u32>,
    pub right: Vec<u32>,
    pub weight: Vec<f64>,
    pub probability: Vec<f64>,
    pub comparisons: Vec<ComparisonColumn>,
}

pub struct ComparisonColumn {
    pub name: String,
    pub levels: Vec<Option<i8>>,
    pub weights: Vec<f64>,
}

/// One line of the evidence for a pair, with the running total from the prior.
pub struct ExplainLine {
    pub comparison: String,
    pub level: Option<String>,
    pub m: Option<f64>,
    pub u: Option<f64>,
    pub weight: f64,
    pub cumulative_weight: f64,
    pub cumulative_probability: f64,
}

/// A candidate for a new record: its row among the new records, the data set index of
/// the known record, the match weight and probability.
pub struct Candidate {
    pub new_row: u32,
    pub record: u32,
    pub weight: f64,
    pub probability: f64,
}

/// Pairs per parallel task when computing pair columns.
const PAIR_CHUNK: usize = 1 << 14;

impl LinkSession {
    /// Orders the records, builds the data set and the id maps. `settings` are those in
    /// force (see [`Settings::restrict_to`]); `dropped` what that left out.
    pub fn new(
        settings: Settings,
        dropped: Vec<String>,
        input: SessionInput<'_>,
    ) -> Result<LinkSession, CoreError> {
        if settings.link_type != LinkType::Dedupe && input.sides.is_none() {
            return Err(CoreError::InvalidInput(
                "linking two sets needs to know which set each record is from: use caselink.link(left, right)".into(),
            ));
        }
        let ids = input.ids;
        let std = input.standardised;
        let order = link_order(std, &ids);
        let sorted_std: Vec<&Standardised> = order.iter().map(|&i| &std[i]).collect();
        let generic: Vec<Vec<Option<&str>>> = input
            .generic
            .iter()
            .map(|col| order.iter().map(|&i| col[i].as_deref()).collect())
            .collect();
        let sides: Option<Vec<u8>> = input.sides.map(|s| order.iter().map(|&i| s[i]).collect());
        let ds = Dataset::new(settings, &sorted_std, &generic, sides.as_deref());
        let mut position = vec![0u32; ids.len()];
        for (k, &i) in order.iter().enumerate() {
            position[i] = k as u32;
        }
        let sorted_ids: Vec<String> = order.iter().map(|&i| ids[i].clone()).collect();
        let mut by_rank: Vec<u32> = (0..sorted_ids.len() as u32).collect();
        by_rank.par_sort_unstable_by(|&a, &b| sorted_ids[a as usize].cmp(&sorted_ids[b as usize]));
        let mut id_rank = vec![0u32; by_rank.len()];
        for (rank, &k) in by_rank.iter().enumerate() {
            id_rank[k as usize] = rank as u32;
        }
        Ok(LinkSession {
            ds: Arc::new(ds),
            ids: sorted_ids,
            id_rank,
            position,
            by_id: OnceLock::new(),
            dropped,
            index: OnceLock::new(),
        })
    }

    pub fn dataset(&self) -> &Arc<Dataset> {
        &self.ds
    }

    /// Record ids in data set order: the data set index `k` is `ids()[k]`.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    pub fn dropped(&self) -> &[String] {
        &self.dropped
    }

    pub fn len(&self) -> usize {
        self.ds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ds.len() == 0
    }

    /// The data set index of a record id, or an error naming it.
    pub fn index_of(&self, id: &str) -> Result<u32, CoreError> {
        let by_id = self
            .by_id
            .get_or_init(|| row_index(self.ids.iter().cloned()))
            .as_ref()
            .map_err(|dup| {
                CoreError::InvalidInput(format!(
                    "record id '{dup}' is given twice; ids must be unique"
                ))
            })?;
        by_id.get(id).copied().ok_or_else(|| {
            CoreError::InvalidInput(format!("record id '{id}' is not among the records"))
        })
    }

    /// Checks that a model was trained with these records' comparisons.
    pub fn check(&self, model: &Model) -> Result<(), CoreError> {
        model.check_matches(&self.ds)
    }

    /// Known matches given as id pairs, as data set index pairs (smaller first; pairs of
    /// one record with itself left out). Labels with no pair left are an error.
    pub fn labelled_pairs(
        &self,
        labels: Option<(&[String], &[String])>,
    ) -> Result<Option<Vec<(u32, u32)>>, CoreError> {
        let Some((left, right)) = labels else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(left.len());
        for (a, b) in left.iter().zip(right) {
            let (i, j) = (self.index_of(a)?, self.index_of(b)?);
            if i != j {
                out.push((i.min(j), i.max(j)));
            }
        }
        if out.is_empty() {
            return Err(CoreError::InvalidInput(
                "labels hold no pair of two different records known to match".into(),
            ));
        }
        Ok(Some(out))
    }

    /// Analysts' decisions given as id pairs (must-link, cannot-link) as constraints on
    /// the clustering. An unknown id, a pair of one record with itself in cannot-link,
    /// or a cannot-link pair the must-link pairs join is an error naming the records.
    pub fn constraints(
        &self,
        must: (&[String], &[String]),
        cannot: (&[String], &[String]),
    ) -> Result<Constraints, CoreError> {
        let pairs = |(left, right): (&[String], &[String])| -> Result<Vec<_>, CoreError> {
            left.iter()
                .zip(right)
                .map(|(a, b)| Ok((self.index_of(a)?, self.index_of(b)?)))
                .collect()
        };
        let out = Constraints {
            must: pairs(must)?,
            cannot: pairs(cannot)?,
        };
        let id = |i: u32| &self.ids[i as usize];
        if let Some(&(a, _)) = out.cannot.iter().find(|(a, b)| a == b) {
            return Err(CoreError::InvalidInput(format!(
                "cannot-link pair ('{0}', '{0}') names one record twice",
                id(a)
            )));
        }
        if let Some((a, b)) = out.conflict(self.ds.len()) {
            return Err(CoreError::InvalidInput(format!(
                "records '{}' and '{}' are to be kept apart, but the must-link pairs join \
                 them: withdraw one of the decisions",
                id(a),
                id(b)
            )));
        }
        Ok(out)
    }

    /// The pairs as columns, the smaller id of each pair on the left; every comparison's
    /// weight is computed in one pass over the pairs (each pair's records read once).
    pub fn pair_table(&self, model: &Model, pairs: &[ScoredPair]) -> PairTable {
        let ds = &self.ds;
        let rank = &self.id_rank;
        let (left, right): (Vec<u32>, Vec<u32>) = pairs
            .par_iter()
            .map(|p| {
                if rank[p.i as usize] < rank[p.j as usize] {
                    (p.i, p.j)
                } else {
                    (p.j, p.i)
                }
            })
            .unzip();
        let weight = pairs.par_iter().map(|p| p.weight).collect();
        let probability = pairs.par_iter().map(ScoredPair::probability).collect();
        let specs = &ds.settings.comparisons;
        let mut weights: Vec<Vec<f64>> = specs.iter().map(|_| vec![0.0; pairs.len()]).collect();
        pairs
            .par_chunks(PAIR_CHUNK)
            .zip(column_chunks(&mut weights, PAIR_CHUNK))
            .for_each(|(chunk, mut out)| {
                for (k, p) in chunk.iter().enumerate() {
                    let (a, b) = (&ds.records[p.i as usize], &ds.records[p.j as usize]);
                    let w = model.weights(ds, a, b, &p.levels.unpack());
                    for (c, column) in out.iter_mut().enumerate() {
                        column[k] = w[c];
                    }
                }
            });
        let comparisons = specs
            .iter()
            .enumerate()
            .zip(weights)
            .map(|((c, spec), weights)| ComparisonColumn {
                name: spec.name(),
                levels: pairs
                    .par_iter()
                    .map(|p| (p.levels.get(c) != NULL).then_some(p.levels.get(c) as i8))
                    .collect(),
                weights,
            })
            .collect();
        PairTable {
            left,
            right,
            weight,
            probability,
            comparisons,
        }
    }

    /// For each input row, in input order: (data set index of the record, data set index
    /// of its entity's id). An entity's id is its smallest record id, so the same records
    /// give the same ids whatever their order.
    pub fn entity_rows(&self, labels: &[u32]) -> Vec<(u32, u32)> {
        // Labels are data set indices, which are not in id order: find each entity's
        // smallest id.
        let mut smallest = vec![u32::MAX; labels.len()];
        for (k, &label) in labels.iter().enumerate() {
            let best = &mut smallest[label as usize];
            if *best == u32::MAX || self.id_rank[k] < self.id_rank[*best as usize] {
                *best = k as u32;
            }
        }
        self.position
            .iter()
            .map(|&k| (k, smallest[labels[k as usize] as usize]))
            .collect()
    }

    /// Clusters scored pairs given by record ids; pairs with a missing id or probability
    /// are left out. With a model, pairs missing from `scored` are scored when two small
    /// groups are weighed for a merge. Returns each data set record's label.
    pub fn cluster_scored(
        &self,
        model: Option<&Model>,
        scored: impl Iterator<Item = (Option<String>, Option<String>, Option<f64>)>,
        threshold: f64,
    ) -> Result<Vec<u32>, CoreError> {
        let mut triples = Vec::new();
        for (a, b, p) in scored {
            let (Some(a), Some(b), Some(p)) = (a, b, p) else {
                continue;
            };
            let (i, j) = (self.index_of(&a)?, self.index_of(&b)?);
            triples.push((i.min(j), i.max(j), p));
        }
        Ok(super::cluster(&self.ds, model, &triples, threshold))
    }

    /// The evidence for one pair of record ids: the prior, then one line per comparison,
    /// each with the running weight and its probability.
    pub fn explain(&self, model: &Model, a: &str, b: &str) -> Result<Vec<ExplainLine>, CoreError> {
        let (i, j) = (self.index_of(a)?, self.index_of(b)?);
        let records = &self.ds.records;
        let lines = explain(&self.ds, model, &records[i as usize], &records[j as usize]);
        let mut total = 0.0;
        Ok(lines
            .into_iter()
            .map(|e| {
                total += e.weight;
                ExplainLine {
                    comparison: e.comparison,
                    level: e.level,
                    m: e.m,
                    u: e.u,
                    weight: e.weight,
                    cumulative_weight: total,
                    cumulative_probability: probability(total),
                }
            })
            .collect())
    }

    /// Adds records with ids new to the session at the end of the data set (a store's
    /// daily batch): they count in the term frequencies and the match index from now
    /// on. Returns their data set indices. An id already there, or given twice, is an
    /// error and nothing is added.
    pub fn grow(&mut self, input: SessionInput<'_>) -> Result<Range<u32>, CoreError> {
        if input.sides.is_some() || self.ds.settings.link_type != LinkType::Dedupe {
            return Err(CoreError::InvalidInput(
                "records can be added to a deduplication only".into(),
            ));
        }
        self.index_of_all()?;
        let Some(Ok(by_id)) = self.by_id.get_mut() else {
            unreachable!("the id map was just built")
        };
        let mut fresh: FastMap<&str, ()> = FastMap::default();
        for id in &input.ids {
            if by_id.contains_key(id) || fresh.insert(id.as_str(), ()).is_some() {
                return Err(CoreError::InvalidInput(format!(
                    "record id '{id}' is already among the records; ids must be unique"
                )));
            }
        }
        let ds = Arc::get_mut(&mut self.ds)
            .ok_or_else(|| CoreError::Internal("the records are in use by another call".into()))?;
        let generic: Vec<Vec<Option<&str>>> = input
            .generic
            .iter()
            .map(|col| col.iter().map(|v| v.as_deref()).collect())
            .collect();
        let added = ds.append(input.standardised, &generic);
        if let Some(index) = self.index.get_mut() {
            index.insert(ds, added.start);
        }
        for (k, id) in input.ids.iter().enumerate() {
            by_id.insert(id.clone(), added.start + k as u32);
        }
        self.position.extend(added.clone());
        self.id_rank = ranks_after_adding(&self.ids, &self.id_rank, &input.ids);
        self.ids.extend(input.ids);
        Ok(added)
    }

    /// Builds the id map and the match index now rather than on first use (a store
    /// builds them when it opens, so its first batch and lookup do not pay for them).
    pub fn build_indices(&self) -> Result<(), CoreError> {
        self.index.get_or_init(|| MatchIndex::new(&self.ds));
        self.index_of_all()
    }

    /// The id map, built if it was not.
    fn index_of_all(&self) -> Result<(), CoreError> {
        match self.ids.first() {
            Some(id) => self.index_of(id).map(|_| ()),
            None => Ok(()),
        }
    }

    /// The scored pairs of the records from `from` on (see [`LinkSession::grow`]): each
    /// with every record it shares a blocking key with, earlier or added with it, as
    /// `(i, j, probability)` with `i < j`, sorted, those below `floor` left out.
    pub fn pairs_from(&self, model: &Model, from: u32, floor: f64) -> Vec<(u32, u32, f64)> {
        let ds = &self.ds;
        let index = self.index.get_or_init(|| MatchIndex::new(ds));
        let added = &ds.records[from as usize..];
        let mut out: Vec<(u32, u32, f64)> = index
            .score(ds, model, added)
            .into_iter()
            .map(|(k, j, w)| (from + k, j, probability(w)))
            // A pair of two added records is found from both: keep it once.
            .filter(|&(i, j, p)| j != i && (j < from || j < i) && p >= floor)
            .map(|(i, j, p)| (i.min(j), i.max(j), p))
            .collect();
        out.par_sort_unstable_by_key(|x| (x.0, x.1));
        out
    }

    /// Clusters the records `scope` (data set indices, sorted and unique) on their own,
    /// from the scored pairs among them (pairs with an end outside are ignored) and the
    /// constraints among them; pairs not given are scored when groups are weighed. One
    /// label per scope record: the position in `scope` of its cluster's first record.
    pub fn cluster_within(
        &self,
        model: &Model,
        scope: &[u32],
        pairs: &[(u32, u32, f64)],
        constraints: &Constraints,
    ) -> Vec<u32> {
        let local: FastMap<u32, u32> = scope
            .iter()
            .enumerate()
            .map(|(k, &i)| (i, k as u32))
            .collect();
        let within = |a: u32, b: u32| Some((*local.get(&a)?, *local.get(&b)?));
        let mut scored: Vec<(u32, u32, f64)> = pairs
            .iter()
            .filter_map(|&(a, b, p)| within(a, b).map(|(x, y)| (x.min(y), x.max(y), p)))
            .collect();
        scored.sort_unstable_by_key(|x| (x.0, x.1));
        scored.dedup_by_key(|x| (x.0, x.1));
        let keep = |pairs: &[(u32, u32)]| -> Vec<(u32, u32)> {
            pairs.iter().filter_map(|&(a, b)| within(a, b)).collect()
        };
        let constraints = Constraints {
            must: keep(&constraints.must),
            cannot: keep(&constraints.cannot),
        };
        let ds = &self.ds;
        let record = |x: u32| &ds.records[scope[x as usize] as usize];
        super::cluster::cluster_with(
            scope.len(),
            scored.len(),
            |k| scored[k],
            ds.settings.threshold,
            ds.settings.veto,
            |x, y| ds.comparable(record(x), record(y)),
            |x, y| {
                let (a, b) = (record(x), record(y));
                Some(model.score_levels(ds, a, b, &ds.comparator.levels(a, b)).1)
            },
            &constraints,
        )
    }

    /// [`LinkSession::cluster_within`] by record ids: the records `scope` clustered on
    /// their own from `pairs` (ids and probabilities) and the decisions among them. One
    /// label per scope record, in the order given; records share a label when they share
    /// a cluster.
    pub fn cluster_ids(
        &self,
        model: &Model,
        scope: &[String],
        pairs: (&[String], &[String], &[f64]),
        must: (&[String], &[String]),
        cannot: (&[String], &[String]),
    ) -> Result<Vec<u32>, CoreError> {
        let given: Vec<u32> = scope
            .iter()
            .map(|id| self.index_of(id))
            .collect::<Result<_, _>>()?;
        let mut sorted = given.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != given.len() {
            return Err(CoreError::InvalidInput(
                "a record is given twice in the records to cluster".into(),
            ));
        }
        let (left, right, probabilities) = pairs;
        let scored: Vec<(u32, u32, f64)> = left
            .iter()
            .zip(right)
            .zip(probabilities)
            .map(|((a, b), &p)| Ok((self.index_of(a)?, self.index_of(b)?, p)))
            .collect::<Result<_, CoreError>>()?;
        let constraints = self.constraints(must, cannot)?;
        let labels = self.cluster_within(model, &sorted, &scored, &constraints);
        Ok(given
            .iter()
            .map(|i| {
                labels[sorted
                    .binary_search(i)
                    .expect("every given record is in scope")]
            })
            .collect())
    }

    /// Scores new standardised records (with their generic columns, in the settings'
    /// order) against these without retraining: every candidate with probability at
    /// least `threshold`, best first per new record.
    pub fn match_records(
        &self,
        model: &Model,
        standardised: &[Standardised],
        generic: &[Vec<Option<String>>],
        threshold: f64,
    ) -> Vec<Candidate> {
        let generic: Vec<Vec<Option<&str>>> = generic
            .iter()
            .map(|col| col.iter().map(|v| v.as_deref()).collect())
            .collect();
        let new = self.ds.lookup_records(standardised, &generic);
        let index = self.index.get_or_init(|| MatchIndex::new(&self.ds));
        index
            .score(&self.ds, model, &new)
            .into_iter()
            .map(|(new_row, record, weight)| Candidate {
                new_row,
                record,
                weight,
                probability: probability(weight),
            })
            .filter(|c| c.probability >= threshold)
            .collect()
    }
}

/// The rank of each id among `ids` and `added` together, given each id's rank among
/// `ids` (`ranks`): an old id moves up by the added ids below it, an added id sits above
/// the old ids below it and the added ids before it in order.
fn ranks_after_adding(ids: &[String], ranks: &[u32], added: &[String]) -> Vec<u32> {
    let mut sorted: Vec<(&str, u32)> = added
        .iter()
        .enumerate()
        .map(|(k, id)| (id.as_str(), k as u32))
        .collect();
    sorted.sort_unstable();
    // Added ids below each old id.
    let below: Vec<u32> = ids
        .par_iter()
        .map(|id| sorted.partition_point(|(a, _)| *a < id.as_str()) as u32)
        .collect();
    // Old ids below the added id in sorted position k: those with `below` <= k.
    let mut at_most = vec![0u32; added.len() + 1];
    for &b in &below {
        at_most[b as usize] += 1;
    }
    for k in 1..at_most.len() {
        at_most[k] += at_most[k - 1];
    }
    let mut out: Vec<u32> = ranks.iter().zip(&below).map(|(r, b)| r + b).collect();
    out.resize(ids.len() + added.len(), 0);
    for (k, &(_, row)) in sorted.iter().enumerate() {
        out[ids.len() + row as usize] = at_most[k] + k as u32;
    }
    out
}

/// Equal-length columns cut into chunks of `size` rows: item k holds every column's
/// k-th chunk, so a task can fill one stretch of rows of all columns.
fn column_chunks<T: Send>(columns: &mut [Vec<T>], size: usize) -> Vec<Vec<&mut [T]>> {
    let rows = columns.first().map_or(0, Vec::len);
    let mut parts: Vec<_> = columns.iter_mut().map(|c| c.chunks_mut(size)).collect();
    (0..rows.div_ceil(size))
        .map(|_| {
            parts
                .iter_mut()
                .map(|p| p.next().expect("columns of equal length"))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::standardise_synthetic;
    use crate::synth::{generate, SynthConfig};
    use std::collections::HashMap;

    fn session(people: usize, reversed: bool) -> LinkSession {
        let data = generate(&SynthConfig::new(people, 3)).unwrap();
        let mut std = standardise_synthetic(&data, 2025).unwrap();
        let mut ids: Vec<String> = data.records.iter().map(|r| r.record_id.clone()).collect();
        if reversed {
            std.reverse();
            ids.reverse();
        }
        let settings = Settings::for_people(LinkType::Dedupe);
        let (settings, dropped) = settings.restrict_to(|_| true).unwrap();
        let generic = settings
            .generic_columns()
            .iter()
            .map(|_| vec![None; ids.len()])
            .collect();
        let input = SessionInput {
            ids,
            standardised: &std,
            generic,
            sides: None,
        };
        LinkSession::new(settings, dropped, input).unwrap()
    }

    #[test]
    fn entity_ids_are_the_smallest_record_id_whatever_the_row_order() {
        let (a, b) = (session(60, false), session(60, true));
        let resolved = |s: &LinkSession| -> Vec<(String, String)> {
            let r = super::super::resolve(s.dataset(), None);
            let mut rows: Vec<(String, String)> = s
                .entity_rows(&r.labels)
                .into_iter()
                .map(|(rec, ent)| (s.ids()[rec as usize].clone(), s.ids()[ent as usize].clone()))
                .collect();
            rows.sort();
            rows
        };
        let (ra, rb) = (resolved(&a), resolved(&b));
        assert_eq!(ra, rb);
        let mut smallest: HashMap<&str, &str> = HashMap::new();
        for (rec, ent) in &ra {
            let s = smallest.entry(ent.as_str()).or_insert(rec.as_str());
            if rec.as_str() < *s {
                *s = rec.as_str();
            }
        }
        assert!(smallest.iter().all(|(ent, min)| ent == min));
    }

    #[test]
    fn pairs_put_the_smaller_id_left_and_weights_sum_to_the_match_weight() {
        let s = session(60, false);
        let r = super::super::resolve(s.dataset(), None);
        let table = s.pair_table(&r.model, &r.pairs);
        assert_eq!(table.left.len(), r.pairs.len());
        for k in 0..table.left.len() {
            let (l, rr) = (table.left[k] as usize, table.right[k] as usize);
            assert!(s.ids()[l] < s.ids()[rr]);
            let evidence: f64 = table.comparisons.iter().map(|c| c.weights[k]).sum();
            let total = r.model.prior_bits() + evidence;
            assert!(
                (total - table.weight[k]).abs() < 1e-9,
                "{total} vs {}",
                table.weight[k]
            );
        }
    }

    #[test]
    fn explain_runs_from_the_prior_to_the_match_weight_and_unknown_ids_are_named() {
        let s = session(40, false);
        let r = super::super::resolve(s.dataset(), None);
        let table = s.pair_table(&r.model, &r.pairs);
        let (a, b) = (
            &s.ids()[table.left[0] as usize],
            &s.ids()[table.right[0] as usize],
        );
        let lines = s.explain(&r.model, a, b).unwrap();
        assert_eq!(lines[0].comparison, "prior");
        let last = lines.last().unwrap();
        assert!((last.cumulative_weight - table.weight[0]).abs() < 1e-9);
        assert!((last.cumulative_probability - table.probability[0]).abs() < 1e-12);
        let err = s.explain(&r.model, a, "no-such-id").err().unwrap();
        assert!(err.to_string().contains("no-such-id"));
    }

    /// A session of the first `first` synthetic records, grown by the rest in one
    /// batch, and one built from all of them.
    fn grown_and_whole(people: usize, share: f64) -> (LinkSession, LinkSession, u32) {
        let data = generate(&SynthConfig::new(people, 5)).unwrap();
        let std = standardise_synthetic(&data, 2025).unwrap();
        let ids: Vec<String> = data.records.iter().map(|r| r.record_id.clone()).collect();
        let settings = Settings::for_people(LinkType::Dedupe);
        let (settings, dropped) = settings.restrict_to(|_| true).unwrap();
        let columns = settings.generic_columns().len();
        fn input<'a>(ids: &[String], std: &'a [Standardised], columns: usize) -> SessionInput<'a> {
            SessionInput {
                ids: ids.to_vec(),
                standardised: std,
                generic: vec![vec![None; ids.len()]; columns],
                sides: None,
            }
        }
        let cut = (ids.len() as f64 * share) as usize;
        let whole = LinkSession::new(
            settings.clone(),
            dropped.clone(),
            input(&ids, &std, columns),
        )
        .unwrap();
        let mut grown =
            LinkSession::new(settings, dropped, input(&ids[..cut], &std[..cut], columns)).unwrap();
        // An index built before the batch arrives is kept in step with it.
        grown.index.get_or_init(|| MatchIndex::new(&grown.ds));
        let added = grown
            .grow(input(&ids[cut..], &std[cut..], columns))
            .unwrap();
        assert_eq!(added, cut as u32..ids.len() as u32);
        (grown, whole, cut as u32)
    }

    #[test]
    fn a_grown_session_scores_and_ranks_as_one_built_with_every_record() {
        let (grown, whole, from) = grown_and_whole(400, 0.8);
        let model = super::super::resolve(whole.dataset(), None).model;
        // Ranks are those of the ids among all of them.
        let mut sorted: Vec<&String> = grown.ids().iter().collect();
        sorted.sort();
        for (k, id) in grown.ids().iter().enumerate() {
            assert_eq!(sorted[grown.id_rank[k] as usize], id);
            assert_eq!(grown.index_of(id).unwrap(), k as u32);
        }
        // The added records' pairs: every pair the whole session's index finds for them,
        // with the same probability (the term frequencies count every record).
        let pairs = grown.pairs_from(&model, from, 0.0);
        let key = |s: &LinkSession, i: u32, j: u32| {
            let (a, b) = (s.ids()[i as usize].clone(), s.ids()[j as usize].clone());
            (a.clone().min(b.clone()), a.max(b))
        };
        let got: HashMap<(String, String), f64> = pairs
            .iter()
            .map(|&(i, j, p)| (key(&grown, i, j), p))
            .collect();
        assert_eq!(got.len(), pairs.len(), "each pair once");
        assert!(pairs.iter().all(|&(i, j, _)| i < j && j >= from));
        let added: Vec<u32> = grown.ids()[from as usize..]
            .iter()
            .map(|id| whole.index_of(id).unwrap())
            .collect();
        let wds = whole.dataset();
        let index = MatchIndex::new(wds);
        let new: Vec<crate::link::LinkRecord> = added
            .iter()
            .map(|&i| wds.records[i as usize].clone())
            .collect();
        let mut want: HashMap<(String, String), f64> = HashMap::new();
        for (k, j, w) in index.score(wds, &model, &new) {
            if added[k as usize] != j {
                want.insert(key(&whole, added[k as usize], j), probability(w));
            }
        }
        assert_eq!(got.len(), want.len());
        for (pair, p) in &want {
            let q = got.get(pair).unwrap_or_else(|| panic!("{pair:?} missing"));
            assert!((p - q).abs() < 1e-9, "{pair:?}: {p} vs {q}");
        }
        // Nothing below the floor, and an id already there is refused.
        assert!(grown
            .pairs_from(&model, from, 0.5)
            .iter()
            .all(|x| x.2 >= 0.5));
    }

    #[test]
    fn growing_refuses_known_or_repeated_ids_and_adds_nothing() {
        let (mut grown, _, _) = grown_and_whole(50, 0.5);
        let n = grown.len();
        let std = vec![Standardised::default(), Standardised::default()];
        for ids in [
            vec![grown.ids()[0].clone(), "x".into()],
            vec!["y".into(), "y".into()],
        ] {
            let columns = grown.ds.settings.generic_columns().len();
            let input = SessionInput {
                ids,
                standardised: &std,
                generic: vec![vec![None; 2]; columns],
                sides: None,
            };
            assert!(grown.grow(input).is_err());
            assert_eq!(grown.len(), n);
        }
    }

    #[test]
    fn clustering_every_record_within_scope_is_clustering_them_all() {
        let s = session(300, false);
        let r = super::super::resolve(s.dataset(), None);
        let triples: Vec<(u32, u32, f64)> = r
            .pairs
            .iter()
            .map(|p| (p.i, p.j, p.probability()))
            .collect();
        let all: Vec<u32> = (0..s.len() as u32).collect();
        let within = s.cluster_within(&r.model, &all, &triples, &Constraints::default());
        let whole =
            super::super::cluster_scored(s.dataset(), &r.model, &r.pairs, &Constraints::default());
        assert_eq!(within, whole);
        // A scope of some components of the pairs above the threshold (each a union of
        // entities) alone gives them the same clusters.
        let threshold = s.dataset().settings.threshold;
        let components = super::super::cluster::connected_components(s.len(), &triples, threshold);
        let scope: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&i| components[i as usize] % 3 == 0)
            .collect();
        assert!(scope.len() > 10 && scope.len() < s.len());
        let part = s.cluster_within(&r.model, &scope, &triples, &Constraints::default());
        for (a, &i) in scope.iter().enumerate() {
            for (b, &j) in scope.iter().enumerate() {
                assert_eq!(part[a] == part[b], whole[i as usize] == whole[j as usize]);
            }
        }
    }

    #[test]
    fn labels_need_one_pair_of_two_records() {
        let s = session(20, false);
        let same = vec![s.ids()[0].clone()];
        assert!(s.labelled_pairs(Some((&same, &same))).is_err());
        let other = vec![s.ids()[1].clone()];
        assert_eq!(
            s.labelled_pairs(Some((&same, &other))).unwrap(),
            Some(vec![(0, 1)])
        );
    }
}
