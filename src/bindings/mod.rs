//! Thin Python bindings: convert arguments, release the GIL, call the core, convert back.
mod cases;
mod columns;
mod compare;
mod entities;
mod errors;
mod frame;
mod interrupt;
mod link;
mod metrics;
mod model;
mod outcomes;
mod standardise;
mod store;
mod synth;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(synth::synthetic_frames, m)?)?;
    m.add_function(wrap_pyfunction!(standardise::standardise_frame, m)?)?;
    m.add_function(wrap_pyfunction!(standardise::profile_names, m)?)?;
    m.add_function(wrap_pyfunction!(compare::similarity_pairwise, m)?)?;
    m.add_function(wrap_pyfunction!(compare::similarity_cdist, m)?)?;
    m.add_class::<link::LinkData>()?;
    m.add_class::<model::TrainedModel>()?;
    m.add_class::<store::StoreFile>()?;
    m.add_function(wrap_pyfunction!(model::evidence_bits, m)?)?;
    m.add_function(wrap_pyfunction!(model::odds_bits, m)?)?;
    m.add_function(wrap_pyfunction!(model::probability, m)?)?;
    m.add_function(wrap_pyfunction!(model::probabilities, m)?)?;
    m.add_function(wrap_pyfunction!(link::link_data, m)?)?;
    m.add_function(wrap_pyfunction!(entities::summarise_entities, m)?)?;
    m.add_function(wrap_pyfunction!(link::default_settings, m)?)?;
    m.add_function(wrap_pyfunction!(link::validate_settings, m)?)?;
    m.add_function(wrap_pyfunction!(link::comparison_levels, m)?)?;
    m.add_function(wrap_pyfunction!(metrics::evaluate_clusters, m)?)?;
    m.add_function(wrap_pyfunction!(metrics::evaluate_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(cases::case_networks, m)?)?;
    m.add_function(wrap_pyfunction!(cases::case_chain, m)?)?;
    m.add_function(wrap_pyfunction!(outcomes::outcome_summary, m)?)?;
    m.add_function(wrap_pyfunction!(outcomes::outcome_time_to, m)?)?;
    m.add_function(wrap_pyfunction!(outcomes::outcome_reconcile, m)?)?;
    Ok(())
}
