//! The element's public surface, in one table: its tag, attributes (with
//! the properties that reflect them and their defaults), other properties
//! and methods, events with their `detail`, the house-style CSS custom
//! properties, its slot and CSS parts, and the module's exported functions.
//!
//! Everything that names a part of the surface is generated from here or
//! checked against it: the element reads the names and defaults from the
//! JavaScript module [`element_module`] (the build aliases it as
//! `indicator-charts-surface`); the npm package's `custom-elements.json`
//! and type declarations are written from it (`manifest`, `types`); the
//! READMEs' tables are rendered from it ([`markdown_tables`]), and a test
//! checks that the repository's README shows them as they are. A default
//! changed here changes everywhere.

use serde_json::json;

/// The custom element's name.
pub const TAG: &str = "indicator-chart";

/// The class the package exports.
pub const CLASS: &str = "IndicatorChart";

/// What an absent attribute means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    /// The chart cannot be drawn without it.
    Required,
    /// This value, as if it were written.
    Value(&'static str),
    /// Something the element works out (the page's language, the content's
    /// height); said in words.
    Described(&'static str),
}

/// An attribute, and the property that reflects it.
#[derive(Debug, Clone, Copy)]
pub struct Attribute {
    pub name: &'static str,
    /// The property scripts (and React 19) set; it reflects the attribute.
    pub property: &'static str,
    /// Its TypeScript type.
    pub ty: &'static str,
    pub default: Default,
    /// What it may say (Markdown, the README's "values" column).
    pub values: &'static str,
    /// What it does, for the manifest and the type declarations.
    pub description: &'static str,
}

/// A property or method that no attribute reflects.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    pub name: &'static str,
    /// A field's type, or a method's return type.
    pub ty: &'static str,
    pub method: bool,
    pub readonly: bool,
    pub description: &'static str,
}

/// A field of an event's `detail`, or a function's parameter.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub ty: &'static str,
    pub optional: bool,
    pub description: &'static str,
}

/// An event the element dispatches (bubbling, composed).
#[derive(Debug, Clone, Copy)]
pub struct Event {
    /// The element's name for it in code (`EVENTS.drawn`).
    pub key: &'static str,
    pub name: &'static str,
    /// The TypeScript interface of its `detail`.
    pub detail_type: &'static str,
    pub description: &'static str,
    pub detail: &'static [Field],
}

/// A house-style custom property.
#[derive(Debug, Clone, Copy)]
pub struct CssProperty {
    /// The field of the module's house style it fills (`style.text`).
    pub key: &'static str,
    pub name: &'static str,
    /// CSS syntax, for the manifest.
    pub syntax: &'static str,
    /// What it sets (Markdown, the README's second column).
    pub sets: &'static str,
    /// The contrast it is kept at, if any (the README's third column).
    pub readable: &'static str,
}

/// A slot or a CSS part.
#[derive(Debug, Clone, Copy)]
pub struct Named {
    pub name: &'static str,
    pub description: &'static str,
}

/// A function the element's module exports.
#[derive(Debug, Clone, Copy)]
pub struct Function {
    pub name: &'static str,
    pub parameters: &'static [Field],
    pub returns: &'static str,
    pub description: &'static str,
}

pub const DESCRIPTION: &str = "A chart of one figure that two analyses of US–Vietnam relations (2015–16) cite, with its source and the sentence it comes from, drawn on a canvas by a WebAssembly module. It draws when it comes near the viewport, redraws when its width, the pixel ratio, the theme or the page's fonts change, and offers a tooltip per figure (pointer, touch and keyboard), a text alternative and a data table.";

pub const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "indicator",
        property: "indicator",
        ty: "string",
        default: Default::Required,
        values: "a chart id (listed on `index.html` and in `data/indicators.json`)",
        description: "The id of the chart to draw, such as `gdp-growth-average`. An unknown id shows a message that names the nearest one.",
    },
    Attribute {
        name: "theme",
        property: "theme",
        ty: "'light' | 'dark' | 'auto'",
        default: Default::Value("auto"),
        values: "`light`, `dark`, `auto` (follows the page: the colour behind the chart, else the page's `color-scheme`)",
        description: "The colour theme: `light`, `dark`, or `auto` for the page's own: dark behind a dark background, light behind a light one, whatever the reader's system setting (a page with no background follows its `color-scheme`). The theme drawn is in the element's `data-theme`.",
    },
    Attribute {
        name: "locale",
        property: "locale",
        ty: "string",
        default: Default::Described("the page's `lang`, else the browser's language"),
        values: "a language tag: `en`, `fr`, `vi`, `de`, `es`, `it`, `pt`, `nl`, `pl`, `ru`, `ja`, `zh`, `ko` (regional tags such as `fr-CA` work)",
        description: "The language numbers are formatted in (`6.15%` in English, `6,15 %` in French): a language tag such as `fr` or `fr-CA`. Without it, the page's `lang`, else the browser's language.",
    },
    Attribute {
        name: "aspect-ratio",
        property: "aspectRatio",
        ty: "string",
        default: Default::Described("as tall as the chart's content needs"),
        values: "width/height, as `16/9`, `4:3` or `1.5` (0.25 to 5)",
        description: "Width over height, as `16/9`, `4:3` or `1.5` (0.25 to 5); content is never cut, so a chart may be taller. Without it, the chart is as tall as its content needs.",
    },
];

