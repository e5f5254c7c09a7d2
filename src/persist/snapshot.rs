//! The JSON snapshot format.
