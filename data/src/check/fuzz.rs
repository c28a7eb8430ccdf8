//! Hostile data files: any input — random text, or the real file with lines
//! dropped, repeated, swapped, cut short or overwritten — yields a catalog or
//! readable errors located in the file, never a panic.

use proptest::prelude::*;

use super::parse;

const DATA: &str = include_str!("../../indicators.toml");
const LIU: &str = include_str!("../../texts/liu-2016.txt");
const FOREIGN_AFFAIRS: &str = include_str!("../../texts/foreign-affairs.txt");

fn read_text(file: &str) -> Result<String, String> {
    match file {
        "texts/liu-2016.txt" => Ok(LIU.to_string()),
        "texts/foreign-affairs.txt" => Ok(FOREIGN_AFFAIRS.to_string()),
        _ => Err("No such file or directory".to_string()),
    }
}

/// One edit to the file's lines.
#[derive(Debug, Clone)]
enum Edit {
    Drop(usize),
    Repeat(usize),
    Swap(usize, usize),
    Overwrite(usize, String),
    Insert(usize, String),
    CutAt(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let line = any::<usize>();
    let garbage = prop_oneof![
        "\\PC{0,80}",
        Just("value = nan".to_string()),
        Just("values = []".to_string()),
        Just("[[indicator]]".to_string()),
        Just("period = { start = 2015, end = 2000 }".to_string()),
        Just("date = 2015-13-45".to_string()),
        Just("quote = \"\"".to_string()),
        Just("per_square = 0".to_string()),
        Just("values = [{ value = 1e400, as_written = \"x\" }]".to_string()),
    ];
    prop_oneof![
        line.prop_map(Edit::Drop),
        line.prop_map(Edit::Repeat),
        (line, any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (line, garbage.clone()).prop_map(|(a, text)| Edit::Overwrite(a, text)),
        (line, garbage).prop_map(|(a, text)| Edit::Insert(a, text)),
        any::<usize>().prop_map(Edit::CutAt),
    ]
}

fn apply(edits: &[Edit]) -> String {
    let mut lines: Vec<String> = DATA.lines().map(str::to_string).collect();
    for edit in edits {
        let n = lines.len().max(1);
        match edit {
            Edit::Drop(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Edit::Repeat(i) if !lines.is_empty() => {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
            Edit::Swap(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Edit::Overwrite(i, text) if !lines.is_empty() => lines[i % n] = text.clone(),
            Edit::Insert(i, text) => lines.insert(i % (lines.len() + 1), text.clone()),
            Edit::CutAt(i) => {
                let text = lines.join("\n");
                let mut cut = i % (text.len() + 1);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                return text[..cut].to_string();
            }
            _ => {}
        }
    }
    lines.join("\n")
}

fn check(source: &str) -> Result<(), TestCaseError> {
    match parse(source, "data/indicators.toml", &read_text) {
        Ok(checked) => {
            // A valid file must also bake into Rust source.
            prop_assert!(crate::bake::to_rust(&checked.catalog).is_ok());
            prop_assert!(crate::bake::to_rust(checked.exclusions).is_ok());
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            for error in errors {
                let text = error.to_string();
                // A number no record accounts for is located in its text.
                let within = match error.file.as_str() {
                    "data/indicators.toml" => source,
                    "data/texts/liu-2016.txt" => LIU,
                    "data/texts/foreign-affairs.txt" => FOREIGN_AFFAIRS,
                    _ => return Err(TestCaseError::fail(format!("no such file: {text}"))),
                };
                let lines = within.lines().count().max(1);
                prop_assert!(text.starts_with(&format!("{}:", error.file)), "{}", text);
                prop_assert!(
                    error.line >= 1 && error.line <= lines + 1,
                    "line {} of {}: {}",
                    error.line,
                    lines,
                    text
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn an_edited_data_file_yields_data_or_located_errors(edits in prop::collection::vec(edit(), 1..6)) {
        check(&apply(&edits))?;
    }

    #[test]
    fn any_text_yields_data_or_located_errors(source in "\\PC{0,400}") {
        check(&source)?;
    }

    #[test]
    fn any_bytes_as_text_yield_data_or_located_errors(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }
}
