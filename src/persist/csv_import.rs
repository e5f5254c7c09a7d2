//! CSV import of requests.