pub const MEMBERS: &[Member] = &[
    Member {
        name: "chartTitle",
        ty: "string",
        method: false,
        readonly: true,
        description: "The chart's title, once drawn (`''` before).",
    },
    Member {
        name: "toBlob",
        ty: "Promise<Blob>",
        method: true,
        readonly: false,
        description: "The chart as a PNG, at the pixel ratio it is shown at; rejects if it has not been drawn.",
    },
];

const ID: Field = Field {
    name: "id",
    ty: "string",
    optional: false,
    description: "The chart's id, as its `indicator` attribute gives it.",
};

const INDEX: Field = Field {
    name: "index",
    ty: "number",
    optional: false,
    description: "Which figure or event of the chart, from 0 in reading order.",
};

pub const EVENTS: &[Event] = &[
    Event {
        key: "drawn",
        name: "indicator-chart-drawn",
        detail_type: "IndicatorChartDrawnDetail",
        description: "The chart was drawn: the first time, and again whenever its width, theme, language, pixel ratio or fonts change.",
        detail: &[
            ID,
            Field {
                name: "title",
                ty: "string",
                optional: false,
                description: "The chart's title.",
            },
            Field {
                name: "width",
                ty: "number",
                optional: false,
                description: "Its width in CSS pixels.",
            },
            Field {
                name: "height",
                ty: "number",
                optional: false,
                description: "Its height in CSS pixels.",
            },
        ],
    },
    Event {
        key: "error",
        name: "indicator-chart-error",
        detail_type: "IndicatorChartErrorDetail",
        description: "The chart could not be drawn (a mistake in an attribute, or the module could not be loaded): its box shows a message, and the fallback content, if any, stays.",
        detail: &[
            ID,
            Field {
                name: "message",
                ty: "string",
                optional: false,
                description: "What the reader sees in the chart's box.",
            },
            Field {
                name: "cause",
                ty: "string",
                optional: false,
                description: "What went wrong, for the page's developer: the line the console shows.",
            },
        ],
    },
    Event {
        key: "value",
        name: "indicator-chart-value",
        detail_type: "IndicatorChartValueDetail",
        description: "A reader moved to a figure (or an event of the timeline) by pointer, touch or keyboard, and its tooltip shows.",
        detail: &[
            ID,
            INDEX,
            Field {
                name: "label",
                ty: "string",
                optional: false,
                description: "What the figure is of (its label, else the chart's title), or what happened.",
            },
            Field {
                name: "value",
                ty: "number | null",
                optional: false,
                description: "The figure as a number in its unit's base (percent, US$, people, …); `null` for an event.",
            },
            Field {
                name: "text",
                ty: "string",
                optional: false,
                description: "The figure as the chart writes it, in the chart's language (`6.15%`), or the event's date.",
            },
            Field {
                name: "asWritten",
                ty: "string",
                optional: false,
                description: "The figure, or the event's date, word for word as the text writes it (`6.15 percent`).",
            },
            Field {
                name: "input",
                ty: "'mouse' | 'touch' | 'pen' | 'keyboard'",
                optional: false,
                description: "How the reader got there.",
            },
        ],
    },
    Event {
        key: "leave",
        name: "indicator-chart-leave",
        detail_type: "IndicatorChartLeaveDetail",
        description: "The reader left the figure the last `indicator-chart-value` was about: its tooltip closed.",
        detail: &[ID, INDEX],
    },
];

pub const CSS_PROPERTIES: &[CssProperty] = &[
    CssProperty {
        key: "fontFamily",
        name: "--indicator-chart-font-family",
        syntax: "<family-name>#",
        sets: "the typeface, as a `font-family` list; a web font the page declares is waited for (up to 3 s, then the chart is drawn again when it arrives)",
        readable: "",
    },
    CssProperty {
        key: "text",
        name: "--indicator-chart-text",
        syntax: "<color>",
        sets: "titles, labels, figures",
        readable: "4.5:1 against the background",
    },
    CssProperty {
        key: "muted",
        name: "--indicator-chart-muted",
        syntax: "<color>",
        sets: "subtitles, axes, notes, the source line",
        readable: "4.5:1",
    },
    CssProperty {
        key: "accent",
        name: "--indicator-chart-accent",
        syntax: "<color>",
        sets: "the main series, and its figures' labels",
        readable: "4.5:1 (it colours text as well as marks)",
    },
    CssProperty {
        key: "background",
        name: "--indicator-chart-background",
        syntax: "<color>",
        sets: "the chart's background; `transparent` lets the page show through",
        readable: "",
    },
];

