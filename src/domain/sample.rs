//! The sample workspace.
