//! The twolevel explorer in a browser (`docs/web.md`).
//!
//! This crate is compiled to `wasm32-unknown-unknown` and loaded by a
//! static page (`crates/web/www/`, built and served by `scripts/web.sh`).
//! The page and the module exchange JSON strings through the module's
//! linear memory (see [`handle`] for the requests and the private `ffi`
//! module for the three exports), so no JavaScript glue generator is
//! needed. Every answer comes from the library itself:
//!
//! - [`explore()`]: the blended 2x2 matrices in each currency, the
//!   grim-trigger threshold at the sliders' point and its curve against
//!   `pi`, and which lever lowers the threshold most;
//! - [`play()`]: a match against any registry strategy, move by move;
//! - [`tournament`]: a round robin and an evolution (Moran or replicator)
//!   on its payoffs.
//!
//! The same functions run natively, where the tests check them against
//! the library's own values.

pub mod explore;
mod ffi;
pub mod play;
pub mod sliders;
pub mod tournament;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use explore::{Explorer, LeverEffect, explore};
pub use play::{MatchRequest, MatchState, play};
pub use sliders::{HorizonChoice, Sliders, WebError};
pub use tournament::{
    EvolutionRequest, EvolutionView, RoundRobinRequest, RoundRobinView, evolution, round_robin,
};

/// One request of the page: an operation (`op`) and its arguments
/// (`args`), as JSON `{"op": "explore", "args": {..}}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(
    tag = "op",
    content = "args",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum Request {
    /// The explorer's view of a slider state ([`explore()`]).
    Explore(Sliders),
    /// The registry's strategy names, for the opponent and player lists.
    Strategies,
    /// The players of Axelrod's first tournament, as the shipped
    /// `tournaments/axelrod-first.ron` lists them.
    AxelrodFirst,
    /// A match against a strategy, replayed up to the moves made ([`play()`]).
    Play(MatchRequest),
    /// A round robin ([`round_robin`]).
    RoundRobin(RoundRobinRequest),
    /// A round robin and an evolution on its payoffs ([`evolution`]).
    Evolution(EvolutionRequest),
}

/// The answer to a [`Request`]: `{"ok": ..}` or `{"error": "..", "field": ..}`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The operation's result.
    Ok(Value),
    /// Why the request failed; the message names the field at fault.
    Error(WebError),
}

/// Answers one request of the page, given and returned as JSON text.
///
/// Never panics on bad input: text that is not a request, unknown fields
/// and invalid parameters all give `{"error": ..}` with a message that
/// names the field.
#[must_use]
pub fn handle(request: &str) -> String {
    let response = match serde_json::from_str::<Request>(request) {
        Ok(request) => match answer(request) {
            Ok(value) => Response::Ok(value),
            Err(error) => Response::Error(error),
        },
        Err(error) => Response::Error(WebError::new("request", error.to_string())),
    };
    serde_json::to_string(&response).unwrap_or_else(|error| {
        format!(
            "{{\"error\":{{\"field\":\"response\",\"reason\":{}}}}}",
            Value::String(error.to_string())
        )
    })
}

/// The JSON value that answers `request`.
pub fn answer(request: Request) -> Result<Value, WebError> {
    let value = match request {
        Request::Explore(sliders) => to_value(&explore(&sliders)?),
        Request::Strategies => to_value(&strategy_names()),
        Request::AxelrodFirst => to_value(&tournament::axelrod_first_players()?),
        Request::Play(request) => to_value(&play(&request)?),
        Request::RoundRobin(request) => to_value(&round_robin(&request)?),
        Request::Evolution(request) => to_value(&evolution(&request)?),
    };
    value.map_err(|error| WebError::new("response", error.to_string()))
}

fn to_value<T: Serialize>(value: &T) -> serde_json::Result<Value> {
    serde_json::to_value(value)
}

/// Every strategy name of the registry, in the registry's order.
#[must_use]
pub fn strategy_names() -> Vec<&'static str> {
    twolevel_strategies::registry::names().collect()
}
