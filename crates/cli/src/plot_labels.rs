//! Words for the identifiers the plots show: the measures of a sweep
//! (`cooperation_rate`, `score_policy`) and the parameters of its grid
//! (`game.theta`, `players[TFT].political_weight`), each with its unit or
//! currency (docs/model.md). An identifier the map does not know is shown
//! as it is, so a new measure or path is never hidden.

use twolevel_game::Currency;

/// The currency a `_policy`, `_political` or `_utility` suffix names, in
/// words.
fn currency_words(label: &str) -> Option<&'static str> {
    Currency::ALL
        .into_iter()
        .find(|c| c.label() == label)
        .map(|c| match c {
            Currency::Policy => "policy payoff",
            Currency::Political => "political payoff",
            Currency::Utility => "own utility",
        })
}

/// A measure of a sweep or a result in words, with its unit: the axis
/// title of a plot of it.
pub fn measure_label(id: &str) -> String {
    if let Some(currency) = id.strip_prefix("score_").and_then(currency_words) {
        return format!("{currency} per turn");
    }
    if let Some(currency) = id.strip_prefix("wins_").and_then(currency_words) {
        return format!("matches won per repetition ({currency})");
    }
    if let Some(currency) = id.strip_prefix("payoff_").and_then(currency_words) {
        return format!("{currency} per interaction");
    }
    let known = match id {
        "cooperation_rate" => "cooperation rate (share of moves C)",
        "rank" => "rank (1 = best)",
        "success_rate" => "regime success rate (share of rounds with k >= M)",
        "welfare" => "welfare per round (sum of the members' policy payoffs)",
        "good_share" => "share in good standing",
        "share" => "A's share of the gains",
        "constrained_share" => "closed-form share z*",
        "zone_low" => "low end of the zone of agreement (R_A)",
        "zone_high" => "high end of the zone of agreement (1 - R_B)",
        _ => return id.to_owned(),
    };
    known.to_owned()
}

/// A measure in words for a title, starting with a capital letter.
pub fn measure_title(id: &str) -> String {
    capitalised(&measure_label(id))
}

/// `text` with its first letter capitalised.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The fields of a game (`game.NAME`) and of the file's top level, in
/// words, with their units where they have one (docs/model.md).
fn field_words(field: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match field {
        "theta" => ("threat cost theta", Some("policy payoff per turn")),
        "beta" => (
            "brake beta",
            Some("share of the way from w to 1 per unit of pi"),
        ),
        "alpha" => ("domestic accountability alpha", None),
        "gamma" => ("securitization gamma", None),
        "kappa" => ("relative-gains weight kappa", None),
        "b" => ("bonus b for a defection", Some("political payoff")),
        "initial" => ("politicization pi at the start", None),
        "political_weight" => ("political weight w", None),
        "patience" => ("patience", Some("discount factor")),
        "noise" => ("noise", Some("probability a move flips")),
        "action_noise" => ("action noise", Some("probability a move flips")),
        "perception_noise" => ("perception noise", Some("probability a move is misread")),
        "repetitions" => ("repetitions", None),
        "turns" => ("turns per match", None),
        "delta" => ("continuation probability delta", None),
        "threshold" => ("ratification threshold tau", None),
        "q" => ("observation probability q", None),
        "mu" => ("assessment error mu", None),
        "e" => ("execution error e", None),
        // Fixation files (evolution on graphs, multilevel selection).
        "benefit" => ("benefit b of the donation game", Some("policy payoff")),
        "cost" => ("cost c of the donation game", Some("policy payoff")),
        "runs" => ("runs per unit", None),
        "snapshot" => ("updates of the snapshot run", None),
        "split_probability" => ("split probability q", None),
        _ => return None,
    })
}

/// A parameter path in words, with its unit when `with_unit`, or `None`
/// when the map does not know its field.
fn parameter_words(path: &str, with_unit: bool) -> Option<String> {
    let (owner, field) = match path.rsplit_once('.') {
        Some((owner, field)) => (owner, field),
        None => ("", path),
    };
    let (name, unit) = field_words(field)?;
    let words = match unit {
        Some(unit) if with_unit => format!("{name} ({unit})"),
        _ => name.to_owned(),
    };
    // `players[NAME]` or `states[K]`: the field of one of them.
    if let Some((list, rest)) = owner.split_once('[')
        && let Some(who) = rest.strip_suffix(']')
    {
        return Some(match list {
            "players" => format!("{words} of {who}"),
            "states" => format!("{words} of state {who}"),
            other => format!("{words} of {other}[{who}]"),
        });
    }
    Some(match owner {
        "" | "game" | "politics" | "horizon" => words,
        other => format!("{words} ({other})"),
    })
}

/// A parameter path of a sweep's grid in words with its unit, for an
/// axis: `game.theta` is "threat cost theta (policy payoff per turn)",
/// `players[TFT].political_weight` "political weight w of TFT",
/// `states[0].threshold` "ratification threshold tau of state 0"; an
/// unknown path is shown as it is.
pub fn parameter_label(path: &str) -> String {
    parameter_words(path, true).unwrap_or_else(|| path.to_owned())
}

/// A parameter path in words without its unit, for a title ("threat cost
/// theta").
pub fn parameter_name(path: &str) -> String {
    parameter_words(path, false).unwrap_or_else(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_and_parameters_are_put_in_words() {
        assert_eq!(measure_label("score_policy"), "policy payoff per turn");
        assert_eq!(
            measure_label("wins_political"),
            "matches won per repetition (political payoff)"
        );
        assert_eq!(
            measure_label("cooperation_rate"),
            "cooperation rate (share of moves C)"
        );
        assert_eq!(measure_label("something_new"), "something_new");
        assert_eq!(
            parameter_label("game.theta"),
            "threat cost theta (policy payoff per turn)"
        );
        assert_eq!(
            parameter_label("players[prudent politician].political_weight"),
            "political weight w of prudent politician"
        );
        assert_eq!(
            parameter_label("states[0].threshold"),
            "ratification threshold tau of state 0"
        );
        assert_eq!(parameter_label("repetitions"), "repetitions");
        assert_eq!(parameter_name("game.theta"), "threat cost theta");
        assert_eq!(
            parameter_label("players[a (b)].patience"),
            "patience (discount factor) of a (b)"
        );
        assert_eq!(parameter_label("game.unknown"), "game.unknown");
        assert_eq!(measure_title("rank"), "Rank (1 = best)");
    }
}
