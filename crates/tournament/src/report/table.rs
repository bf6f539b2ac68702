//! Player names in text tables: cut to [`TABLE_NAME_CHARS`], and the
//! width of a name column.

/// The longest name a text table shows in full, in characters; longer names
/// are cut and end in `...`.
pub const TABLE_NAME_CHARS: usize = 48;

/// A player name as a text table shows it: whole up to
/// [`TABLE_NAME_CHARS`] characters, else cut to that length with `...` at
/// the end. Files (CSV, JSON) always carry the whole name.
///
/// ```
/// use twolevel_tournament::report::table_name;
///
/// assert_eq!(table_name("Tit For Tat"), "Tit For Tat");
/// let long = "x".repeat(70_000);
/// assert_eq!(table_name(&long).chars().count(), 48);
/// assert!(table_name(&long).ends_with("..."));
/// ```
#[must_use]
pub fn table_name(name: &str) -> std::borrow::Cow<'_, str> {
    if name.chars().count() <= TABLE_NAME_CHARS {
        std::borrow::Cow::Borrowed(name)
    } else {
        let kept: String = name.chars().take(TABLE_NAME_CHARS - 3).collect();
        std::borrow::Cow::Owned(format!("{kept}..."))
    }
}

/// The width of a table's name column: the longest name as
/// [`table_name`] shows it, and at least the column's header.
pub(super) fn name_column_width<'a>(names: impl Iterator<Item = &'a str>, header: &str) -> usize {
    names
        .map(|name| table_name(name).chars().count())
        .chain([header.chars().count()])
        .max()
        .unwrap_or(0)
}