pub const SLOTS: &[Named] = &[Named {
    name: "",
    description: "Shown until the chart is drawn, and instead of it wherever it cannot be: typically the chart's static picture, linked to its page. Without it, an empty box of the chart's shape holds its place.",
}];

pub const CSS_PARTS: &[Named] = &[
    Named {
        name: "error",
        description: "The message shown in the chart's box when it cannot be drawn.",
    },
    Named {
        name: "tooltip",
        description: "The box beside a figure the reader points at or focuses: its value, the sentence it comes from and its source.",
    },
    Named {
        name: "table",
        description: "The chart's data table, a `<details>` under the chart.",
    },
];

pub const FUNCTIONS: &[Function] = &[Function {
    name: "setModuleUrl",
    parameters: &[
        Field {
            name: "url",
            ty: "string | URL",
            optional: false,
            description: "The module's address, absolute or relative to the page.",
        },
        Field {
            name: "integrity",
            ty: "string",
            optional: true,
            description: "Its Subresource Integrity hash (`sha384-…`), checked when it is fetched.",
        },
    ],
    returns: "void",
    description: "Where every chart on the page fetches the WebAssembly module from, instead of the file beside the script (which bundlers emit): a copy on another host, say. Call it before the first chart is drawn; after that it throws, saying where the module was already loaded from.",
}];

/// The value an absent attribute stands for, as the element uses it (`""`
/// when the element works it out itself).
fn default_value(attribute: &Attribute) -> &'static str {
    match attribute.default {
        Default::Value(value) => value,
        Default::Required | Default::Described(_) => "",
    }
}

/// The names and defaults the element reads, as a JavaScript module.
pub fn element_module() -> String {
    let attributes: Vec<_> = ATTRIBUTES
        .iter()
        .map(|a| json!([a.name, a.property, default_value(a)]))
        .collect();
    let events: serde_json::Map<_, _> = EVENTS
        .iter()
        .map(|e| (e.key.to_string(), json!(e.name)))
        .collect();
    let style: serde_json::Map<_, _> = CSS_PROPERTIES
        .iter()
        .map(|p| (p.key.to_string(), json!(p.name)))
        .collect();
    format!(
        "// Generated from src/package/surface.rs by the build. Do not edit.\n\
         export const TAG = {};\n\
         // [attribute, property, the value an absent attribute stands for]\n\
         export const ATTRIBUTES = {};\n\
         export const EVENTS = {};\n\
         export const STYLE = {};\n",
        json!(TAG),
        json!(attributes),
        serde_json::Value::Object(events),
        serde_json::Value::Object(style),
    )
}

/// One Markdown table.
fn markdown_table(headings: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let headings: Vec<String> = headings.iter().map(|h| h.to_string()).collect();
    let mut table = line(&headings);
    table += &format!("|{}\n", "---|".repeat(headings.len()));
    for row in rows {
        table += &line(&row);
    }
    table
}

fn code(text: &str) -> String {
    format!("`{text}`")
}

/// The attributes, as the READMEs show them.
pub fn attributes_table() -> String {
    markdown_table(
        &["attribute", "values", "default"],
        ATTRIBUTES.iter().map(|a| {
            let default = match a.default {
                Default::Required => "required".to_string(),
                Default::Value(value) => code(value),
                Default::Described(words) => words.to_string(),
            };
            vec![code(a.name), a.values.to_string(), default]
        }),
    )
}

/// The house-style properties, as the READMEs show them. The cell is
/// left empty where no contrast applies (`"| |"`, as Markdown writes it).
pub fn house_style_table() -> String {
    markdown_table(
        &["property", "what it sets", "kept readable at"],
        CSS_PROPERTIES
            .iter()
            .map(|p| vec![code(p.name), p.sets.to_string(), p.readable.to_string()]),
    )
    .replace(" |  |\n", " | |\n")
}

/// The events, as the READMEs show them.
pub fn events_table() -> String {
    markdown_table(
        &["event", "when", "`detail`"],
        EVENTS.iter().map(|e| {
            let fields: Vec<String> = e
                .detail
                .iter()
                .map(|f| format!("`{}`: `{}`", f.name, f.ty.replace('|', "\\|")))
                .collect();
            vec![code(e.name), e.description.to_string(), fields.join(", ")]
        }),
    )
}

