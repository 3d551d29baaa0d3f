//! Benchmarks of every stage of the pipeline on the same bytes (docs/performance.md).
//!
//! ```text
//! cargo bench --bench stages -- --warm-up-time 1 --measurement-time 3          everything
//! cargo bench --bench stages -- stages/                                         one group
//! python3 benches/summarize.py                                                  medians and ratios
//! ```
//!
//! Groups:
//! - `stages/<input>`: bare TOML parse (the floor), the parse into a `toml::Table` (what most
//!   programs reading TOML do; a second reference), load, structure, model, rules, the full
//!   check (`check_source`) and rendering (human, JSON), each over the same documents: the real
//!   Central Bedfordshire file, the Northmoor example, 200 generated clean files of the sizes of
//!   real documents (`realistic-200`, 14–38 KB) and 200 of every size up to 1 MB (`wide-200`).
//!   The headline is `full-check / bare-parse` (spec §7: at most 2×).
//! - `mixed/200`: bare parse, full check and rendering over 200 generated files of real sizes,
//!   a fifth of them with a flaw (syntax, unknown key, wrong type, unknown reference, …).
//! - `size/<bytes>`: one clean document from 16 KB to 5 MB, every stage, to show how the cost
//!   grows with the size of one file.
//! - `errors/<kind>`: the full check of documents full of findings (unknown keys, invalid
//!   values in many tables, unknown references among many ids) of 128 KB and 1 MB (8 MB too
//!   with `MASA_BENCH_LARGE=1`): the time per byte must stay flat (linear time).
//! - `files/<count>`: `check_paths` (all cores), a one-file-at-a-time loop (one core) and the
//!   floor for the same files (read and bare-parse each, one core) over
//!   1, 100 and 1,000 generated files of real sizes in a temporary directory; 10,000 too with
//!   `MASA_BENCH_LARGE=1` (300 MB of files, minutes per sample set).

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{
    BatchSize, BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main,
};
use masa::report::{human, json};
use masa::{Day, FileReport, Options, Report};

fn options() -> Options {
    Options {
        today: Day::new(2026, 11, 22).expect("a real date"),
        ..Options::default()
    }
}

/// Whether to run the slow cases too (`MASA_BENCH_LARGE=1`).
fn large() -> bool {
    std::env::var_os("MASA_BENCH_LARGE").is_some_and(|v| v != "0")
}

/// A corpus as (label, names, texts).
fn named(files: Vec<corpus::File>, label: &str) -> (&str, Vec<String>, Vec<String>) {
    (
        label,
        files.iter().map(|f| f.name.clone()).collect(),
        files.into_iter().map(|f| f.text).collect(),
    )
}

fn real_file(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The bare TOML parse every check starts with: the floor no checker of TOML can go below.
fn bare_parse(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| {
            toml::de::DeTable::parse(black_box(t))
                .map(|d| d.get_ref().len())
                .unwrap_or(0)
        })
        .sum()
}

/// The parse most programs that read TOML do (`toml::from_str` into a `toml::Table`): a second
/// reference, slower than the bare parse because it builds owned values.
fn parse_to_table(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| {
            toml::from_str::<toml::Table>(black_box(t))
                .map(|d| d.len())
                .unwrap_or(0)
        })
        .sum()
}

fn full_check(names: &[String], texts: &[String], options: &Options) -> Vec<FileReport> {
    names
        .iter()
        .zip(texts)
        .map(|(n, t)| masa::check_source(n, black_box(t.as_bytes()), options))
        .collect()
}

