//! The checks across files: the `cross-*` rules over each neighbourhood of partnerships.

use super::Options;
use crate::diag::{Related, Span};
use crate::report::Report;
use crate::rules::across_files::{self, Facts};
use crate::rules::{Rule, levels};

/// Runs the rules that compare documents over every file whose own check reached the rules
/// (each partnership's latest document only), and adds their findings to the files they
/// concern, with the places in the other files attached.
pub(crate) fn check_across_files(report: &mut Report, facts: &[Option<Facts>], options: &Options) {
    let cross_rules: Vec<&dyn Rule> = options
        .rules
        .iter()
        .copied()
        .filter(|r| r.across_files() && levels::runs_across_files(*r, &options.lints))
        .collect();
    let with_facts: Vec<usize> = (0..report.files.len())
        .filter(|&i| facts[i].is_some())
        .collect();
    if cross_rules.is_empty() || with_facts.len() < 2 {
        return;
    }
    let found = {
        let candidates: Vec<(&str, &Facts)> = with_facts
            .iter()
            .filter_map(|&i| Some((report.files[i].path.as_str(), facts[i].as_ref()?)))
            .collect();
        let latest: Vec<usize> = across_files::latest_per_partnership(&candidates);
        let latest_files: Vec<(&str, &Facts)> = latest.iter().map(|&i| candidates[i]).collect();
        let mut all = Vec::new();
        for neighbours in across_files::neighbourhoods(&latest_files) {
            let set = across_files::DocumentSet::new(
                neighbours.iter().map(|&k| latest_files[k]).collect(),
            );
            let mut found = Vec::new();
            for rule in &cross_rules {
                rule.check_set(&set, &mut found);
            }
            // Set positions back to report positions.
            let to_report = |k: usize| with_facts[latest[neighbours[k]]];
            all.extend(found.into_iter().map(|f| {
                let related: Vec<(usize, Span, String)> = f
                    .related
                    .into_iter()
                    .map(|(k, span, message)| (to_report(k), span, message))
                    .collect();
                (to_report(f.file), f.diagnostic, related)
            }));
        }
        all
    };
    for (file, _, related) in &found {
        reload(&mut report.files[*file], options.max_file_size);
        for (other, ..) in related {
            reload(&mut report.files[*other], options.max_file_size);
        }
    }
    for (file, diagnostic, related) in found {
        let lint_settings = facts[file].as_ref().map_or(&[][..], |f| f.lints.as_slice());
        let Some(mut diagnostic) =
            levels::apply_across_files(diagnostic, lint_settings, &options.lints)
        else {
            continue;
        };
        for (other, span, message) in related {
            let other = &report.files[other];
            diagnostic.related.push(Related {
                path: other.path.clone(),
                source: std::sync::Arc::clone(&other.source),
                span,
                message,
            });
        }
        report.files[file].push(diagnostic);
    }
}

/// Reads again the text of a file whose report let go of it (a file with no findings of its
/// own, checked from disk: see `parallel::check_one`), now that a finding across files needs
/// it. A file that cannot be read again keeps its empty text.
fn reload(file: &mut crate::report::FileReport, max: usize) {
    if !file.diagnostics.is_empty() || !file.text().is_empty() {
        return;
    }
    let path = std::path::Path::new(&file.path);
    if let Ok(super::Read::Bytes(bytes)) = super::read_regular_file(path, max) {
        if let Ok(text) = crate::load::decode(&bytes) {
            *file = crate::report::FileReport::new(file.path.clone(), text.to_owned(), Vec::new());
        }
    }
}
