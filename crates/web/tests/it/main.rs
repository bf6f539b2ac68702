//! The explorer's Rust side, natively: every answer the page gets equals
//! the library's own value.

mod dispatch;
mod explorer;
mod matches;
mod tournaments;