/// Benchmarks each stage over `texts`. Stages after `load` run only on documents that reach
/// them (for clean inputs: all of them).
fn stage_benches<M: criterion::measurement::Measurement>(
    g: &mut BenchmarkGroup<'_, M>,
    names: &[String],
    texts: &[String],
    options: &Options,
    render: bool,
    rules: bool,
) {
    let bytes: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    masa::structure::warm_up();

    g.bench_function("bare-parse", |b| b.iter(|| bare_parse(texts)));
    g.bench_function("parse-to-table", |b| b.iter(|| parse_to_table(texts)));
    g.bench_function("load", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| {
                    let bytes = black_box(t.as_bytes());
                    masa::load::binary(bytes).is_none()
                        && masa::load::decode(bytes)
                            .ok()
                            .is_some_and(|text| masa::load::parse(text).is_ok())
                })
                .count()
        })
    });

    let docs: Vec<masa::load::Document<'_>> = texts
        .iter()
        .filter_map(|t| masa::load::parse(t).ok())
        .collect();
    g.bench_function("structure", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| masa::structure::check(black_box(d)).len())
                .sum::<usize>()
        })
    });

    // The model stage consumes the parse: each iteration gets fresh copies (not timed).
    let valid: Vec<masa::load::Document<'_>> = docs
        .iter()
        .filter(|d| masa::structure::check(d).is_empty())
        .cloned()
        .collect();
    if !valid.is_empty() {
        g.bench_function("model", |b| {
            b.iter_batched(
                || valid.clone(),
                |docs| {
                    docs.into_iter()
                        .filter_map(|d| masa::model::build(d).ok())
                        .count()
                },
                BatchSize::PerIteration,
            )
        });
    }
    if !valid.is_empty() && rules {
        let models: Vec<masa::Model> = valid
            .iter()
            .filter_map(|d| masa::model::build(d.clone()).ok().map(|(m, _)| m))
            .collect();
        g.bench_function("rules", |b| {
            b.iter(|| {
                models
                    .iter()
                    .map(|m| {
                        let found = masa::rules::run_with(
                            &options.rules,
                            black_box(m),
                            options.today,
                            &options.lints,
                        );
                        masa::lints::apply(found, m, &options.lints, &options.rules).len()
                    })
                    .sum::<usize>()
            })
        });
    }

    if rules {
        g.bench_function("full-check", |b| {
            b.iter(|| full_check(names, texts, options))
        });
    }

    if render {
        let report = Report {
            files: full_check(names, texts, options),
            unreadable: vec![],
        };
        render_benches(g, &report);
    }
}

/// Rendering the same report for people and for machines.
fn render_benches<M: criterion::measurement::Measurement>(
    g: &mut BenchmarkGroup<'_, M>,
    report: &Report,
) {
    let human_options = human::HumanOptions::default();
    g.bench_function("render-human", |b| {
        b.iter(|| human::render(black_box(report), &human_options).len())
    });
    g.bench_function("render-json", |b| {
        b.iter(|| json::render(black_box(report)).len())
    });
}

fn stages(c: &mut Criterion) {
    let options = options();
    let inputs: Vec<(&str, Vec<String>, Vec<String>)> = vec![
        (
            "central-bedfordshire",
            vec!["arrangements/central-bedfordshire.toml".into()],
            vec![real_file("arrangements/central-bedfordshire.toml")],
        ),
        (
            "northmoor",
            vec!["arrangements/example/northmoor.toml".into()],
            vec![real_file("arrangements/example/northmoor.toml")],
        ),
        named(corpus::realistic_clean_corpus(200, 1), "realistic-200"),
        named(corpus::clean_corpus(200, 1), "wide-200"),
    ];
    for (label, names, texts) in &inputs {
        let mut g = c.benchmark_group(format!("stages/{label}"));
        if texts.len() > 1 {
            g.sample_size(if *label == "wide-200" { 10 } else { 20 });
        }
        stage_benches(&mut g, names, texts, &options, true, true);
        g.finish();
    }
}

