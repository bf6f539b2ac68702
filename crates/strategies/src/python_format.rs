//! Parameters in names, rendered as Python renders them: the classic and
//! memory-one strategies append their parameters to their names exactly as
//! the Python `axelrod` library prints them (`"Random: 0.5"`), so that
//! results can be compared name by name.

/// Renders a float the way Python's `str(float)` does for the parameter
/// values that appear in `axelrod` names: the shortest representation that
/// round-trips, with a trailing `.0` for integral values (`1.0`, `0.5`), and
/// scientific notation with a two-digit exponent below 1e-4 or from 1e16 on
/// (`1e-05`, `1.5e+16`).
pub(crate) fn python_float(value: f64) -> String {
    let magnitude = value.abs();
    if value.is_finite() && value != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        let scientific = format!("{value:e}");
        let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(digits) => ('-', digits),
            None => ('+', exponent),
        };
        return format!("{mantissa}e{sign}{digits:0>2}");
    }
    let text = format!("{value}");
    if value.is_finite() && !text.contains('.') {
        format!("{text}.0")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_float_matches_python_str() {
        assert_eq!(python_float(0.5), "0.5");
        assert_eq!(python_float(1.0), "1.0");
        assert_eq!(python_float(0.0), "0.0");
        assert_eq!(python_float(0.05), "0.05");
        assert_eq!(python_float(0.33), "0.33");
        assert_eq!(python_float(0.0001), "0.0001");
        assert_eq!(python_float(1e-5), "1e-05");
        assert_eq!(python_float(2.5e-7), "2.5e-07");
        assert_eq!(python_float(1e16), "1e+16");
        assert_eq!(python_float(123.0), "123.0");
    }
}