/// The slot and the CSS parts, as the READMEs show them.
pub fn parts_table() -> String {
    let slots = SLOTS.iter().map(|s| {
        let name = if s.name.is_empty() {
            "the element's content (default slot)".to_string()
        } else {
            format!("slot `{}`", s.name)
        };
        vec![name, s.description.to_string()]
    });
    let parts = CSS_PARTS
        .iter()
        .map(|p| vec![format!("`::part({})`", p.name), p.description.to_string()]);
    markdown_table(&["slot or part", "what it is"], slots.chain(parts))
}

/// Every table, by the name a README's placeholder gives it.
pub fn markdown_tables() -> [(&'static str, String); 4] {
    [
        ("attributes", attributes_table()),
        ("house-style", house_style_table()),
        ("events", events_table()),
        ("parts", parts_table()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attributes::ASPECT_RANGE;
    use crate::format::LOCALES;

    const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

    /// The README with each `<!-- surface:NAME -->` … `<!-- surface:end -->`
    /// block holding the table `NAME` as rendered here.
    fn readme_as_the_table_says(readme: &str) -> Result<String, String> {
        let mut out = readme.to_string();
        for (name, table) in markdown_tables() {
            let begin = format!("<!-- surface:{name} -->\n");
            let start = out
                .find(&begin)
                .ok_or_else(|| format!("README.md has no {begin:?} block for the {name} table"))?
                + begin.len();
            let length = out[start..]
                .find("<!-- surface:end -->")
                .ok_or_else(|| format!("README.md's {name} table has no <!-- surface:end -->"))?;
            out.replace_range(start..start + length, &table);
        }
        Ok(out)
    }

    /// The README documents the element as this table does: each of its
    /// tables is the one rendered here, word for word. `UPDATE_README=1`
    /// rewrites them.
    #[test]
    fn the_readme_tables_are_the_surface_table() {
        let readme = std::fs::read_to_string(README).expect("README.md");
        let expected = readme_as_the_table_says(&readme).unwrap_or_else(|e| panic!("{e}"));
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(README, &expected).expect("README.md written");
            return;
        }
        for (name, table) in markdown_tables() {
            assert!(
                readme.contains(&table),
                "README.md's {name} table differs from src/package/surface.rs \
                 (UPDATE_README=1 cargo test -p indicator-charts readme rewrites it); it should read:\n\n{table}"
            );
        }
        assert_eq!(
            readme, expected,
            "a README table is not where its block says"
        );
    }

    #[test]
    fn the_locale_attribute_lists_every_language_the_module_knows() {
        let locale = ATTRIBUTES
            .iter()
            .find(|a| a.name == "locale")
            .expect("locale");
        let listed: Vec<&str> = locale
            .values
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|tag| !tag.contains('-'))
            .collect();
        let known: Vec<&str> = LOCALES.iter().map(|l| l.tag).collect();
        assert_eq!(listed, known);
    }

    #[test]
    fn the_aspect_ratio_range_is_the_modules() {
        let ratio = ATTRIBUTES
            .iter()
            .find(|a| a.name == "aspect-ratio")
            .expect("aspect-ratio");
        let range = format!("({} to {})", ASPECT_RANGE.0, ASPECT_RANGE.1);
        assert!(
            ratio.values.contains(&range),
            "{} lacks {range}",
            ratio.values
        );
        assert!(ratio.description.contains(&range[1..range.len() - 1]));
    }

    #[test]
    fn names_are_unique_and_properties_are_camel_case() {
        let mut names: Vec<&str> = ATTRIBUTES.iter().map(|a| a.property).collect();
        names.extend(MEMBERS.iter().map(|m| m.name));
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "a property is listed twice");
        for attribute in ATTRIBUTES {
            let camel: String = attribute
                .name
                .split('-')
                .enumerate()
                .map(|(i, word)| {
                    if i == 0 {
                        word.to_string()
                    } else {
                        word[..1].to_uppercase() + &word[1..]
                    }
                })
                .collect();
            assert_eq!(attribute.property, camel);
        }
        for event in EVENTS {
            assert!(event.name.starts_with(&format!("{TAG}-")), "{}", event.name);
        }
    }

    #[test]
    fn the_element_module_has_every_name() {
        let module = element_module();
        for name in ATTRIBUTES
            .iter()
            .map(|a| a.name)
            .chain(EVENTS.iter().map(|e| e.name))
            .chain(CSS_PROPERTIES.iter().map(|p| p.name))
        {
            assert!(module.contains(&format!("\"{name}\"")), "{name}");
        }
        for attribute in ATTRIBUTES {
            let entry = json!([attribute.name, attribute.property, default_value(attribute)]);
            assert!(
                module.contains(&entry.to_string()),
                "{module} lacks {entry}"
            );
        }
    }
}
