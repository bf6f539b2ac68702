//! Criterion benchmarks for twolevel live in `benches/benches/`; this library is empty.
