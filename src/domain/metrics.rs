//! Dashboard figures, as defined in METRICS.md.
