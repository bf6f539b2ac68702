//! The JSON requests and answers that cross the WebAssembly boundary.

use serde_json::{Value, json};
use twolevel_web::{Sliders, explore, handle, strategy_names};

fn call(request: &Value) -> Value {
    serde_json::from_str(&handle(&request.to_string())).unwrap()
}

#[test]
fn explore_answers_with_the_view_as_json() {
    let sliders = Sliders::default();
    // Compared as text: the page parses it exactly (JavaScript's
    // JSON.parse rounds correctly; serde_json's default parser may not).
    let answer = handle(&json!({"op": "explore", "args": sliders}).to_string());
    let expected = json!({"ok": serde_json::to_value(explore(&sliders).unwrap()).unwrap()});
    assert_eq!(answer, expected.to_string());
}

#[test]
fn operations_without_arguments() {
    let names = call(&json!({"op": "strategies"}));
    assert_eq!(names["ok"], json!(strategy_names()));
    assert!(strategy_names().contains(&"Tit For Tat"));
    let players = call(&json!({"op": "axelrod_first"}));
    assert_eq!(players["ok"].as_array().unwrap().len(), 15);
}

#[test]
fn bad_requests_are_errors_not_panics() {
    for text in [
        "",
        "nonsense",
        "{\"op\": \"fly\"}",
        "{\"op\": \"explore\", \"args\": {}}",
    ] {
        let answer: Value = serde_json::from_str(&handle(text)).unwrap();
        assert_eq!(answer["error"]["field"], "request", "{text}");
    }
    let bad_w = call(&json!({"op": "explore", "args": {
        "w": 2.0, "pi": 0.0, "alpha": 1.0, "gamma": 2.0, "theta": 4.0,
        "horizon": {"kind": "turns", "turns": 10}
    }}));
    assert_eq!(bad_w["error"]["field"], "w");
}