fn mixed(c: &mut Criterion) {
    let options = options();
    let files = corpus::realistic_corpus(200, 2);
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let texts: Vec<String> = files.into_iter().map(|f| f.text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("mixed/200");
    g.sample_size(20)
        .throughput(Throughput::Bytes(bytes as u64));
    masa::structure::warm_up();
    g.bench_function("bare-parse", |b| b.iter(|| bare_parse(&texts)));
    g.bench_function("parse-to-table", |b| b.iter(|| parse_to_table(&texts)));
    g.bench_function("full-check", |b| {
        b.iter(|| full_check(&names, &texts, &options))
    });
    let report = Report {
        files: full_check(&names, &texts, &options),
        unreadable: vec![],
    };
    render_benches(&mut g, &report);
    g.finish();
}

fn size(c: &mut Criterion) {
    let options = options();
    for bytes in [16_000, 64_000, 256_000, 1_000_000, 5_000_000] {
        let text = corpus::document_of_size(3, bytes);
        let mut g = c.benchmark_group(format!("size/{bytes}"));
        if bytes >= 1_000_000 {
            g.sample_size(10);
        }
        stage_benches(
            &mut g,
            &[format!("size-{bytes}.toml")],
            &[text],
            &options,
            false,
            true,
        );
        g.finish();
    }
}

/// An error-heavy document of about `bytes` bytes (the documents grow linearly with `n`).
fn error_heavy(make: fn(usize) -> String, bytes: usize) -> String {
    let mut n = 64;
    loop {
        let text = make(n);
        if text.len() >= bytes {
            return text;
        }
        n = (n * bytes).div_ceil(text.len()).max(n + 1);
    }
}

/// Documents full of findings, from 128 KB to near the 10 MiB limit: the full check must grow
/// linearly with the size (tests/scale.rs asserts it with a generous bound). The 8 MB size runs
/// with `MASA_BENCH_LARGE=1`.
fn errors(c: &mut Criterion) {
    let options = options();
    type Make = fn(usize) -> String;
    let kinds: [(&str, Make); 3] = [
        ("unknown-keys", corpus::unknown_keys),
        ("invalid-kinds", corpus::invalid_kinds),
        ("unknown-references", |n| corpus::unknown_references(n, n)),
    ];
    let mut sizes = vec![128_000, 1_000_000];
    if large() {
        sizes.push(8_000_000);
    }
    for (kind, make) in kinds {
        let mut g = c.benchmark_group(format!("errors/{kind}"));
        g.sample_size(10).warm_up_time(Duration::from_secs(1));
        for &bytes in &sizes {
            let text = error_heavy(make, bytes);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("full-check/{bytes}"), |b| {
                b.iter(|| masa::check_source("errors.toml", black_box(text.as_bytes()), &options))
            });
        }
        g.finish();
    }
}

fn files(c: &mut Criterion) {
    let options = options();
    masa::structure::warm_up();
    let counts: &[usize] = if large() {
        &[1, 100, 1_000, 10_000]
    } else {
        &[1, 100, 1_000]
    };
    for &count in counts {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let corpus = corpus::realistic_corpus(count, 3);
        let mut bytes = 0;
        for file in &corpus {
            bytes += file.text.len();
            std::fs::write(dir.path().join(&file.name), &file.text).expect("written");
        }
        drop(corpus);
        let paths = vec![PathBuf::from(dir.path())];
        let mut g = c.benchmark_group(format!("files/{count}"));
        g.throughput(Throughput::Elements(count as u64));
        if count >= 1_000 {
            g.sample_size(10).warm_up_time(Duration::from_secs(1));
        }
        if count >= 10_000 {
            g.measurement_time(Duration::from_secs(20));
        }
        eprintln!("files/{count}: {bytes} bytes");
        g.bench_function("check_paths-all-cores", |b| {
            b.iter(|| {
                let report = masa::check_paths(black_box(&paths), &options);
                assert_eq!(report.files.len(), count);
                report.files.len()
            })
        });
        // The floor for the same files: read and parse each, one core.
        g.bench_function("bare-parse-one-core", |b| {
            b.iter(|| {
                let (found, _) = masa::discover(black_box(&paths));
                found
                    .iter()
                    .filter_map(|p| std::fs::read_to_string(p).ok())
                    .filter(|t| toml::de::DeTable::parse(t).is_ok())
                    .count()
            })
        });
        g.bench_function("check_file-one-core", |b| {
            b.iter(|| {
                let (found, _) = masa::discover(black_box(&paths));
                found
                    .iter()
                    .filter_map(|p| masa::check_file(p, &options).ok())
                    .count()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, stages, mixed, size, errors, files);
criterion_main!(benches);
